package dev.govern.cli.support;

import dev.govern.core.GovernException;
import java.util.List;
import java.util.Locale;

/** The report format a command chose with {@code --format}, or with {@code --json} for short. */
public final class ReportFormat {
  private ReportFormat() {}

  /**
   * The chosen format, lower case.
   *
   * @param formats the formats the command knows, its default first
   * @throws GovernException usage, for an unknown format or {@code --json} with another format
   */
  public static String chosen(boolean json, String format, List<String> formats) {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (json && !fmt.equals("json") && !fmt.equals(formats.get(0))) {
      throw GovernException.usage("--json and --format " + format + " disagree");
    }
    if (!formats.contains(fmt)) {
      throw GovernException.usage(
          "unknown format \""
              + format
              + "\" ("
              + String.join(", ", formats.subList(0, formats.size() - 1))
              + " or "
              + formats.get(formats.size() - 1)
              + ")");
    }
    return json ? "json" : fmt;
  }
}
