package dev.govern.core.vuln;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One OSV {@code SEMVER} range: a list of events sorted by version. A version is affected when the
 * last event at or below it is an {@code introduced} (a {@code fixed} version is not affected, a
 * {@code last_affected} version still is).
 *
 * @param events the events in version order
 */
public record OsvRange(List<Event> events) {
  /** The kinds of OSV range events govern understands. */
  public enum Kind {
    INTRODUCED,
    FIXED,
    LAST_AFFECTED
  }

  /**
   * One event.
   *
   * @param kind what happened at this version
   * @param version the version text as the database writes it ({@code 1.21.0-0})
   * @param semver the parsed version
   */
  public record Event(Kind kind, String version, OsvSemver semver) {
    public static Event of(Kind kind, String version) {
      return new Event(kind, version, OsvSemver.parse(version));
    }
  }

  // at the same version: introduced before fixed, so "introduced X, fixed X" affects nothing
  private static final Comparator<Event> ORDER =
      Comparator.comparing(Event::semver).thenComparing(Event::kind);

  public OsvRange {
    events = events.stream().sorted(ORDER).toList();
  }

  /** Whether {@code v} falls inside this range. */
  public boolean affects(OsvSemver v) {
    boolean affected = false;
    for (Event e : events) {
      int c = v.compareTo(e.semver());
      switch (e.kind()) {
        case INTRODUCED -> {
          if (c >= 0) {
            affected = true;
          }
        }
        case FIXED -> {
          if (c >= 0) {
            affected = false;
          }
        }
        case LAST_AFFECTED -> {
          if (c > 0) {
            affected = false;
          }
        }
      }
    }
    return affected;
  }

  /** The first {@code fixed} version above {@code v}, when {@code v} is affected. */
  public Optional<String> fixedAfter(OsvSemver v) {
    return events.stream()
        .filter(e -> e.kind() == Kind.FIXED && e.semver().compareTo(v) > 0)
        .map(Event::version)
        .findFirst();
  }

  /** Every {@code fixed} version of this range. */
  public List<String> fixedVersions() {
    return events.stream().filter(e -> e.kind() == Kind.FIXED).map(Event::version).toList();
  }
}
