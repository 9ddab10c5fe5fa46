package dev.govern.core.gate;

import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The optional gate rule {@code decision}: the repository's Go version must not score more than
 * {@code decision.gate.max_gap} points below the top-ranked eligible candidate of the decision
 * matrix.
 */
public final class DecisionRule {
  public static final String RULE = "decision";

  private DecisionRule() {}

  /** The finding for {@code d}, if the rule is on and the version in use is too far behind. */
  public static Optional<Finding> judge(Decision d, DecisionRules rules, Path file) {
    if (rules.gateMaxGap().isEmpty()) {
      return Optional.empty();
    }
    Severity level = rules.gateWarnOnly() ? Severity.WARN : Severity.FAIL;
    int max = rules.gateMaxGap().getAsInt();
    Decision.Row current = d.currentRow();
    if (d.recommended().isEmpty()) {
      return Optional.of(
          new Finding(
              Severity.WARN, RULE, "decision: " + d.why(), Optional.empty(), file, 0, List.of()));
    }
    Decision.Row best = d.recommended().get();
    int gap = d.gap();
    if (gap <= max) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            level,
            RULE,
            current.candidate()
                + " scores "
                + current.total()
                + ", "
                + gap
                + " points below the top-ranked eligible "
                + best.candidate()
                + " ("
                + best.total()
                + "); the policy allows "
                + max,
            Optional.of(
                "upgrade to "
                    + best.candidate()
                    + " (govern decide --format markdown for the review)"),
            file,
            0,
            List.of()));
  }
}
