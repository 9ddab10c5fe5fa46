package dev.govern.core.governance.policy;

import java.util.Locale;

/** How a broken rule counts: a failure, a warning, or not at all. */
public enum RuleLevel {
  FAIL,
  WARN,
  OFF;

  /** {@code fail}, {@code warn} or {@code off}; null for anything else. */
  public static RuleLevel ofWord(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "fail", "error" -> FAIL;
      case "warn", "warning" -> WARN;
      case "off", "ignore" -> OFF;
      default -> null;
    };
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
