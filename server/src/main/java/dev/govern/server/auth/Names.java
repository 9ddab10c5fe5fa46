package dev.govern.server.auth;

import dev.govern.core.GovernException;
import java.util.regex.Pattern;

/** Syntax of user and group names: letters, digits and {@code . _ @ -}, 1 to 64 characters. */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private Names() {}

  public static String check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw GovernException.usage(
          what
              + ": not a valid name: \""
              + (value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value)
              + "\" (letters, digits, . _ @ -, at most 64)");
    }
    return value;
  }
}
