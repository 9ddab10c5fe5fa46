package dev.govern.core.artifact.gomod;

import dev.govern.core.module.ModuleVersion;
import dev.govern.core.module.PseudoVersion;
import java.util.Optional;

/**
 * A {@code require} line.
 *
 * @param path the module path
 * @param version the canonical version ({@code v1.2} is stored as {@code v1.2.0})
 * @param indirect whether it is marked {@code // indirect} (needed only by dependencies)
 * @param line where it is
 */
public record Requirement(String path, String version, boolean indirect, int line) {

  /** Whether the main module imports this module itself (no {@code // indirect} mark). */
  public boolean direct() {
    return !indirect;
  }

  /** The version as a comparable module version. */
  public ModuleVersion moduleVersion() {
    return ModuleVersion.parse(version);
  }

  /** The pseudo-version facts when the version names an untagged commit. */
  public Optional<PseudoVersion> pseudo() {
    return PseudoVersion.parse(version);
  }

  /** Whether the version is a v2+ version of a module without a go.mod major suffix. */
  public boolean incompatible() {
    return version.endsWith(ModuleVersion.INCOMPATIBLE);
  }
}
