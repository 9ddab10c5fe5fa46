package dev.govern.core.module;

/**
 * The semantic-version grammar of Go's {@code golang.org/x/mod/semver}, as a hand-written scanner.
 */
final class SemverSyntax {
  private SemverSyntax() {}

  /** The parsed version, or {@code null} when {@code v} is not valid. */
  static ModuleVersion parse(String v) {
    if (v == null || v.isEmpty() || v.charAt(0) != 'v') {
      return null;
    }
    int i = 1;
    int end = scanNumber(v, i);
    if (end < 0) {
      return null;
    }
    String major = v.substring(i, end);
    if (end == v.length()) {
      return new ModuleVersion(v, major, "0", "0", "", "");
    }
    if (v.charAt(end) != '.') {
      return null;
    }
    i = end + 1;
    end = scanNumber(v, i);
    if (end < 0) {
      return null;
    }
    String minor = v.substring(i, end);
    if (end == v.length()) {
      return new ModuleVersion(v, major, minor, "0", "", "");
    }
    if (v.charAt(end) != '.') {
      return null;
    }
    i = end + 1;
    end = scanNumber(v, i);
    if (end < 0) {
      return null;
    }
    String patch = v.substring(i, end);
    i = end;
    String prerelease = "";
    if (i < v.length() && v.charAt(i) == '-') {
      end = scanIdentifiers(v, i, true);
      if (end < 0) {
        return null;
      }
      prerelease = v.substring(i, end);
      i = end;
    }
    String build = "";
    if (i < v.length() && v.charAt(i) == '+') {
      end = scanIdentifiers(v, i, false);
      if (end < 0) {
        return null;
      }
      build = v.substring(i, end);
      i = end;
    }
    if (i != v.length()) {
      return null;
    }
    return new ModuleVersion(v, major, minor, patch, prerelease, build);
  }

  /** End of a decimal number without leading zeros starting at {@code i}, or -1. */
  private static int scanNumber(String v, int i) {
    int j = i;
    while (j < v.length() && isDigit(v.charAt(j))) {
      j++;
    }
    if (j == i || (v.charAt(i) == '0' && j != i + 1)) {
      return -1;
    }
    return j;
  }

  /**
   * End of a dot-separated identifier list after the leading '-' or '+' at {@code i}, or -1. A
   * prerelease stops at '+' and forbids numeric identifiers with leading zeros.
   */
  private static int scanIdentifiers(String v, int i, boolean prerelease) {
    int j = i + 1;
    int start = j;
    while (j < v.length() && !(prerelease && v.charAt(j) == '+')) {
      char c = v.charAt(j);
      if (!isIdentChar(c) && c != '.') {
        return -1;
      }
      if (c == '.') {
        if (start == j || (prerelease && isBadNumber(v.substring(start, j)))) {
          return -1;
        }
        start = j + 1;
      }
      j++;
    }
    if (start == j || (prerelease && isBadNumber(v.substring(start, j)))) {
      return -1;
    }
    return j;
  }

  private static boolean isIdentChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBadNumber(String s) {
    return s.length() > 1 && s.charAt(0) == '0' && isNumeric(s);
  }

  static boolean isNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
