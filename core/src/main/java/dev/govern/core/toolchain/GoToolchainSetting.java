package dev.govern.core.toolchain;

import dev.govern.core.GovernException;

/**
 * The GOTOOLCHAIN variable read as the go command reads it: {@code local}, {@code auto}, {@code
 * path}, {@code <name>}, {@code <name>+auto} or {@code <name>+path} ({@code local+auto} keeps the
 * local minimum). Unset, govern applies the {@code auto} rules over the installed toolchains and
 * runs the one it picks with {@code GOTOOLCHAIN=local}, so that Go never downloads one behind its
 * back.
 *
 * @param value the variable as set ({@code ""} when unset)
 * @param name the toolchain named as the minimum, or null for the local one
 * @param mode {@code auto}, {@code path}, or empty when the go.mod/go.work is not consulted
 */
public record GoToolchainSetting(String value, String name, String mode) {
  /**
   * Parses the variable.
   *
   * @throws GovernException INVALID_INPUT with the go command's words for a malformed value
   */
  public static GoToolchainSetting parse(String value) {
    if (value.isEmpty() || value.equals("auto")) {
      return new GoToolchainSetting(value, null, "auto");
    }
    if (value.equals("path")) {
      return new GoToolchainSetting(value, null, "path");
    }
    int plus = value.indexOf('+');
    String min = plus < 0 ? value : value.substring(0, plus);
    String suffix = plus < 0 ? "" : value.substring(plus + 1);
    String name = null;
    if (!min.equals("local")) {
      if (Gover.fromToolchain(min).isEmpty()) {
        throw GovernException.invalidInput(
            "invalid GOTOOLCHAIN \""
                + value
                + "\""
                + (plus < 0 ? "" : ": invalid minimum toolchain \"" + min + "\""));
      }
      name = min;
    }
    if (plus >= 0 && !suffix.equals("auto") && !suffix.equals("path")) {
      throw GovernException.invalidInput(
          "invalid GOTOOLCHAIN \"" + value + "\": only version suffixes are +auto and +path");
    }
    return new GoToolchainSetting(value, name, suffix);
  }

  /** Whether the main module's go and toolchain lines may raise the choice. */
  public boolean consultsModule() {
    return mode.equals("auto") || mode.equals("path");
  }

  /** The value the chosen toolchain runs with: the user's, or {@code local} when unset. */
  public String passOn() {
    return value.isEmpty() ? "local" : value;
  }
}
