package dev.govern.core.upgrade;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code decision:} block of the governance file: how the four dimensions are weighted, which
 * candidates are eligible, and the optional gate rule.
 *
 * @param weights weight of each dimension (whole numbers, not all zero)
 * @param noBlocking a candidate whose go command rejects a GODEBUG line of the code is ineligible
 * @param supported a candidate whose line is end of life is ineligible
 * @param boundary a candidate below the module upgrade boundary is ineligible
 * @param policy a candidate the policy section does not permit is ineligible
 * @param minSupportDays a candidate with fewer days of support left is ineligible (0: off)
 * @param maxStdlibVulns a candidate with more known standard-library vulnerabilities is ineligible
 * @param gateMaxGap the gate fails when the repository's version scores more than this below the
 *     top-ranked eligible candidate (absent: the rule is off)
 * @param gateWarnOnly the gate rule warns instead of failing
 */
public record DecisionRules(
    Map<Dimension, Integer> weights,
    boolean noBlocking,
    boolean supported,
    boolean boundary,
    boolean policy,
    int minSupportDays,
    OptionalInt maxStdlibVulns,
    OptionalInt gateMaxGap,
    boolean gateWarnOnly) {

  /** The four dimensions. */
  public enum Dimension {
    COMPATIBILITY("compatibility"),
    SECURITY("security"),
    SUPPORT("support"),
    ECOSYSTEM("ecosystem");

    private final String word;

    Dimension(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  public DecisionRules {
    weights = Map.copyOf(weights);
  }

  /** The defaults: compatibility and security 35 each, support 20, ecosystem 10; every rule on. */
  public static DecisionRules defaults() {
    return new DecisionRules(
        Map.of(
            Dimension.COMPATIBILITY, 35,
            Dimension.SECURITY, 35,
            Dimension.SUPPORT, 20,
            Dimension.ECOSYSTEM, 10),
        true,
        true,
        true,
        true,
        0,
        OptionalInt.empty(),
        OptionalInt.empty(),
        false);
  }

  public int weight(Dimension d) {
    return weights.getOrDefault(d, 0);
  }
}
