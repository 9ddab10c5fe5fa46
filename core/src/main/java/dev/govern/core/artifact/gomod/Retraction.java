package dev.govern.core.artifact.gomod;

import dev.govern.core.module.ModuleVersion;

/**
 * A {@code retract} entry: one version ({@code low == high}) or a closed range.
 *
 * @param low the lowest retracted version
 * @param high the highest retracted version
 * @param rationale the comment text that explains it (its own, or the block's), or empty
 * @param line where it is
 */
public record Retraction(String low, String high, String rationale, int line) {

  /** Whether it was written or can be read as a single version. */
  public boolean isSingle() {
    return low.equals(high);
  }

  /** Whether {@code version} lies in {@code [low, high]} by Go's module-version order. */
  public boolean covers(String version) {
    return ModuleVersion.isValid(version)
        && ModuleVersion.compare(low, version) <= 0
        && ModuleVersion.compare(version, high) <= 0;
  }
}
