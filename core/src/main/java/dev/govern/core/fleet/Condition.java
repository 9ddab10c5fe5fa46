package dev.govern.core.fleet;

import java.util.Locale;
import java.util.Optional;

/** A fact about a service's Go version that a class rule can name in the governance file. */
public enum Condition {
  /** Its Go line is end of life. */
  UNSUPPORTED,
  /** A known standard-library vulnerability has no fix in its line. */
  UNFIXED_VULNERABILITY,
  /** A known standard-library vulnerability is fixed by a newer patch of its line. */
  FIXED_VULNERABILITY,
  /** Newer patch releases of its line exist (more than the policy's max_patch_lag). */
  BEHIND_PATCHES,
  /** The policy denies its version. */
  DENIED,
  /** The policy's allow range excludes its version. */
  NOT_ALLOWED,
  /** No evidence says which Go it uses. */
  UNKNOWN_VERSION,
  /** Known toolchain (build machine) vulnerabilities. */
  TOOLCHAIN_VULNERABILITY,
  /** Known vulnerabilities in its module dependencies. */
  MODULE_VULNERABILITY;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Condition> ofWord(String word) {
    try {
      return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
