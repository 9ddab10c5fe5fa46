package dev.govern.core.toolchain;

/**
 * Go's own comparison of version strings ({@code cmd/go/internal/gover}), as the go command applies
 * it to go lines, toolchain lines and GOTOOLCHAIN: {@code 1.21 < 1.21rc1 < 1.21.0 < 1.21.1}, a
 * missing patch is {@code .0} before Go 1.21, any lower-case word is a prerelease kind ordered as a
 * string, numbers compare by value at any length, and a malformed version is below every valid one.
 * The {@code bin/go} shim implements the same functions in sh ({@code _gp}, {@code _gc}, {@code
 * _ft}); a property test keeps the two equal.
 */
public final class Gover {
  private Gover() {}

  /** The parts of a version; null fields where absent. */
  private record V(String major, String minor, String patch, String kind, String pre) {
    static final V ZERO = new V("", "", "", "", "");
  }

  /** -1, 0 or 1 as {@code x} is older than, the same as or newer than {@code y}. */
  public static int compare(String x, String y) {
    V a = parse(x);
    V b = parse(y);
    int c = compareInt(a.major, b.major);
    if (c == 0) {
      c = compareInt(a.minor, b.minor);
    }
    if (c == 0) {
      c = compareInt(a.patch, b.patch);
    }
    if (c == 0) {
      c = Integer.signum(a.kind.compareTo(b.kind));
    }
    if (c == 0) {
      c = compareInt(a.pre, b.pre);
    }
    return c;
  }

  public static boolean isValid(String x) {
    return parse(x) != V.ZERO;
  }

  /** A language version: {@code 1.21}, not {@code 1.21.0} or {@code 1.21rc1} (nor {@code 1.20}). */
  public static boolean isLang(String x) {
    V v = parse(x);
    return v != V.ZERO && v.patch.isEmpty() && v.kind.isEmpty() && v.pre.isEmpty();
  }

  /**
   * The version a toolchain name stands for ({@code go1.22.4-custom} → {@code 1.22.4}, {@code
   * gccgo-go1.21} → {@code 1.21}), or empty when it is not a toolchain name.
   */
  public static String fromToolchain(String name) {
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return "";
    }
    String v;
    if (name.startsWith("go")) {
      v = name.substring(2);
    } else {
      int i = name.indexOf("-go");
      if (i < 0) {
        return "";
      }
      v = name.substring(i + 3);
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ' || c == '\t' || c == '-') {
        v = v.substring(0, i);
        break;
      }
    }
    return isValid(v) ? v : "";
  }

  private static V parse(String x) {
    int i = digits(x, 0);
    String major = x.substring(0, i);
    if (!number(major)) {
      return V.ZERO;
    }
    if (i == x.length()) {
      return new V(major, "0", "0", "", "");
    }
    if (x.charAt(i) != '.') {
      return V.ZERO;
    }
    int j = digits(x, i + 1);
    String minor = x.substring(i + 1, j);
    if (!number(minor)) {
      return V.ZERO;
    }
    if (j == x.length()) {
      return new V(major, minor, compareInt(minor, "21") < 0 ? "0" : "", "", "");
    }
    if (x.charAt(j) == '.') {
      String patch = x.substring(j + 1);
      return number(patch) && digits(patch, 0) == patch.length()
          ? new V(major, minor, patch, "", "")
          : V.ZERO;
    }
    int k = j;
    while (k < x.length() && (x.charAt(k) < '0' || x.charAt(k) > '9')) {
      if (x.charAt(k) < 'a' || x.charAt(k) > 'z') {
        return V.ZERO;
      }
      k++;
    }
    if (k == j) {
      return V.ZERO;
    }
    String kind = x.substring(j, k);
    String pre = x.substring(k);
    if (pre.isEmpty()) {
      return new V(major, minor, "", kind, "");
    }
    return number(pre) && digits(pre, 0) == pre.length()
        ? new V(major, minor, "", kind, pre)
        : V.ZERO;
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Digits without a needless leading zero. */
  private static boolean number(String s) {
    return !s.isEmpty() && digits(s, 0) == s.length() && (s.length() == 1 || s.charAt(0) != '0');
  }

  /** Compares decimal strings by value; the empty string is below every number. */
  private static int compareInt(String x, String y) {
    if (x.equals(y)) {
      return 0;
    }
    if (x.length() != y.length()) {
      return x.length() < y.length() ? -1 : 1;
    }
    return Integer.signum(x.compareTo(y));
  }
}
