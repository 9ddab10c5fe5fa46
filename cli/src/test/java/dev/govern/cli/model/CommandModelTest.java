package dev.govern.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.cli.GovernCli;
import dev.govern.cli.GovernCommand;
import dev.govern.cli.artifact.InspectCommand;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command model rebuilds exactly the tree picocli builds from the annotations. */
class CommandModelTest {
  private static CommandLine annotated() {
    return GovernCli.fullTree(CommandModelWriter.newRoot(), null);
  }

  private static CommandLine fromModel(CommandModel model) {
    return GovernCli.fullTree(CommandModelWriter.newRoot(), model);
  }

  @Test
  void theBundledModelRebuildsTheAnnotatedTree() {
    CommandModel bundled = CommandModel.bundled();
    assertThat(bundled).as("the build generates " + CommandModel.BUNDLED_CLASS).isNotNull();
    assertThat(SpecFingerprint.of(fromModel(bundled))).isEqualTo(SpecFingerprint.of(annotated()));
  }

  @Test
  void theRootHelpFromSummariesIsTheRootHelpOfTheWholeTree() {
    CommandLine summaries = GovernCli.build(CommandModelWriter.newRoot(), CommandModel.bundled());
    assertThat(summaries.getSubcommands().get("inspect").getCommandSpec().findOption("--symbols"))
        .isNull();
    assertThat(summaries.getUsageMessage(CommandLine.Help.Ansi.OFF))
        .isEqualTo(annotated().getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @Test
  void aNamedCommandIsModelledInFullAlone() {
    CommandLine one =
        GovernCli.build(CommandModelWriter.newRoot(), CommandModel.bundled(), "inspect", "x");
    assertThat(one.getSubcommands()).containsOnlyKeys("inspect");
    assertThat(one.getSubcommands().get("inspect").getCommandSpec().findOption("--symbols"))
        .isNotNull();
  }

  @Test
  void theFingerprintSeesAChangedDescription() {
    String text = CommandModelWriter.write(annotated());
    String changed =
        text.replace(
            "desc\tPrint one JSON document (with schemaVersion) on stdout.", "desc\tPrint YAML.");
    assertThat(changed).isNotEqualTo(text);
    assertThat(SpecFingerprint.of(fromModel(CommandModel.parse(changed, "test"))))
        .isNotEqualTo(SpecFingerprint.of(annotated()));
  }

  @Test
  void theFingerprintSeesAMissingOption() {
    String text = CommandModelWriter.write(annotated());
    String without =
        String.join(
            "\n", text.lines().filter(l -> !l.contains("\tsymbols\tname\t--symbols\t")).toList());
    assertThat(without.length()).isLessThan(text.length());
    assertThat(SpecFingerprint.of(fromModel(CommandModel.parse(without + "\n", "test"))))
        .isNotEqualTo(SpecFingerprint.of(annotated()));
  }

  @Test
  void optionsParsedThroughTheModelLandInTheCommandsFields() throws Exception {
    CommandLine cl = fromModel(CommandModel.bundled());
    cl.parseArgs("inspect", "--symbols", "--threads", "3", "--linked", "a.F", "--json", "x", "y");
    InspectCommand inspect =
        (InspectCommand) cl.getSubcommands().get("inspect").getCommandSpec().userObject();
    assertThat(field(inspect, "symbols")).isEqualTo(true);
    assertThat(field(inspect, "threads")).isEqualTo(3);
    assertThat(field(inspect, "linked")).isEqualTo(List.of("a.F"));
    assertThat(field(inspect, "paths")).isEqualTo(List.of("x", "y"));
    Object format = field(inspect, "format");
    assertThat(field(format, "json")).isEqualTo(true);
    GovernCommand root = (GovernCommand) cl.getCommandSpec().userObject();
    assertThat(root.verbose()).isFalse();
  }

  @Test
  void aModelWithoutItsHeaderIsRejected() {
    assertThatThrownBy(() -> CommandModel.parse("command\t/\tx\n", "m.model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.model:1: not a command model of version 1");
  }

  @Test
  void aRecordBeforeTheFirstCommandIsRejectedWithItsLine() {
    assertThatThrownBy(
            () -> CommandModel.parse("govern-command-model\t1\nattr\tname\tx\n", "m.model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.model:2: record before the first command");
  }

  @Test
  void aBadEscapeIsRejectedWithItsLine() {
    String text =
        "govern-command-model\t1\ncommand\t/\t"
            + GovernCommand.class.getName()
            + "\nattr\tname\tgo\\qvern\n";
    CommandModel model = CommandModel.parse(text, "m.model");
    assertThatThrownBy(() -> model.root(CommandModelWriter.newRoot()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.model, command /, record 2: unknown escape \\q");
  }

  @Test
  void anUnknownRecordIsRejected() {
    String text =
        "govern-command-model\t1\ncommand\t/\t" + GovernCommand.class.getName() + "\nfrob\tx\n";
    CommandModel model = CommandModel.parse(text, "m.model");
    assertThatThrownBy(() -> model.root(CommandModelWriter.newRoot()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown command model record frob");
  }

  @Test
  void aMissingCommandIsNamed() {
    CommandModel model =
        CommandModel.parse(
            "govern-command-model\t1\ncommand\t/\t" + GovernCommand.class.getName() + "\n", "m");
    assertThatThrownBy(() -> model.command("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m: no command nope");
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }
}
