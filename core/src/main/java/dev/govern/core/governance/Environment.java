package dev.govern.core.governance;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the environments table.
 *
 * @param name prod, staging, dev …
 * @param version the recommended toolchain there
 * @param since since when (may be null)
 * @param status live, observing or suspended
 * @param note free text (may be null)
 */
public record Environment(
    String name, GoVersion version, LocalDate since, EnvStatus status, String note) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public Environment {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    checkName(name);
  }

  /** Validates an environment name: letters, digits, {@code _ . -}, starting alphanumeric. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw GovernException.usage(
          "not an environment name: \"" + name + "\" (letters, digits, _ . - only)");
    }
    return name;
  }
}
