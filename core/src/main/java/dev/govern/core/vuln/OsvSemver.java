package dev.govern.core.vuln;

import java.util.List;

/**
 * A minimal semantic version as OSV SEMVER ranges and Go module versions use it, compared by the
 * semver 2.0 precedence rules: {@code v} prefix optional, build metadata (such as {@code
 * +incompatible}) ignored, pre-release identifiers compared numerically or lexically.
 * Pseudo-versions ({@code v0.0.0-20230102030405-abcdefabcdef}) are pre-releases and so order by
 * their time stamp. The OSV value {@code "0"} is the lowest version of all.
 *
 * <p>This is the vulnerability matcher's own comparator, kept deliberately small and lenient (a
 * missing minor or patch counts as 0; an unparsable number sorts as text). The module-version
 * comparator of {@code dev.govern.core.artifact.gomod} is the project-wide one; the two should be
 * unified once both exist.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param pre the pre-release identifiers (empty for a release)
 */
public record OsvSemver(long major, long minor, long patch, List<String> pre)
    implements Comparable<OsvSemver> {

  /** The lowest version, OSV's {@code introduced: "0"}. */
  public static final OsvSemver ZERO = new OsvSemver(0, 0, 0, List.of("0"));

  public OsvSemver {
    pre = List.copyOf(pre);
  }

  /** Parses {@code 1.2.3}, {@code v1.2.3-rc.1+meta}, {@code 0}; never fails (lenient). */
  public static OsvSemver parse(String text) {
    String s = text.strip();
    if (s.startsWith("v")) {
      s = s.substring(1);
    }
    if (s.equals("0") || s.isEmpty()) {
      return ZERO;
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    String core = s;
    List<String> pre = List.of();
    int dash = s.indexOf('-');
    if (dash >= 0) {
      core = s.substring(0, dash);
      pre = List.of(s.substring(dash + 1).split("\\.", -1));
    }
    String[] nums = core.split("\\.", -1);
    return new OsvSemver(number(nums, 0), number(nums, 1), number(nums, 2), pre);
  }

  /** Compares two version strings by semver precedence. */
  public static int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }

  private static long number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Long.parseLong(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public int compareTo(OsvSemver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      // a release sorts after all of its pre-releases
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    int n = Math.min(pre.size(), o.pre.size());
    for (int i = 0; i < n; i++) {
      c = compareIdentifier(pre.get(i), o.pre.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean na = isNumeric(a);
    boolean nb = isNumeric(b);
    if (na && nb) {
      // no leading zeros in semver: the longer number is the larger
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (na != nb) {
      return na ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + String.join(".", pre));
  }
}
