package dev.govern.core.release;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a release line is supported on a given day.
 *
 * @param line the line
 * @param supported true while fewer than two newer lines have been released
 * @param endOfSupport the release date of 1.(N+2).0, when that has happened
 * @param endedBy the release that ended support (1.(N+2).0), when that has happened
 */
public record SupportStatus(
    ReleaseLine line,
    boolean supported,
    Optional<LocalDate> endOfSupport,
    Optional<ReleaseFact> endedBy) {

  /** "supported" or "end of life since 2024-08-13 (go1.23.0 released)". */
  public String describe() {
    if (supported) {
      return "supported";
    }
    return "end of life since "
        + endOfSupport.map(LocalDate::toString).orElse("?")
        + endedBy.map(f -> " (" + f.version() + " released)").orElse("");
  }
}
