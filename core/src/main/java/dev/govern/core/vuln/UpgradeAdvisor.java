package dev.govern.core.vuln;

import dev.govern.core.release.ReleaseFact;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.release.ReleaseLine;
import dev.govern.core.release.SupportPolicy;
import dev.govern.core.release.SupportStatus;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the smallest upgrade that is supported and has no known standard-library vulnerability: the
 * newest patch of the same line if that line is still supported and clean, else the newest patch of
 * the oldest newer supported line that is clean.
 */
public final class UpgradeAdvisor {
  private final ReleaseHistory history;
  private final VulnMatcher matcher;

  public UpgradeAdvisor(ReleaseHistory history, VulnMatcher matcher) {
    this.history = history;
    this.matcher = matcher;
  }

  /**
   * One upgrade considered.
   *
   * @param version the newest patch of its line
   * @param sameLine whether it is on the current version's line
   * @param fixes stdlib ids affecting the current version that this one no longer has
   * @param remaining stdlib findings of this version
   */
  public record Candidate(
      GoVersion version, boolean sameLine, List<String> fixes, List<Finding> remaining) {
    public boolean clean() {
      return remaining.isEmpty();
    }
  }

  /**
   * The advice.
   *
   * @param current the version asked about
   * @param currentSupport the support status of its line, empty if the line is unknown
   * @param currentFindings its stdlib findings
   * @param candidates the upgrades considered, in order of preference
   * @param recommended the first clean candidate, if any
   */
  public record Advice(
      GoVersion current,
      Optional<SupportStatus> currentSupport,
      List<Finding> currentFindings,
      List<Candidate> candidates,
      Optional<Candidate> recommended) {}

  public Advice advise(GoVersion current, LocalDate asOf) {
    SupportPolicy policy = new SupportPolicy(history);
    Optional<SupportStatus> status = policy.status(current, asOf);
    List<Finding> now = matcher.stdlib(current);
    Set<String> nowIds = new HashSet<>();
    now.forEach(f -> nowIds.add(f.id()));
    List<Candidate> candidates = new ArrayList<>();
    for (SupportStatus s : policy.supported(asOf)) {
      ReleaseLine line = s.line();
      ReleaseFact newest = line.latest();
      boolean same = line.line().equals(current.line());
      boolean newerLine = line.first().version().compareIgnoringSuffix(current) > 0;
      if (!(same && newest.version().compareIgnoringSuffix(current) >= 0) && !newerLine) {
        continue;
      }
      List<Finding> remaining = matcher.stdlib(newest.version());
      Set<String> still = new HashSet<>();
      remaining.forEach(f -> still.add(f.id()));
      List<String> fixes = now.stream().map(Finding::id).filter(id -> !still.contains(id)).toList();
      candidates.add(new Candidate(newest.version(), same, fixes, remaining));
    }
    // same line first, then newer lines oldest first (statuses are already oldest first)
    candidates.sort((a, b) -> Boolean.compare(b.sameLine(), a.sameLine()));
    Optional<Candidate> pick = candidates.stream().filter(Candidate::clean).findFirst();
    return new Advice(current, status, now, candidates, pick);
  }
}
