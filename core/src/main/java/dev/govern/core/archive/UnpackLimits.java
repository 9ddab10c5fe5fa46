package dev.govern.core.archive;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import java.util.Locale;

/**
 * Bounds on what one archive may unpack to (a decompression bomb stops at the first entry over
 * either bound).
 *
 * @param maxBytes total bytes of file data
 * @param maxEntries number of entries
 */
public record UnpackLimits(long maxBytes, long maxEntries) {
  /** Default total size: 4 GiB (a Go toolchain unpacks to about 250–500 MB). */
  public static final long DEFAULT_MAX_BYTES = 4L << 30;

  /** Default entry count (a Go toolchain has about 15 000). */
  public static final long DEFAULT_MAX_ENTRIES = 500_000;

  public static UnpackLimits defaults() {
    return new UnpackLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
  }

  /** From the settings {@code max-unpacked-size} (bytes, or 500M, 4G) and {@code max-entries}. */
  public static UnpackLimits from(Settings settings) {
    long bytes =
        settings
            .get("max-unpacked-size")
            .map(v -> parseSize("max-unpacked-size", v))
            .orElse(DEFAULT_MAX_BYTES);
    long entries =
        settings
            .get("max-unpacked-entries")
            .map(v -> parseSize("max-unpacked-entries", v))
            .orElse(DEFAULT_MAX_ENTRIES);
    return new UnpackLimits(bytes, entries);
  }

  /** Parses {@code 123}, {@code 500K}, {@code 500M}, {@code 4G} (powers of 1024). */
  public static long parseSize(String key, String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1);
    }
    long unit = 1;
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'K' -> unit = 1L << 10;
        case 'M' -> unit = 1L << 20;
        case 'G' -> unit = 1L << 30;
        case 'T' -> unit = 1L << 40;
        default -> unit = 1;
      }
    }
    if (unit != 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long n = Long.parseLong(t.strip());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw GovernException.invalidInput(
          "bad " + key + " \"" + text + "\" (expected a positive size such as 4G or 500M)");
    }
  }
}
