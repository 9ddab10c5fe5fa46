package dev.govern.core.artifact.gomod;

/**
 * A {@code replace} line.
 *
 * @param old the replaced module; an empty version replaces every version
 * @param target the replacement: a module with a version, or a directory without one
 * @param line where it is
 */
public record Replacement(ModuleRef old, ModuleRef target, int line) {

  /** Whether the replacement is a local directory. */
  public boolean isDirectory() {
    return GoModParser.isDirectoryPath(target.path());
  }

  /** Whether this line applies to {@code path@version} (exact version, or all versions). */
  public boolean appliesTo(String path, String version) {
    return old.path().equals(path) && (!old.hasVersion() || old.version().equals(version));
  }
}
