package dev.govern.core.fleet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code classes:} section of the governance file: which conditions make a service red or
 * yellow. Red is checked first; a service matching neither is green.
 *
 * @param red conditions any of which make a service red
 * @param yellow conditions any of which make a service yellow
 */
public record ClassRules(Set<Condition> red, Set<Condition> yellow) {
  public ClassRules {
    red = red.isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(red);
    yellow = yellow.isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(yellow);
  }

  /**
   * DESIGN.md §6 defaults: red = unsupported or a known vulnerability with no fix in its line;
   * yellow = behind on patches or a vulnerability a patch fixes; an unknown version is yellow too.
   */
  public static ClassRules defaults() {
    return new ClassRules(
        EnumSet.of(Condition.UNSUPPORTED, Condition.UNFIXED_VULNERABILITY, Condition.DENIED),
        EnumSet.of(
            Condition.BEHIND_PATCHES,
            Condition.FIXED_VULNERABILITY,
            Condition.NOT_ALLOWED,
            Condition.UNKNOWN_VERSION));
  }

  /** The class of a service with {@code facts}, and the conditions that decided it. */
  public Verdict classify(Set<Condition> facts) {
    List<Condition> r = facts.stream().filter(red::contains).sorted().toList();
    if (!r.isEmpty()) {
      return new Verdict(RiskClass.RED, r);
    }
    List<Condition> y = facts.stream().filter(yellow::contains).sorted().toList();
    if (!y.isEmpty()) {
      return new Verdict(RiskClass.YELLOW, y);
    }
    return new Verdict(RiskClass.GREEN, List.of());
  }

  /** A class and why. */
  public record Verdict(RiskClass riskClass, List<Condition> because) {}
}
