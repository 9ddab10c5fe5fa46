package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.deploy.ProcessTable;
import dev.govern.core.deploy.ReleaseMatcher;
import dev.govern.core.deploy.ReleaseStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern ps}: every running Go process on this host and the release it runs. */
@Command(
    name = "ps",
    description = {
      "List the running Go processes on this host (from /proc/PID/exe, deleted or replaced",
      "files included): Go version, module, revision, build ID and, when the binary is in",
      "the release store, its release id and service."
    })
public final class PsCommand extends BaseCommand {
  @Mixin StoreOption store;
  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Processes(
      int schemaVersion, String store, int processes, int unreadable, List<ProcessDoc> goProcesses)
      implements JsonDocument {}

  @Override
  protected int run() {
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    ProcessTable.Snapshot snap = ProcessTable.system().read();
    ReleaseMatcher matcher = new ReleaseMatcher(releases.all());
    List<ProcessDoc> rows = snap.processes().stream().map(p -> ProcessDoc.of(p, matcher)).toList();
    if (format.json) {
      JsonOutput.print(
          out(),
          new Processes(1, releases.root().toString(), snap.seen(), snap.unreadable(), rows));
      return 0;
    }
    String f = "%-8s %-12s %-12s %-10s %-12s %-24s %s";
    out().println(String.format(f, "PID", "RELEASE", "SERVICE", "GO", "REVISION", "MODULE", "EXE"));
    for (ProcessDoc p : rows) {
      out()
          .println(
              String.format(
                  f,
                  p.pid(),
                  p.releaseIds(),
                  p.services(),
                  p.goVersion(),
                  p.shortRevision() + (Boolean.TRUE.equals(p.modified()) ? "+" : ""),
                  p.module().isEmpty() ? "-" : p.module(),
                  p.exeShown()));
    }
    out().flush();
    err()
        .println(
            rows.size()
                + " Go processes of "
                + snap.seen()
                + (snap.unreadable() == 0
                    ? ""
                    : "; "
                        + snap.unreadable()
                        + " of other users could not be read (run as root to see them)"));
    err().flush();
    return 0;
  }
}
