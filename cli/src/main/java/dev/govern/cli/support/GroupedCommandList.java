package dev.govern.cli.support;

import dev.govern.cli.support.CommandGroup.Group;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/** Replaces picocli's flat command list in the root help with one list per {@link Group}. */
public final class GroupedCommandList {
  private GroupedCommandList() {}

  public static void install(CommandLine cl) {
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
    cl.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            GroupedCommandList::render);
  }

  private static String render(Help help) {
    Map<Group, List<CommandLine>> groups = new EnumMap<>(Group.class);
    for (CommandLine sub : help.commandSpec().subcommands().values().stream().distinct().toList()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.usageMessage().hidden()) {
        continue;
      }
      CommandGroup g = spec.userObject().getClass().getAnnotation(CommandGroup.class);
      groups.computeIfAbsent(g == null ? Group.OTHER : g.value(), k -> new ArrayList<>()).add(sub);
    }
    int width = 0;
    for (List<CommandLine> list : groups.values()) {
      for (CommandLine c : list) {
        width = Math.max(width, c.getCommandName().length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Group, List<CommandLine>> e : groups.entrySet()) {
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
