package dev.govern.core.governance;

import java.util.Locale;
import java.util.Optional;

/** Where an environment's recommended version stands. */
public enum EnvStatus {
  /** Running there, recommended. */
  LIVE,
  /** Being tried out; watch it. */
  OBSERVING,
  /** Rolled out and then stopped: do not use. */
  SUSPENDED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EnvStatus> of(String word) {
    for (EnvStatus s : values()) {
      if (s.word().equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
