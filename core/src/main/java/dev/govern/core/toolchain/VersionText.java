package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import java.util.regex.Pattern;

/**
 * Turns the version text a person wrote ({@code 1.22.4}, {@code go1.22.4}, {@code 1.19.0}) into the
 * toolchain directory name govern installs it under ({@code go1.22.4}, {@code go1.19}).
 *
 * <p>These are plain string rules, written to match the {@code bin/go} shim's {@code case} patterns
 * one for one (see {@link ShimScript}); for every real Go release the result equals {@link
 * dev.govern.core.version.GoVersion#toString()}.
 */
public final class VersionText {
  private static final Pattern ALLOWED = Pattern.compile("[0-9][0-9A-Za-z._-]*");
  private static final Pattern LEGACY_FIRST = Pattern.compile("1\\.(?:[0-9]|1[0-9]|20)\\.0");
  private static final Pattern LEGACY_FIRST_SUFFIXED =
      Pattern.compile("1\\.(?:[0-9]|1[0-9]|20)\\.0-.*");

  private static final Pattern LINE = Pattern.compile("1\\.[0-9][0-9]?");

  private VersionText() {}

  /**
   * Whether a canonical bare name is a whole line ({@code 1.22}, {@code 1.19}): it selects the
   * newest installed patch of that line.
   */
  public static boolean isLine(String bare) {
    return LINE.matcher(bare).matches();
  }

  /**
   * The directory name of a toolchain the go command's rules named ({@code go1.19.0} → {@code
   * go1.19}; anything else as it is). Never fails: the name comes from Go's own rules.
   */
  public static String canonicalName(String name) {
    if (!name.startsWith("go")) {
      return name;
    }
    String v = name.substring(2);
    if (!ALLOWED.matcher(v).matches()) {
      return name;
    }
    return "go" + bare(v, name);
  }

  /**
   * The canonical bare name ({@code 1.22.4}, {@code 1.19}) of {@code raw}.
   *
   * @param where the file or variable that held it, for the error message
   * @throws GovernException INVALID_INPUT when {@code raw} cannot be a Go version
   */
  public static String bare(String raw, String where) {
    String v = raw.startsWith("go") ? raw.substring(2) : raw;
    if (!ALLOWED.matcher(v).matches()) {
      throw GovernException.invalidInput(where + ": \"" + raw + "\" is not a Go version");
    }
    if (v.equals("1.0.0") || v.equals("1.0")) {
      return "1";
    }
    if (v.startsWith("1.0.0-") || v.startsWith("1.0-")) {
      return "1-" + v.substring(v.indexOf('-') + 1);
    }
    if (LEGACY_FIRST.matcher(v).matches()) {
      return v.substring(0, v.length() - 2);
    }
    if (LEGACY_FIRST_SUFFIXED.matcher(v).matches()) {
      int cut = v.indexOf(".0-");
      return v.substring(0, cut) + "-" + v.substring(cut + 3);
    }
    return v;
  }
}
