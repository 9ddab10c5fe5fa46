package dev.govern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.model.CommandModelWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 2's convention: every command that reports something offers --json. */
class JsonConventionTest {
  /**
   * Commands that report nothing of their own: groups (they print usage), commands that run or
   * print programs (exec, init, completion), the server (serve: it runs until stopped and logs),
   * the hidden CDS training run, and those whose {@code --format} already offers json (gate, scan,
   * audit export) or a standard JSON format (sbom: CycloneDX).
   */
  private static final Set<String> EXEMPT =
      Set.of(
          "govern",
          "govern hook",
          "govern audit",
          "govern release",
          "govern request",
          "govern envs",
          "govern policy",
          "govern server",
          "govern server token",
          "govern serve",
          "govern exec",
          "govern init",
          "govern completion",
          "govern cds-training",
          "govern sbom",
          "govern audit export");

  @Test
  void everyReportingCommandHasJson() {
    CommandLine root = GovernCli.fullTree(CommandModelWriter.newRoot(), null);
    List<String> missing = new ArrayList<>();
    collect(root, missing);
    assertThat(missing).isEmpty();
  }

  private static void collect(CommandLine cl, List<String> missing) {
    String name = cl.getCommandSpec().qualifiedName();
    if (!EXEMPT.contains(name) && cl.getCommandSpec().findOption("--json") == null) {
      missing.add(name);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, missing);
    }
  }
}
