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
 * by the policy and, when vulnerability data is there, with no known stdlib vulnerability.
 */
final class UpgradeTarget {
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final EffectivePolicy policy;
  private final LocalDate asOf;

  UpgradeTarget(ReleaseFacts releases, VulnFacts vulns, EffectivePolicy policy, LocalDate asOf) {
    this.releases = releases;
    this.vulns = vulns;
    this.policy = policy;
    this.asOf = asOf;
  }

  Optional<GoVersion> from(GoVersion current) {
    List<GoVersion> all = releases.releases();
    GoVersion best = null;
    String bestLine = null;
    for (GoVersion r : all) {
      if (r.isPrerelease() || r.compareIgnoringSuffix(current) < 0 || !acceptable(r)) {
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

  private boolean acceptable(GoVersion r) {
    if (!policy.permits(r) || !releases.supported(r, asOf)) {
      return false;
    }
    return !vulns.available() || vulns.stdlib(r).isEmpty();
  }
}
