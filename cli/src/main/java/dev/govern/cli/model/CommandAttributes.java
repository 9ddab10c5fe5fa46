package dev.govern.cli.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The command-level attributes the model carries, read from a {@link CommandSpec} (at build time)
 * and applied to one (at run time). Anything not listed here keeps picocli's default; {@link
 * SpecFingerprint} proves at build time that nothing else differs.
 */
final class CommandAttributes {
  private CommandAttributes() {}

  /** Every carried attribute of {@code s}, by key, in a stable order. */
  static Map<String, List<String>> of(CommandSpec s) {
    UsageMessageSpec u = s.usageMessage();
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("name", List.of(s.name()));
    m.put("aliases", List.of(s.aliases()));
    m.put("version", List.of(s.version()));
    m.put(
        "versionProvider",
        s.versionProvider() == null
            ? List.of()
            : List.of(s.versionProvider().getClass().getName()));
    m.put("helpCommand", bool(s.helpCommand()));
    m.put("subcommandsRepeatable", bool(s.subcommandsRepeatable()));
    m.put("exitCodeOnSuccess", num(s.exitCodeOnSuccess()));
    m.put("exitCodeOnUsageHelp", num(s.exitCodeOnUsageHelp()));
    m.put("exitCodeOnVersionHelp", num(s.exitCodeOnVersionHelp()));
    m.put("exitCodeOnInvalidInput", num(s.exitCodeOnInvalidInput()));
    m.put("exitCodeOnExecutionException", num(s.exitCodeOnExecutionException()));
    m.put("hidden", bool(u.hidden()));
    m.put("description", List.of(u.description()));
    m.put("header", List.of(u.header()));
    m.put("footer", List.of(u.footer()));
    m.put("customSynopsis", List.of(u.customSynopsis()));
    m.put("headerHeading", List.of(u.headerHeading()));
    m.put("synopsisHeading", List.of(u.synopsisHeading()));
    m.put("descriptionHeading", List.of(u.descriptionHeading()));
    m.put("parameterListHeading", List.of(u.parameterListHeading()));
    m.put("optionListHeading", List.of(u.optionListHeading()));
    m.put("commandListHeading", List.of(u.commandListHeading()));
    m.put("footerHeading", List.of(u.footerHeading()));
    m.put("exitCodeListHeading", List.of(u.exitCodeListHeading()));
    List<String> codes = new ArrayList<>();
    u.exitCodeList().forEach((k, v) -> codes.addAll(Arrays.asList(k, v)));
    m.put("exitCodeList", codes);
    m.put("synopsisSubcommandLabel", List.of(u.synopsisSubcommandLabel()));
    m.put("abbreviateSynopsis", bool(u.abbreviateSynopsis()));
    m.put("sortOptions", bool(u.sortOptions()));
    m.put("sortSynopsis", bool(u.sortSynopsis()));
    m.put("showDefaultValues", bool(u.showDefaultValues()));
    m.put("showAtFileInUsageHelp", bool(u.showAtFileInUsageHelp()));
    m.put("showEndOfOptionsDelimiterInUsageHelp", bool(u.showEndOfOptionsDelimiterInUsageHelp()));
    m.put("requiredOptionMarker", List.of(String.valueOf(u.requiredOptionMarker())));
    m.put("autoWidth", bool(u.autoWidth()));
    return m;
  }

  /** Sets attribute {@code key} of {@code s} to {@code v}; the model file names the key. */
  static void apply(CommandSpec s, String key, String[] v, int from) {
    UsageMessageSpec u = s.usageMessage();
    String[] rest = Arrays.copyOfRange(v, from, v.length);
    String one = rest.length == 0 ? "" : rest[0];
    switch (key) {
      case "name" -> s.name(one);
      case "aliases" -> s.aliases(rest);
      case "version" -> s.version(rest);
      case "versionProvider" ->
          s.versionProvider(Instances.create(one, picocli.CommandLine.IVersionProvider.class));
      case "helpCommand" -> s.helpCommand(Boolean.parseBoolean(one));
      case "subcommandsRepeatable" -> s.subcommandsRepeatable(Boolean.parseBoolean(one));
      case "exitCodeOnSuccess" -> s.exitCodeOnSuccess(Integer.parseInt(one));
      case "exitCodeOnUsageHelp" -> s.exitCodeOnUsageHelp(Integer.parseInt(one));
      case "exitCodeOnVersionHelp" -> s.exitCodeOnVersionHelp(Integer.parseInt(one));
      case "exitCodeOnInvalidInput" -> s.exitCodeOnInvalidInput(Integer.parseInt(one));
      case "exitCodeOnExecutionException" -> s.exitCodeOnExecutionException(Integer.parseInt(one));
      case "hidden" -> u.hidden(Boolean.parseBoolean(one));
      case "description" -> u.description(rest);
      case "header" -> u.header(rest);
      case "footer" -> u.footer(rest);
      case "customSynopsis" -> u.customSynopsis(rest);
      case "headerHeading" -> u.headerHeading(one);
      case "synopsisHeading" -> u.synopsisHeading(one);
      case "descriptionHeading" -> u.descriptionHeading(one);
      case "parameterListHeading" -> u.parameterListHeading(one);
      case "optionListHeading" -> u.optionListHeading(one);
      case "commandListHeading" -> u.commandListHeading(one);
      case "footerHeading" -> u.footerHeading(one);
      case "exitCodeListHeading" -> u.exitCodeListHeading(one);
      case "exitCodeList" -> {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < rest.length; i += 2) {
          codes.put(rest[i], rest[i + 1]);
        }
        u.exitCodeList(codes);
      }
      case "synopsisSubcommandLabel" -> u.synopsisSubcommandLabel(one);
      case "abbreviateSynopsis" -> u.abbreviateSynopsis(Boolean.parseBoolean(one));
      case "sortOptions" -> u.sortOptions(Boolean.parseBoolean(one));
      case "sortSynopsis" -> u.sortSynopsis(Boolean.parseBoolean(one));
      case "showDefaultValues" -> u.showDefaultValues(Boolean.parseBoolean(one));
      case "showAtFileInUsageHelp" -> u.showAtFileInUsageHelp(Boolean.parseBoolean(one));
      case "showEndOfOptionsDelimiterInUsageHelp" ->
          u.showEndOfOptionsDelimiterInUsageHelp(Boolean.parseBoolean(one));
      case "requiredOptionMarker" -> u.requiredOptionMarker(one.charAt(0));
      case "autoWidth" -> u.autoWidth(Boolean.parseBoolean(one));
      default -> throw new IllegalArgumentException("unknown command attribute " + key);
    }
  }

  private static List<String> bool(boolean b) {
    return List.of(String.valueOf(b));
  }

  private static List<String> num(int n) {
    return List.of(String.valueOf(n));
  }
}
