package dev.govern.core.vuln;

import java.util.List;
import java.util.Optional;

/**
 * What vulnerability matching needs from a go.mod: its {@code go} and {@code toolchain} lines and
 * its requirements. Produced by a {@link GoModFactsReader}.
 *
 * @param file the go.mod file
 * @param go the {@code go} line's version ({@code 1.21}, {@code 1.22.4}), if present
 * @param toolchain the {@code toolchain} line's name ({@code go1.22.4}), if present
 * @param requires the required modules
 */
public record GoModFacts(
    String file, Optional<String> go, Optional<String> toolchain, List<Requirement> requires) {
  public GoModFacts {
    requires = List.copyOf(requires);
  }

  /**
   * One requirement.
   *
   * @param path the module path
   * @param version the required version ({@code v1.2.3}, a pseudo-version, {@code
   *     v2.0.0+incompatible})
   * @param indirect whether it is marked {@code // indirect}
   */
  public record Requirement(String path, String version, boolean indirect) {}
}
