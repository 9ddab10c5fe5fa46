package dev.govern.core.release;

import java.time.LocalDate;
import java.util.List;

/**
 * The published releases of one line (1.N), oldest first.
 *
 * @param line the line key, e.g. "1.22"
 * @param releases the published releases of the line, oldest first (the first is 1.N.0)
 */
public record ReleaseLine(String line, List<ReleaseFact> releases) {
  public ReleaseLine {
    releases = List.copyOf(releases);
    if (releases.isEmpty()) {
      throw new IllegalArgumentException("a line has at least one release: " + line);
    }
  }

  /** The line's Go name: go1, go1.9, go1.22. */
  public String name() {
    return first().version().lang().toString();
  }

  /** The first release of the line (go1.22.0, go1.9). */
  public ReleaseFact first() {
    return releases.get(0);
  }

  /** The date the line was released (its first release). */
  public LocalDate released() {
    return first().date().orElseThrow();
  }

  /** The newest patch release of the line. */
  public ReleaseFact latest() {
    return releases.get(releases.size() - 1);
  }

  /** How many patch releases followed the first release. */
  public int patchReleases() {
    return releases.size() - 1;
  }

  /** How many patch releases (not counting the first) carried security fixes. */
  public int securityPatchReleases() {
    return (int) releases.stream().skip(1).filter(ReleaseFact::security).count();
  }

  /** The minor number N of the line 1.N. */
  public int minor() {
    return first().version().minor();
  }
}
