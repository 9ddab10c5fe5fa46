package dev.govern.core.fleet;

import dev.govern.core.facts.Advisory;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Works out which {@link Condition}s hold for a Go version under a policy and the facts. */
public final class ConditionFinder {
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final EffectivePolicy policy;
  private final LocalDate asOf;
  private final java.util.Map<GoVersion, Set<Condition>> byVersion =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ConditionFinder(
      ReleaseFacts releases, VulnFacts vulns, EffectivePolicy policy, LocalDate asOf) {
    this.releases = releases;
    this.vulns = vulns;
    this.policy = policy;
    this.asOf = asOf;
  }

  /** The conditions of a service whose effective Go is {@code version} (empty when unknown). */
  public Set<Condition> conditions(Optional<GoVersion> version, List<Advisory> moduleAdvisories) {
    Set<Condition> out = EnumSet.noneOf(Condition.class);
    if (!moduleAdvisories.isEmpty()) {
      out.add(Condition.MODULE_VULNERABILITY);
    }
    if (version.isEmpty()) {
      out.add(Condition.UNKNOWN_VERSION);
      return out;
    }
    out.addAll(byVersion.computeIfAbsent(version.get(), this::ofVersion));
    return out;
  }

  /** The conditions that depend on the Go version alone (the same for every service on it). */
  private Set<Condition> ofVersion(GoVersion v) {
    Set<Condition> out = EnumSet.noneOf(Condition.class);
    if (!releases.supported(v, asOf)) {
      out.add(Condition.UNSUPPORTED);
    }
    if (policy.denial(v).isPresent()) {
      out.add(Condition.DENIED);
    }
    if (policy.allow().isPresent() && !policy.allow().get().contains(v)) {
      out.add(Condition.NOT_ALLOWED);
    }
    if (v.isRelease() && releases.patchLag(v) > policy.maxPatchLag()) {
      out.add(Condition.BEHIND_PATCHES);
    }
    for (Advisory a : vulns.stdlib(v)) {
      out.add(fixedInLine(a, v) ? Condition.FIXED_VULNERABILITY : Condition.UNFIXED_VULNERABILITY);
    }
    if (!vulns.toolchain(v).isEmpty()) {
      out.add(Condition.TOOLCHAIN_VULNERABILITY);
    }
    return out;
  }

  /** Whether a release of {@code v}'s line fixes {@code a}. */
  static boolean fixedInLine(Advisory a, GoVersion v) {
    return a.fixedGoVersion().map(f -> f.line().equals(v.line())).orElse(false);
  }
}
