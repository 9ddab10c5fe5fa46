package dev.govern.core.gate;

import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The smallest upgrade that satisfies a policy: the newest patch of the same line when that line is
 * still supported, else the newest patch of the oldest newer supported line; in both cases allowed
 * by the policy and, when vulnerability data is there, with no known stdlib vulnerability. The gate
 * names it in its findings, the fleet scan in each service's {@code fix}.
 */
public final class UpgradeTarget {
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final EffectivePolicy policy;
  private final LocalDate asOf;
  private final java.util.Map<GoVersion, Optional<GoVersion>> targets = new java.util.HashMap<>();

  public UpgradeTarget(
      ReleaseFacts releases, VulnFacts vulns, EffectivePolicy policy, LocalDate asOf) {
    this.releases = releases;
    this.vulns = vulns;
    this.policy = policy;
    this.asOf = asOf;
  }

  /**
   * The target for {@code current}; when no release is free of known vulnerabilities, the newest
   * patch of the first line that is allowed and supported (it fixes the most).
   */
  public synchronized Optional<GoVersion> from(GoVersion current) {
    // every rule a piece of evidence breaks asks for the same fix
    return targets.computeIfAbsent(current, v -> first(v, true).or(() -> first(v, false)));
  }

  private Optional<GoVersion> first(GoVersion current, boolean clean) {
    List<GoVersion> all = releases.releases();
    GoVersion best = null;
    String bestLine = null;
    for (GoVersion r : all) {
      if (r.isPrerelease() || r.compareIgnoringSuffix(current) < 0 || !acceptable(r, clean)) {
        continue;
      }
      if (bestLine == null) {
        bestLine = r.line();
      }
      if (r.line().equals(bestLine)) {
        best = r; // releases are oldest first: keep the newest patch of the first good line
      }
    }
    return Optional.ofNullable(best);
  }

  private boolean acceptable(GoVersion r, boolean clean) {
    if (!policy.permits(r) || !releases.supported(r, asOf)) {
      return false;
    }
    return !clean || !vulns.available() || vulns.stdlib(r).isEmpty();
  }
}
