package dev.govern.core.upgrade;

import java.util.Locale;

/** How much of a behaviour change the code is exposed to. */
public enum Exposure {
  /** An affected API is in the binary's function table. */
  LINKED,
  /** A package the setting changes is imported (or linked, for a binary without affected APIs). */
  IMPORTED,
  /** Nothing the setting changes is used. */
  NOT_USED,
  /** Cannot tell (no function table; a go command setting). */
  UNKNOWN;

  /** {@code linked}, {@code imported}, {@code not used}, {@code unknown}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
