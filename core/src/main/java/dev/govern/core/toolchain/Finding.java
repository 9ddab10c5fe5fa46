package dev.govern.core.toolchain;

/**
 * One problem {@code govern doctor} found, with what to do about it.
 *
 * @param id a stable slug ({@code other-go-first-in-path})
 * @param severity {@code error} (go may run the wrong toolchain or fail) or {@code warning}
 * @param message what is wrong, naming the file, variable or directory
 * @param fix the command or edit that fixes it
 */
public record Finding(String id, String severity, String message, String fix) {
  public static Finding error(String id, String message, String fix) {
    return new Finding(id, "error", message, fix);
  }

  public static Finding warning(String id, String message, String fix) {
    return new Finding(id, "warning", message, fix);
  }
}
