package dev.govern.core.artifact.binary;

import dev.govern.core.artifact.gomod.GoModParser;
import java.util.Objects;
import java.util.Optional;

/**
 * A module line of the build info ({@code mod}, {@code dep} or {@code =>}).
 *
 * @param path module path (for a directory replacement, the directory as written in go.mod)
 * @param version module version, {@code (devel)} for the main module built in place
 * @param sum the {@code h1:} checksum, or empty
 * @param replacement what replaced this module, or {@code null}
 */
public record ModuleInfo(String path, String version, String sum, ModuleInfo replacement) {
  public ModuleInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sum, "sum");
  }

  public static ModuleInfo of(String path, String version, String sum) {
    return new ModuleInfo(path, version, sum, null);
  }

  public Optional<ModuleInfo> replacedBy() {
    return Optional.ofNullable(replacement);
  }

  /**
   * The module whose code is linked: the replacement when it is another module version, else this
   * one (a replacement by a local directory has no published version to name).
   */
  public ModuleInfo effective() {
    if (replacement == null || GoModParser.isDirectoryPath(replacement.path())) {
      return this;
    }
    return replacement;
  }

  ModuleInfo withReplacement(ModuleInfo r) {
    return new ModuleInfo(path, version, sum, r);
  }

  boolean isEmpty() {
    return path.isEmpty() && version.isEmpty() && sum.isEmpty() && replacement == null;
  }
}
