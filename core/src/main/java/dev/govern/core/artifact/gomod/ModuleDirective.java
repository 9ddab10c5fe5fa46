package dev.govern.core.artifact.gomod;

/**
 * The {@code module} line.
 *
 * @param path the module path
 * @param deprecated the text of a {@code // Deprecated:} paragraph in its comments, or empty
 * @param line where it is
 */
public record ModuleDirective(String path, String deprecated, int line) {
  public boolean isDeprecated() {
    return !deprecated.isEmpty();
  }
}
