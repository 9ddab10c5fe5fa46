package dev.govern.core.module;

import dev.govern.core.GovernException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Go module version: semantic versioning as Go modules use it ({@code v1.2.3}, {@code
 * v1.2.3-rc.1}, {@code v2.0.0+incompatible}, pseudo-versions), including the shorthand forms {@code
 * v1} and {@code v1.2} that Go accepts and canonicalises to {@code v1.0.0} and {@code v1.2.0}.
 *
 * <p>Ordering follows {@code golang.org/x/mod/semver}: numbers compare numerically, a prerelease
 * sorts before its release, prerelease identifiers compare numerically when both are numeric,
 * numeric before alphanumeric, otherwise in ASCII order, and a shorter identifier list sorts first.
 * Build metadata (including {@code +incompatible}) never changes precedence: {@code v2.0.0} and
 * {@code v2.0.0+incompatible} have the same precedence ({@link #comparePrecedence} returns 0).
 * {@link #compareTo} breaks such ties by the text, as Go's {@code semver.Sort} does, so that it is
 * consistent with {@link #equals}.
 *
 * @param text the version exactly as given
 * @param major the major number as decimal text (arbitrary size, no leading zeros)
 * @param minor the minor number as text ({@code 0} when the shorthand omitted it)
 * @param patch the patch number as text ({@code 0} when the shorthand omitted it)
 * @param prerelease the prerelease including its leading dash ({@code -rc.1}), or empty
 * @param build the build metadata including its leading plus ({@code +incompatible}), or empty
 */
public record ModuleVersion(
    String text, String major, String minor, String patch, String prerelease, String build)
    implements Comparable<ModuleVersion> {

  /** The build suffix Go uses for a v2+ module that has no go.mod declaring its major version. */
  public static final String INCOMPATIBLE = "+incompatible";

  public ModuleVersion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(major, "major");
    Objects.requireNonNull(minor, "minor");
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(prerelease, "prerelease");
    Objects.requireNonNull(build, "build");
  }

  /**
   * Parses a module version as Go's semver package does.
   *
   * @throws GovernException (INVALID_INPUT) naming the text when it is not a valid version
   */
  public static ModuleVersion parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                GovernException.invalidInput(
                    "not a module version: \""
                        + text
                        + "\" (expected the semver form v1.2.3, v1.2.3-pre or v1.2.3+build)"));
  }

  /** The parsed version, or empty when {@code text} is not a valid semantic version. */
  public static Optional<ModuleVersion> tryParse(String text) {
    return Optional.ofNullable(SemverSyntax.parse(text));
  }

  /**
   * Like {@link #tryParse} but also accepts the form without the leading {@code v} that the OSV
   * vulnerability database uses for Go modules ({@code 1.2.3} is read as {@code v1.2.3}). OSV's
   * {@code "introduced": "0"} means "every version" and is for the caller to treat as such.
   */
  public static Optional<ModuleVersion> tryParseLenient(String text) {
    if (text != null && !text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
      return tryParse("v" + text);
    }
    return tryParse(text);
  }

  /** Whether {@code text} is a valid semantic version as Go modules accept it. */
  public static boolean isValid(String text) {
    return SemverSyntax.parse(text) != null;
  }

  /**
   * Go's {@code module.CanonicalVersion}: {@code v1.2} becomes {@code v1.2.0}, build metadata is
   * dropped except {@code +incompatible}; the empty string when {@code text} is not valid.
   */
  public static String canonical(String text) {
    ModuleVersion v = SemverSyntax.parse(text);
    return v == null ? "" : v.canonical();
  }

  /**
   * Go's {@code semver.Compare} over texts: an invalid version is smaller than every valid one and
   * two invalid versions are equal.
   */
  public static int compare(String v, String w) {
    ModuleVersion a = SemverSyntax.parse(v);
    ModuleVersion b = SemverSyntax.parse(w);
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    return a.comparePrecedence(b);
  }

  /** The canonical form of this version, keeping {@code +incompatible}. */
  public String canonical() {
    String base = "v" + major + "." + minor + "." + patch + prerelease;
    return INCOMPATIBLE.equals(build) ? base + INCOMPATIBLE : base;
  }

  /** Whether this is the canonical spelling (what a go.mod must contain). */
  public boolean isCanonical() {
    return canonical().equals(text);
  }

  /** The major version prefix as Go's {@code semver.Major} returns it: {@code v2}. */
  public String majorPrefix() {
    return "v" + major;
  }

  /** Whether this version carries the {@code +incompatible} build suffix. */
  public boolean isIncompatible() {
    return INCOMPATIBLE.equals(build);
  }

  /** Whether this version has a prerelease part (every pseudo-version does). */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** Whether this version is a pseudo-version (any of the five forms). */
  public boolean isPseudo() {
    return PseudoVersion.isPseudoVersion(text);
  }

  /** The pseudo-version facts, or empty when this is not a pseudo-version. */
  public Optional<PseudoVersion> pseudo() {
    return PseudoVersion.parse(text);
  }

  /** Semver precedence: {@code 0} for versions that differ only in build metadata. */
  public int comparePrecedence(ModuleVersion o) {
    int c = compareNumbers(major, o.major);
    if (c == 0) {
      c = compareNumbers(minor, o.minor);
    }
    if (c == 0) {
      c = compareNumbers(patch, o.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
  }

  @Override
  public int compareTo(ModuleVersion o) {
    int c = comparePrecedence(o);
    return c != 0 ? c : text.compareTo(o.text);
  }

  public boolean isBefore(ModuleVersion o) {
    return comparePrecedence(o) < 0;
  }

  public boolean isAfter(ModuleVersion o) {
    return comparePrecedence(o) > 0;
  }

  @Override
  public String toString() {
    return text;
  }

  static int compareNumbers(String x, String y) {
    if (x.length() != y.length()) {
      return x.length() < y.length() ? -1 : 1;
    }
    return Integer.signum(x.compareTo(y));
  }

  private static int comparePrerelease(String x, String y) {
    if (x.equals(y)) {
      return 0;
    }
    if (x.isEmpty()) {
      return 1;
    }
    if (y.isEmpty()) {
      return -1;
    }
    // Both start with '-'; identifiers are separated by '.'.
    String[] xs = x.substring(1).split("\\.", -1);
    String[] ys = y.substring(1).split("\\.", -1);
    for (int i = 0; i < xs.length && i < ys.length; i++) {
      String dx = xs[i];
      String dy = ys[i];
      if (dx.equals(dy)) {
        continue;
      }
      boolean nx = SemverSyntax.isNumeric(dx);
      boolean ny = SemverSyntax.isNumeric(dy);
      if (nx != ny) {
        return nx ? -1 : 1;
      }
      if (nx) {
        return compareNumbers(dx, dy);
      }
      return Integer.signum(dx.compareTo(dy));
    }
    return Integer.compare(xs.length, ys.length);
  }
}
