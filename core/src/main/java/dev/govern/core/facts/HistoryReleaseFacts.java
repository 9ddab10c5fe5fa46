package dev.govern.core.facts;

import dev.govern.core.release.ReleaseFact;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.release.SupportPolicy;
import dev.govern.core.release.SupportStatus;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Release facts from the release history govern carries and Go's support policy. A line the history
 * does not know (newer than the table) counts as supported.
 */
public final class HistoryReleaseFacts implements ReleaseFacts {
  private final ReleaseHistory history;
  private final SupportPolicy support;
  private final LocalDate asOf;
  private final List<GoVersion> releases;

  /** Facts as they stood on {@code asOf}: releases after that day are not known yet. */
  public HistoryReleaseFacts(ReleaseHistory history, LocalDate asOf) {
    this.history = history.asOf(asOf);
    this.support = new SupportPolicy(this.history);
    this.asOf = asOf;
    this.releases = this.history.published().stream().map(ReleaseFact::version).sorted().toList();
  }

  @Override
  public List<GoVersion> releases() {
    return releases;
  }

  @Override
  public boolean supported(GoVersion v, LocalDate when) {
    return support.status(v, when).map(SupportStatus::supported).orElse(true);
  }

  @Override
  public Optional<LocalDate> endOfSupport(GoVersion v) {
    return support.status(v, asOf).flatMap(SupportStatus::endOfSupport);
  }

  public ReleaseHistory history() {
    return history;
  }
}
