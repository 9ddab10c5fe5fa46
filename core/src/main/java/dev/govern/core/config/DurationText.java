package dev.govern.core.config;

import dev.govern.core.GovernException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, or seconds.
 */
public final class DurationText {
  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private DurationText() {}

  /** Parses {@code text}; {@code what} names the option in the error ({@code --health-timeout}). */
  public static Duration parse(String text, String what) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw GovernException.usage(
          what + " takes a positive duration such as 30s, 500ms, 2m or 1h, not \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** The shortest of these forms that says {@code d} exactly. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
