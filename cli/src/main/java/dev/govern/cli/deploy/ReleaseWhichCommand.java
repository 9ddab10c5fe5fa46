package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.deploy.BinaryFacts;
import dev.govern.core.deploy.ProcessTable;
import dev.govern.core.deploy.ReleaseMatcher;
import dev.govern.core.deploy.ReleaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govern release which PID|BIN}: which release a process or binary is. */
@Command(
    name = "which",
    description = "Which recorded release a running process (PID) or a binary file (BIN) is.")
final class ReleaseWhichCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PID|BIN", description = "A process id or a binary file.")
  String what;

  @Mixin StoreOption store;
  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Which(int schemaVersion, String store, ProcessDoc binary) implements JsonDocument {}

  @Override
  protected int run() {
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    ReleaseMatcher matcher = new ReleaseMatcher(releases.all());
    Path file = cwd().resolve(what);
    ProcessDoc doc;
    if (what.chars().allMatch(Character::isDigit) && !what.isEmpty() && !Files.exists(file)) {
      long pid;
      try {
        pid = Long.parseLong(what);
      } catch (NumberFormatException e) {
        throw GovernException.usage("not a process id: " + what);
      }
      doc = ProcessDoc.of(ProcessTable.system().one(pid), matcher);
    } else {
      if (!Files.isRegularFile(file)) {
        throw GovernException.notFound("no such file or process: " + what, null);
      }
      BinaryFacts f = BinaryFacts.read(file, file.toString());
      doc =
          ProcessDoc.of(
              null,
              file.toString(),
              false,
              false,
              f,
              matcher.bySha256(ReleaseMatcher.sha256(file)));
    }
    if (format.json) {
      JsonOutput.print(out(), new Which(1, releases.root().toString(), doc));
      return 0;
    }
    if (doc.pid() != null) {
      out().println("pid       " + doc.pid());
    }
    out().println("exe       " + doc.exeShown());
    out()
        .println(
            "release   "
                + (doc.releases().isEmpty()
                    ? "(not recorded in " + releases.root() + ")"
                    : doc.releaseIds() + " of " + doc.services()));
    out().println("go        " + doc.goVersion());
    out().println(("module    " + doc.module() + " " + doc.moduleVersion()).stripTrailing());
    out()
        .println(
            "revision  "
                + (doc.revision().isEmpty() ? "-" : doc.revision())
                + (Boolean.TRUE.equals(doc.modified()) ? " (modified)" : ""));
    out().println("build id  " + doc.buildId());
    out().flush();
    return 0;
  }
}
