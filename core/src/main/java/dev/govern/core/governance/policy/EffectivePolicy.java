package dev.govern.core.governance.policy;

import dev.govern.core.version.GoVersion;
import dev.govern.core.version.VersionRange;
import java.util.List;
import java.util.Optional;

/** The rules the gate applies, every level resolved. */
public record EffectivePolicy(
    Optional<VersionRange> allow,
    List<Denial> deny,
    RuleLevel supported,
    RuleLevel stdlib,
    RuleLevel toolchain,
    RuleLevel modules,
    int maxPatchLag,
    RuleLevel patchLag,
    RuleLevel consistency) {

  /** The first denial that bans {@code v}, if any. */
  public Optional<Denial> denial(GoVersion v) {
    return deny.stream().filter(d -> d.versions().contains(v)).findFirst();
  }

  /** Whether {@code v} is allowed: in the allow range (when there is one) and not denied. */
  public boolean permits(GoVersion v) {
    return allow.map(r -> r.contains(v)).orElse(true) && denial(v).isEmpty();
  }
}
