package dev.govern.core.version;

import dev.govern.core.GovernException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go version as Go itself orders them: {@code go1}, {@code go1.9beta2}, {@code go1.21} (a
 * language version), {@code go1.21rc1}, {@code go1.22.4}, {@code go1.22.4-custom}.
 *
 * <p>Ordering follows Go's {@code gover} rules, not semver. Before Go 1.21 the first release of a
 * line has no patch number and sorts after its prereleases ({@code 1.9beta2 < 1.9rc1 < 1.9 <
 * 1.9.1}; {@code 1.9} and {@code 1.9.0} are the same version). From Go 1.21 on, the bare {@code
 * 1.21} is the language version and sorts before every prerelease of the line ({@code 1.21 <
 * 1.21rc1 < 1.21.0}). A toolchain suffix never changes Go's order; it breaks ties only, so that the
 * order stays consistent with {@link #equals}.
 *
 * @param major the major number (1 for every Go so far)
 * @param minor the minor number (the "line")
 * @param patch the patch number, or {@link #ABSENT} for a language version or a prerelease
 * @param kind release or prerelease kind
 * @param pre the prerelease number, or {@link #ABSENT}
 * @param suffix a toolchain suffix without its leading dash ({@code custom}), or empty
 */
public record GoVersion(int major, int minor, int patch, Kind kind, int pre, String suffix)
    implements Comparable<GoVersion> {

  /** Marks a missing patch or prerelease number. */
  public static final int ABSENT = -1;

  /** The line (minor version of Go 1) from which a bare {@code 1.N} is a language version. */
  public static final int FIRST_LANGUAGE_VERSION_LINE = 21;

  /** Release or prerelease kind, in Go's order. */
  public enum Kind {
    RELEASE(""),
    ALPHA("alpha"),
    BETA("beta"),
    RC("rc");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    static Kind ofWord(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      return null;
    }
  }

  private static final Pattern GO_FORM =
      Pattern.compile(
          "(?:go)?(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8})|(alpha|beta|rc)(0|[1-9]\\d{0,8})?)?)?"
              + "(?:-([0-9A-Za-z][0-9A-Za-z.\\-]*))?");
  private static final Pattern SEMVER_FORM =
      Pattern.compile(
          "v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
              + "(?:-(0|(?:alpha|beta|rc)(?:\\.(0|[1-9]\\d{0,8}))?))?(?:\\+([0-9A-Za-z][0-9A-Za-z.\\-]*))?");
  private static final Pattern SUFFIX = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]*");

  public GoVersion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(suffix, "suffix");
    if (major < 0 || minor < 0 || patch < ABSENT || pre < ABSENT) {
      throw new IllegalArgumentException("negative version number");
    }
    if (kind == Kind.RELEASE && pre != ABSENT) {
      throw new IllegalArgumentException("a release has no prerelease number");
    }
    if (kind != Kind.RELEASE && patch != ABSENT) {
      throw new IllegalArgumentException("Go has no prereleases of patch releases");
    }
    if (!suffix.isEmpty() && !SUFFIX.matcher(suffix).matches()) {
      throw new IllegalArgumentException("bad toolchain suffix: " + suffix);
    }
    if (kind == Kind.RELEASE && patch == ABSENT && !hasLanguageVersions(major, minor)) {
      // Before Go 1.21 the bare line name is the line's first release: 1.9 == 1.9.0.
      patch = 0;
    }
  }

  /** A release {@code major.minor.patch}. */
  public static GoVersion of(int major, int minor, int patch) {
    return new GoVersion(major, minor, patch, Kind.RELEASE, ABSENT, "");
  }

  /**
   * Parses any form Go has used, with or without the {@code go} prefix, plus the semver forms of
   * the Go vulnerability database ({@code 1.21.0-rc.1}).
   *
   * @throws GovernException naming the input when it is not a Go version
   */
  public static GoVersion parse(String text) {
    if (text == null) {
      throw GovernException.usage("missing Go version");
    }
    String s = text.strip();
    Matcher semver = SEMVER_FORM.matcher(s);
    if (semver.matches()
        && (s.startsWith("v") || semver.group(4) != null || semver.group(6) != null)) {
      return fromSemverMatch(text, semver);
    }
    Matcher m = GO_FORM.matcher(s);
    if (!m.matches()) {
      throw GovernException.usage(
          "not a Go version: \""
              + text
              + "\" (expected forms like go1.22.4, 1.22, go1.21rc1, 1.21.0-rc.1)");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int patch = m.group(3) != null ? Integer.parseInt(m.group(3)) : ABSENT;
    if (m.group(2) == null) {
      patch = 0; // "go1" is 1.0.0
    }
    Kind kind = m.group(4) == null ? Kind.RELEASE : Kind.ofWord(m.group(4));
    int pre = m.group(5) == null ? ABSENT : Integer.parseInt(m.group(5));
    String suffix = m.group(6) == null ? "" : m.group(6);
    return new GoVersion(major, minor, patch, kind, pre, suffix);
  }

  /** Parses only the semver form used by the Go vulnerability database and module tooling. */
  public static GoVersion fromSemver(String text) {
    Matcher m = SEMVER_FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw GovernException.usage(
          "not a semver form of a Go version: \"" + text + "\" (expected e.g. 1.21.0-rc.1)");
    }
    return fromSemverMatch(text, m);
  }

  private static GoVersion fromSemverMatch(String text, Matcher m) {
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    String preTag = m.group(4);
    String suffix = m.group(6) == null ? "" : m.group(6);
    if (preTag == null) {
      return new GoVersion(major, minor, patch, Kind.RELEASE, ABSENT, suffix);
    }
    if (patch != 0) {
      throw GovernException.usage(
          "not a Go version: \"" + text + "\" (Go has no prereleases of patch releases)");
    }
    if (preTag.equals("0")) {
      if (!hasLanguageVersions(major, minor)) {
        return new GoVersion(major, minor, 0, Kind.RELEASE, ABSENT, suffix);
      }
      return new GoVersion(major, minor, ABSENT, Kind.RELEASE, ABSENT, suffix);
    }
    int dot = preTag.indexOf('.');
    Kind kind = Kind.ofWord(dot < 0 ? preTag : preTag.substring(0, dot));
    int pre = m.group(5) == null ? ABSENT : Integer.parseInt(m.group(5));
    return new GoVersion(major, minor, ABSENT, kind, pre, suffix);
  }

  /** Whether {@code major.minor} has distinct language versions (Go 1.21 and later). */
  private static boolean hasLanguageVersions(int major, int minor) {
    return major > 1 || (major == 1 && minor >= FIRST_LANGUAGE_VERSION_LINE);
  }

  /** The language version of this version's line: 1.22.4 → 1.22, 1.9.3 → 1.9, 1.21rc1 → 1.21. */
  public GoVersion lang() {
    return new GoVersion(major, minor, ABSENT, Kind.RELEASE, ABSENT, "");
  }

  /**
   * True for a published release such as 1.22.4 or 1.9 (not a language version, not a prerelease).
   */
  public boolean isRelease() {
    return kind == Kind.RELEASE && patch != ABSENT;
  }

  /** True for alpha, beta and rc versions. */
  public boolean isPrerelease() {
    return kind != Kind.RELEASE;
  }

  /**
   * True for a bare language version such as 1.21 (from Go 1.21 on, where it differs from 1.21.0).
   */
  public boolean isLanguageVersion() {
    return kind == Kind.RELEASE && patch == ABSENT;
  }

  /** This version without its toolchain suffix. */
  public GoVersion withoutSuffix() {
    return suffix.isEmpty() ? this : new GoVersion(major, minor, patch, kind, pre, "");
  }

  /** The line key {@code major.minor} (e.g. "1.22"). */
  public String line() {
    return major + "." + minor;
  }

  /**
   * The semver form used by the Go vulnerability database: 1.22.4, 1.21.0-rc.1, 1.9.0-beta.2. A
   * language version from 1.21 on maps to {@code 1.21.0-0}, which semver sorts before every
   * prerelease, as Go does. A suffix becomes build metadata ({@code 1.22.4+custom}).
   */
  public String toSemver() {
    StringBuilder b = new StringBuilder().append(major).append('.').append(minor).append('.');
    if (kind == Kind.RELEASE) {
      b.append(patch == ABSENT ? "0-0" : Integer.toString(patch));
    } else {
      b.append("0-").append(kind.word());
      if (pre != ABSENT) {
        b.append('.').append(pre);
      }
    }
    if (!suffix.isEmpty()) {
      b.append('+').append(suffix);
    }
    return b.toString();
  }

  /** The canonical Go name: go1, go1.9, go1.9.1, go1.21, go1.21rc1, go1.22.4-custom. */
  @Override
  public String toString() {
    return "go" + bare();
  }

  /** The canonical name without the {@code go} prefix: 1.22.4, 1.21rc1. */
  public String bare() {
    StringBuilder b = new StringBuilder().append(major);
    boolean legacyFirstRelease = !hasLanguageVersions(major, minor) && patch == 0;
    if (!(minor == 0 && legacyFirstRelease && kind == Kind.RELEASE)) {
      b.append('.').append(minor);
    }
    if (kind != Kind.RELEASE) {
      b.append(kind.word());
      if (pre != ABSENT) {
        b.append(pre);
      }
    } else if (patch != ABSENT && !legacyFirstRelease) {
      b.append('.').append(patch);
    }
    if (!suffix.isEmpty()) {
      b.append('-').append(suffix);
    }
    return b.toString();
  }

  /** Major, minor, patch (absent first), kind, prerelease number, then suffix (ties only). */
  @Override
  public int compareTo(GoVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0) {
      c = kind.compareTo(o.kind);
    }
    if (c == 0) {
      c = Integer.compare(pre, o.pre);
    }
    return c != 0 ? c : suffix.compareTo(o.suffix);
  }

  /** Go's comparison, ignoring suffixes: {@code 0} for go1.22.4 and go1.22.4-custom. */
  public int compareIgnoringSuffix(GoVersion o) {
    return withoutSuffix().compareTo(o.withoutSuffix());
  }

  public boolean isBefore(GoVersion o) {
    return compareTo(o) < 0;
  }

  public boolean isAfter(GoVersion o) {
    return compareTo(o) > 0;
  }
}
