package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.toolchain.ToolchainListener;
import dev.govern.core.toolchain.ToolchainRemover;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern prune --keep N}: removes all but the N newest toolchains (and the default). */
@Command(
    name = "prune",
    description = "Remove old toolchains, keeping the N newest and the default.")
public final class PruneCommand extends BaseCommand {
  @Option(
      names = "--keep",
      paramLabel = "N",
      required = true,
      description = "How many of the newest toolchains to keep (the default is kept besides).")
  int keep;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit ledger.")
  String reason;

  @Mixin JsonFlag format;

  @Override
  protected int run() {
    ToolchainRemover remover = new ToolchainRemover(new ToolchainStore(settings().home()));
    List<GoVersion> removed = remover.prune(keep);
    ChangeRecorder recorder = recorder();
    ToolchainListener listener = ToolchainWiring.listener(settings());
    for (GoVersion v : removed) {
      recorder.record(
          new Change(
              "uninstall",
              ToolchainWiring.hostSubject(settings()),
              v.toString(),
              null,
              reason == null ? "prune --keep " + keep : reason,
              null));
      listener.onRemoved(v);
      if (!format.json) {
        out().println("removed " + v);
      }
    }
    if (format.json) {
      JsonOutput.print(
          out(),
          new UninstallCommand.Removed(1, removed.stream().map(GoVersion::toString).toList()));
    } else {
      if (removed.isEmpty()) {
        out().println("nothing to remove");
      }
      out().flush();
    }
    remover.cleanUp();
    return 0;
  }
}
