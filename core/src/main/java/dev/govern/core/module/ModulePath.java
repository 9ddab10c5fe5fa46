package dev.govern.core.module;

/**
 * The major-version suffix of a module path, as Go's {@code module.SplitPathVersion} and {@code
 * module.CheckPathMajor} define it: {@code example.com/mod/v2} has suffix {@code /v2}; {@code
 * gopkg.in/yaml.v3} has {@code .v3}; a path without a suffix admits only v0, v1 and {@code
 * +incompatible} versions.
 *
 * @param prefix the path without its major suffix
 * @param pathMajor the suffix ({@code /v2}, {@code .v3}, {@code .v1-unstable}) or empty
 */
public record ModulePath(String prefix, String pathMajor) {

  /**
   * Splits {@code path} into prefix and major suffix; {@code null} when the last element is a
   * malformed major suffix such as {@code /v1}, {@code /v0}, {@code /v2.1} or a gopkg.in path
   * without {@code .vN}.
   */
  public static ModulePath split(String path) {
    if (path.startsWith("gopkg.in/")) {
      return splitGopkgIn(path);
    }
    int i = path.length();
    boolean dot = false;
    while (i > 0 && (isDigit(path.charAt(i - 1)) || path.charAt(i - 1) == '.')) {
      if (path.charAt(i - 1) == '.') {
        dot = true;
      }
      i--;
    }
    if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
      return new ModulePath(path, "");
    }
    String major = path.substring(i - 2);
    if (dot || major.length() <= 2 || major.charAt(2) == '0' || major.equals("/v1")) {
      return null;
    }
    return new ModulePath(path.substring(0, i - 2), major);
  }

  private static ModulePath splitGopkgIn(String path) {
    int i = path.length();
    if (path.endsWith("-unstable")) {
      i -= "-unstable".length();
    }
    while (i > 0 && isDigit(path.charAt(i - 1))) {
      i--;
    }
    if (i <= 1 || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '.') {
      return null;
    }
    String major = path.substring(i - 2);
    if (major.length() <= 2 || (major.charAt(2) == '0' && !major.equals(".v0"))) {
      return null;
    }
    return new ModulePath(path.substring(0, i - 2), major);
  }

  /**
   * Checks that a canonical version fits this path's major suffix, as Go's {@code
   * module.CheckPathMajor}; returns {@code null} when it fits, else the reason ({@code should be
   * v2, not v1}).
   */
  public String checkMajor(String version) {
    String pm = pathMajor;
    if (pm.startsWith(".v") && pm.endsWith("-unstable")) {
      pm = pm.substring(0, pm.length() - "-unstable".length());
    }
    if (version.startsWith("v0.0.0-") && pm.equals(".v1")) {
      return null; // an old pseudo-version bug Go still tolerates for gopkg.in .v1
    }
    ModuleVersion v = ModuleVersion.tryParse(version).orElse(null);
    String m = v == null ? "" : v.majorPrefix();
    String want;
    if (pm.isEmpty()) {
      if (m.equals("v0") || m.equals("v1") || (v != null && v.isIncompatible())) {
        return null;
      }
      want = "v0 or v1";
    } else {
      if (m.equals(pm.substring(1))) {
        return null;
      }
      want = pm.substring(1);
    }
    return "should be " + want + ", not " + m;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
