package dev.govern.core.goproxy;

/**
 * Go's lists of module path patterns (GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE): comma-separated
 * globs in {@code path.Match} syntax, each matched against as many leading elements of the module
 * path as it has ({@code corp.example.com} matches {@code corp.example.com/x/y}; {@code *.corp}
 * matches {@code git.corp/x}). Go's {@code module.MatchPrefixPatterns}.
 */
public final class ModulePatterns {
  private ModulePatterns() {}

  /** Whether any pattern of {@code globs} matches a prefix of {@code path}; false if malformed. */
  public static boolean matches(String globs, String path) {
    for (String raw : globs.split(",", -1)) {
      String glob = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      if (glob.isEmpty()) {
        continue;
      }
      int slashes = (int) glob.chars().filter(c -> c == '/').count();
      String prefix = path;
      int n = slashes;
      for (int i = 0; i < path.length(); i++) {
        if (path.charAt(i) == '/') {
          if (n == 0) {
            prefix = path.substring(0, i);
            break;
          }
          n--;
        }
      }
      if (n > 0) {
        continue; // fewer path elements than the pattern has
      }
      if (match(glob, 0, prefix, 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Go's {@code path.Match}: {@code *} matches any run of characters except {@code /}, {@code ?}
   * one such character, {@code [...]} a class ({@code ^} negates, {@code a-z} ranges), {@code \}
   * escapes. A malformed pattern matches nothing.
   */
  static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        for (int k = si; ; k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
          if (k >= s.length() || s.charAt(k) == '/') {
            return false;
          }
        }
      }
      if (si >= s.length()) {
        return false;
      }
      char x = s.charAt(si);
      if (c == '?') {
        if (x == '/') {
          return false;
        }
        pi++;
      } else if (c == '[') {
        int end = classEnd(p, pi + 1);
        if (end < 0 || x == '/' || !inClass(p, pi + 1, end, x)) {
          return false;
        }
        pi = end + 1;
      } else {
        if (c == '\\') {
          if (++pi >= p.length()) {
            return false;
          }
          c = p.charAt(pi);
        }
        if (c != x) {
          return false;
        }
        pi++;
      }
      si++;
    }
    return si == s.length();
  }

  private static int classEnd(String p, int i) {
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    boolean first = true;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == ']' && !first) {
        return i;
      }
      if (c == '\\') {
        i++;
      }
      first = false;
      i++;
    }
    return -1;
  }

  private static boolean inClass(String p, int from, int end, char x) {
    boolean negate = p.charAt(from) == '^';
    int i = negate ? from + 1 : from;
    boolean hit = false;
    while (i < end) {
      char lo = p.charAt(i);
      if (lo == '\\') {
        lo = p.charAt(++i);
      }
      char hi = lo;
      if (i + 2 < end && p.charAt(i + 1) == '-') {
        hi = p.charAt(i + 2);
        if (hi == '\\') {
          hi = p.charAt(i + 3);
          i++;
        }
        i += 2;
      }
      if (lo <= x && x <= hi) {
        hit = true;
      }
      i++;
    }
    return hit != negate;
  }
}
