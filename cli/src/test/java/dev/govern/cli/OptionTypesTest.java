package dev.govern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.model.CommandModelWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * GovernCli tells picocli not to look up its java.time and java.sql converters (a start-up cost);
 * so no option or parameter may have such a type.
 */
class OptionTypesTest {
  /** The excluded types govern has its own converter for (see GovernCli#build). */
  private static final Set<Class<?>> CONVERTED = Set.of(LocalDate.class);

  @Test
  void everyDateOptionParsesAndRejectsANonDate(@TempDir Path home) {
    CliRunner govern = new CliRunner(home);
    CliRunner.Result bad = govern.run("releases", "--as-of", "2024-13-01");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("'2024-13-01' is not a date (YYYY-MM-DD)");
  }

  @Test
  void noOptionNeedsAnExcludedConverter() {
    CommandLine root = GovernCli.fullTree(CommandModelWriter.newRoot(), null);
    List<String> offending = new ArrayList<>();
    collect(root, offending);
    assertThat(offending).isEmpty();
  }

  @Test
  void theExclusionCoversJavaTimeAndJavaSqlOnly() {
    assertThat("java.time.Duration").matches(GovernCli.UNUSED_CONVERTERS);
    assertThat("java.sql.Timestamp").matches(GovernCli.UNUSED_CONVERTERS);
    assertThat("java.nio.file.Path").doesNotMatch(GovernCli.UNUSED_CONVERTERS);
  }

  private static void collect(CommandLine cl, List<String> offending) {
    for (ArgSpec a : cl.getCommandSpec().args()) {
      List<Class<?>> types = new ArrayList<>(List.of(a.auxiliaryTypes()));
      types.add(a.type());
      for (Class<?> t : types) {
        if (t.getName().matches(GovernCli.UNUSED_CONVERTERS) && !CONVERTED.contains(t)) {
          offending.add(cl.getCommandSpec().qualifiedName() + " " + a + ": " + t.getName());
        }
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, offending);
    }
  }
}
