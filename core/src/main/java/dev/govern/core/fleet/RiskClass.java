package dev.govern.core.fleet;

import java.util.Locale;

/** Fleet debt classes, worst first. */
public enum RiskClass {
  RED,
  YELLOW,
  GREEN;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
