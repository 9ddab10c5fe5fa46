package dev.govern.core.artifact.gomod;

/**
 * A module path with an optional version, Go's {@code module.Version}.
 *
 * @param path the module path, or a directory for a local replacement
 * @param version the canonical version, or empty when none was written
 */
public record ModuleRef(String path, String version) {

  /** Whether a version was written. */
  public boolean hasVersion() {
    return !version.isEmpty();
  }

  /** {@code path@version}, or just the path. */
  @Override
  public String toString() {
    return version.isEmpty() ? path : path + "@" + version;
  }
}
