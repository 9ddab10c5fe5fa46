package dev.govern.core.release;

import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One Go release as the release history records it.
 *
 * @param version the release, e.g. go1.22.4 (never a prerelease)
 * @param date the release date; empty for a version that was tagged but never released (go1.7.2)
 * @param security whether the release history lists security fixes for this release
 */
public record ReleaseFact(GoVersion version, Optional<LocalDate> date, boolean security) {
  public ReleaseFact {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(date, "date");
    if (!version.isRelease()) {
      throw new IllegalArgumentException("not a release: " + version);
    }
  }

  /** True when the version was actually published (it has a release date). */
  public boolean released() {
    return date.isPresent();
  }

  /** True for the first release of a line (go1.9, go1.21.0). */
  public boolean major() {
    return version.patch() == 0;
  }
}
