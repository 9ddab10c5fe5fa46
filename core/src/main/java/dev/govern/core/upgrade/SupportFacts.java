package dev.govern.core.upgrade;

import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.release.ReleaseLine;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Support of a line for upgrade decisions: the end date when the line has ended, else an estimate
 * from Go's cadence (a line is supported until the release of the line two newer, which comes a
 * year after it: February and August releases).
 */
public final class SupportFacts {
  /** Months from a line's first release to the release that ends its support. */
  public static final int ESTIMATED_MONTHS = 12;

  private SupportFacts() {}

  public static Impact.Support of(GoVersion v, ReleaseFacts releases, LocalDate asOf) {
    boolean supported = releases.supported(v, asOf);
    Optional<LocalDate> end = releases.endOfSupport(v);
    if (end.isPresent()) {
      return new Impact.Support(v.lang(), supported, end, false);
    }
    Optional<LocalDate> released = lineReleased(v, releases);
    return new Impact.Support(
        v.lang(),
        supported,
        released.map(d -> d.plusMonths(ESTIMATED_MONTHS)),
        released.isPresent());
  }

  private static Optional<LocalDate> lineReleased(GoVersion v, ReleaseFacts releases) {
    if (releases instanceof HistoryReleaseFacts h) {
      return h.history().line(v).map(ReleaseLine::released);
    }
    return Optional.empty();
  }
}
