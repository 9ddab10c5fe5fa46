package dev.govern.core.release;

import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Go's support policy: each major line 1.N is supported until two newer major lines have been
 * released; its end of support is the release date of 1.(N+2).0. Only releases published by the day
 * asked about count, so a question about the past is answered as it would have been then.
 */
public final class SupportPolicy {
  /** How many newer major lines end the support of a line. */
  public static final int NEWER_LINES_TO_END_SUPPORT = 2;

  private final ReleaseHistory history;

  public SupportPolicy(ReleaseHistory history) {
    this.history = history;
  }

  /** The status of every line released by {@code asOf}, oldest first. */
  public List<SupportStatus> statuses(LocalDate asOf) {
    ReleaseHistory then = history.asOf(asOf);
    List<ReleaseLine> lines = then.lines();
    return lines.stream().map(l -> statusIn(lines, l)).toList();
  }

  /** The status on {@code asOf} of the line of {@code version}; empty if not released by then. */
  public Optional<SupportStatus> status(GoVersion version, LocalDate asOf) {
    String key = version.line();
    return statuses(asOf).stream().filter(s -> s.line().line().equals(key)).findFirst();
  }

  /** The lines supported on {@code asOf}, oldest first. */
  public List<SupportStatus> supported(LocalDate asOf) {
    return statuses(asOf).stream().filter(SupportStatus::supported).toList();
  }

  private static SupportStatus statusIn(List<ReleaseLine> lines, ReleaseLine line) {
    int endingMinor = line.minor() + NEWER_LINES_TO_END_SUPPORT;
    Optional<ReleaseFact> ender =
        lines.stream()
            .filter(l -> l.first().version().major() == line.first().version().major())
            .filter(l -> l.minor() == endingMinor)
            .map(ReleaseLine::first)
            .findFirst();
    return new SupportStatus(line, ender.isEmpty(), ender.flatMap(ReleaseFact::date), ender);
  }
}
