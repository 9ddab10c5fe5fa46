package dev.govern.core.artifact.binary;

import java.util.Objects;

/** One {@code build key=value} line: a flag, an environment variable or a VCS fact. */
public record BuildSetting(String key, String value) {
  public BuildSetting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
