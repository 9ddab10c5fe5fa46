package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.ledger.Change;
import dev.govern.core.toolchain.ToolchainRemover;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern uninstall <v>}: removes one toolchain (not the default, unless forced). */
@Command(name = "uninstall", description = "Remove an installed toolchain (refuses the default).")
public final class UninstallCommand extends BaseCommand {
  @Parameters(paramLabel = "VERSION", description = "The installed version, e.g. 1.22.4.")
  String version;

  @Option(names = "--force", description = "Remove it even if it is the global default.")
  boolean force;

  @Option(
      names = "--purge",
      description =
          "Also delete its cached archive in downloads/ (kept otherwise, to reinstall offline).")
  boolean purge;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit ledger.")
  String reason;

  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Removed(int schemaVersion, List<String> removed) implements JsonDocument {}

  @Override
  protected int run() {
    GoVersion v = GoVersion.parse(version);
    ToolchainRemover remover = new ToolchainRemover(new ToolchainStore(settings().home()));
    remover.uninstall(v, force, purge);
    recorder()
        .record(
            new Change(
                "uninstall",
                ToolchainWiring.hostSubject(settings()),
                v.toString(),
                null,
                reason,
                null));
    ToolchainWiring.listener(settings()).onRemoved(v);
    if (format.json) {
      JsonOutput.print(out(), new Removed(1, List.of(v.toString())));
    } else {
      out().println("uninstalled " + v);
      out().flush();
    }
    remover.cleanUp();
    return 0;
  }
}
