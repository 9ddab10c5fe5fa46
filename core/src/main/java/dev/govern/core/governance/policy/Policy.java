package dev.govern.core.governance.policy;

import dev.govern.core.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code policy:} section of the governance file, as written: every rule is optional. A rule
 * the policy does not mention applies as a warning, never as a failure ({@link #effective}).
 *
 * @param allow the versions allowed, if restricted
 * @param deny banned versions with reasons
 * @param supported how an end-of-life line counts
 * @param stdlib how known standard-library vulnerabilities count (they ship in binaries)
 * @param toolchain how known toolchain vulnerabilities count (a build-machine risk)
 * @param modules how known vulnerabilities of module dependencies count
 * @param maxPatchLag how many patch releases behind the newest of its line a version may be
 * @param patchLag how exceeding {@code maxPatchLag} counts (fail when a lag is given)
 * @param consistency how disagreements between sources count (go line above toolchain line, …)
 * @param environments per-environment overrides of any rule
 */
public record Policy(
    Optional<VersionRange> allow,
    List<Denial> deny,
    Optional<RuleLevel> supported,
    Optional<RuleLevel> stdlib,
    Optional<RuleLevel> toolchain,
    Optional<RuleLevel> modules,
    OptionalInt maxPatchLag,
    Optional<RuleLevel> patchLag,
    Optional<RuleLevel> consistency,
    Map<String, Policy> environments) {

  /** A policy that mentions nothing: every rule applies as a warning. */
  public static Policy empty() {
    return new Policy(
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  /** This policy with the overrides of {@code environment} applied on top (when it has any). */
  public Policy forEnvironment(String environment) {
    Policy o = environment == null ? null : environments.get(environment);
    if (o == null) {
      return this;
    }
    List<Denial> denials = new java.util.ArrayList<>(deny);
    denials.addAll(o.deny);
    return new Policy(
        o.allow.or(() -> allow),
        List.copyOf(denials),
        o.supported.or(() -> supported),
        o.stdlib.or(() -> stdlib),
        o.toolchain.or(() -> toolchain),
        o.modules.or(() -> modules),
        o.maxPatchLag.isPresent() ? o.maxPatchLag : maxPatchLag,
        o.patchLag.or(() -> patchLag),
        o.consistency.or(() -> consistency),
        Map.of());
  }

  /** The rules as the gate applies them: unmentioned rules are warnings. */
  public EffectivePolicy effective() {
    RuleLevel lagLevel = patchLag.orElse(maxPatchLag.isPresent() ? RuleLevel.FAIL : RuleLevel.WARN);
    return new EffectivePolicy(
        allow,
        deny,
        supported.orElse(RuleLevel.WARN),
        stdlib.orElse(RuleLevel.WARN),
        toolchain.orElse(RuleLevel.WARN),
        modules.orElse(RuleLevel.WARN),
        maxPatchLag.orElse(0),
        lagLevel,
        consistency.orElse(RuleLevel.WARN));
  }
}
