package dev.govern.cli.support;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/** Replaces picocli's flat command list in the root help with one list per {@link CommandGroup}. */
public final class GroupedCommandList {
  private GroupedCommandList() {}

  /** Installs the grouped list on {@code cl}; {@code groups} names each subcommand's heading. */
  public static void install(CommandLine cl, Function<String, CommandGroup> groups) {
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
    cl.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            help -> render(help, groups));
  }

  private static String render(Help help, Function<String, CommandGroup> groups) {
    Map<CommandGroup, List<CommandLine>> byGroup = new EnumMap<>(CommandGroup.class);
    for (CommandLine sub : help.commandSpec().subcommands().values().stream().distinct().toList()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.usageMessage().hidden()) {
        continue;
      }
      byGroup.computeIfAbsent(groups.apply(sub.getCommandName()), k -> new ArrayList<>()).add(sub);
    }
    int width = 0;
    for (List<CommandLine> list : byGroup.values()) {
      for (CommandLine c : list) {
        width = Math.max(width, c.getCommandName().length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<CommandGroup, List<CommandLine>> e : byGroup.entrySet()) {
      b.append('\n').append(e.getKey().heading()).append(":\n");
      for (CommandLine c : e.getValue()) {
        String[] desc = c.getCommandSpec().usageMessage().description();
        String first = desc.length == 0 ? "" : desc[0].replace("%n", " ");
        b.append("  ")
            .append(String.format("%-" + width + "s", c.getCommandName()))
            .append("  ")
            .append(first)
            .append('\n');
      }
    }
    return b.toString();
  }
}
