package dev.govern.core.facts;

import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the gate and the fleet scan need to know about Go releases and their support. */
public interface ReleaseFacts {
  /** Every published release, oldest first. */
  List<GoVersion> releases();

  /** The newest release of {@code v}'s line, if the line has any. */
  default Optional<GoVersion> latestPatch(GoVersion v) {
    GoVersion newest = null;
    for (GoVersion r : releases()) {
      if (r.major() == v.major() && r.minor() == v.minor() && !r.isPrerelease()) {
        newest = r;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** Whether {@code v}'s line is still supported on {@code asOf}. */
  boolean supported(GoVersion v, LocalDate asOf);

  /** The end-of-support date of {@code v}'s line, if it has ended (or is scheduled). */
  Optional<LocalDate> endOfSupport(GoVersion v);

  /** How many patch releases of its line are newer than {@code v} (0 when it is the newest). */
  default int patchLag(GoVersion v) {
    int lag = 0;
    for (GoVersion r : releases()) {
      if (r.line().equals(v.line()) && !r.isPrerelease() && r.compareIgnoringSuffix(v) > 0) {
        lag++;
      }
    }
    return lag;
  }
}
