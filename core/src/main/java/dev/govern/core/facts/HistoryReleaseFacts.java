package dev.govern.core.facts;

import dev.govern.core.release.ReleaseFact;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.release.SupportPolicy;
import dev.govern.core.release.SupportStatus;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Release facts from the release history govern carries and Go's support policy. A line the history
 * does not know (newer than the table) counts as supported.
 */
public final class HistoryReleaseFacts implements ReleaseFacts {
  private final ReleaseHistory history;
  private final SupportPolicy support;
  private final LocalDate asOf;
  private final List<GoVersion> releases;
  // a fleet asks about the same few lines thousands of times
  private final Map<String, Boolean> supportedAsOf = new ConcurrentHashMap<>();
  private final Map<String, Optional<LocalDate>> endOfSupport = new ConcurrentHashMap<>();
  private final Map<String, Optional<GoVersion>> latest = new ConcurrentHashMap<>();

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
    if (when.equals(asOf)) {
      return supportedAsOf.computeIfAbsent(
          v.line(), k -> support.status(v, when).map(SupportStatus::supported).orElse(true));
    }
    return support.status(v, when).map(SupportStatus::supported).orElse(true);
  }

  @Override
  public Optional<LocalDate> endOfSupport(GoVersion v) {
    return endOfSupport.computeIfAbsent(
        v.line(), k -> support.status(v, asOf).flatMap(SupportStatus::endOfSupport));
  }

  @Override
  public Optional<GoVersion> latestPatch(GoVersion v) {
    return latest.computeIfAbsent(v.line(), k -> ReleaseFacts.super.latestPatch(v));
  }

  public ReleaseHistory history() {
    return history;
  }
}
