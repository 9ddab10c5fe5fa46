package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import java.util.regex.Pattern;

/**
 * The name of a service whose releases govern keeps. It names a folder of the release store and the
 * binary inside every release folder of a target, so it is a plain file name.
 *
 * @param value letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit
 */
public record ServiceName(String value) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public ServiceName {
    if (value == null || !NAME.matcher(value).matches()) {
      throw GovernException.usage(
          "not a service name: \""
              + value
              + "\" (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64)");
    }
  }

  public static ServiceName parse(String text) {
    return new ServiceName(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
