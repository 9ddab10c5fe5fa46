package dev.govern.core.governance;

import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import dev.govern.core.upgrade.DecisionRules;
import dev.govern.core.upgrade.DecisionRules.Dimension;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the {@code decision:} section of a governance file into {@link DecisionRules}; missing keys
 * keep their defaults, wrong keys and values name file, line and column.
 *
 * <pre>
 * decision:
 *   weights: {compatibility: 35, security: 35, support: 20, ecosystem: 10}
 *   require: {no_blocking: true, supported: true, boundary: true, policy: true,
 *             min_support_days: 0, max_stdlib_vulns: 5}
 *   gate: {max_gap: 15, level: fail}
 * </pre>
 */
public final class DecisionReader extends YamlFields {
  private DecisionReader(String where) {
    super(where);
  }

  /** The rules of {@code file}; the defaults when it has no {@code decision:} section. */
  public static DecisionRules rules(GovernanceFile file) {
    DecisionReader r = new DecisionReader(file.source().toString());
    return file.decision().filter(n -> !isNull(n)).map(r::read).orElse(DecisionRules.defaults());
  }

  private DecisionRules read(YamlNode node) {
    DecisionRules d = DecisionRules.defaults();
    Mapping m = mapping(node, "decision");
    allowOnly(m, "decision", "weights", "require", "gate");
    Map<Dimension, Integer> weights = new EnumMap<>(d.weights());
    Member w = m.members().get("weights");
    if (w != null && !isNull(w.value())) {
      Mapping wm = mapping(w.value(), "decision.weights");
      allowOnly(wm, "decision.weights", "compatibility", "security", "support", "ecosystem");
      for (Member e : wm.members().values()) {
        Dimension dim = Dimension.valueOf(e.key().text().toUpperCase(java.util.Locale.ROOT));
        weights.put(dim, nonNegativeInt(e.value(), "decision.weights." + e.key().text()));
      }
      if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
        throw error(w.value(), "decision.weights: at least one weight must be above 0");
      }
    }
    boolean noBlocking = d.noBlocking();
    boolean supported = d.supported();
    boolean boundary = d.boundary();
    boolean policy = d.policy();
    int minDays = d.minSupportDays();
    OptionalInt maxVulns = d.maxStdlibVulns();
    Member req = m.members().get("require");
    if (req != null && !isNull(req.value())) {
      String p = "decision.require";
      Mapping rm = mapping(req.value(), p);
      allowOnly(
          rm,
          p,
          "no_blocking",
          "supported",
          "boundary",
          "policy",
          "min_support_days",
          "max_stdlib_vulns");
      noBlocking = flag(rm, "no_blocking", p, noBlocking);
      supported = flag(rm, "supported", p, supported);
      boundary = flag(rm, "boundary", p, boundary);
      policy = flag(rm, "policy", p, policy);
      Member days = rm.members().get("min_support_days");
      if (days != null && !isNull(days.value())) {
        minDays = nonNegativeInt(days.value(), p + ".min_support_days");
      }
      Member vulns = rm.members().get("max_stdlib_vulns");
      if (vulns != null && !isNull(vulns.value())) {
        maxVulns = OptionalInt.of(nonNegativeInt(vulns.value(), p + ".max_stdlib_vulns"));
      }
    }
    OptionalInt gap = OptionalInt.empty();
    boolean warnOnly = false;
    Member gate = m.members().get("gate");
    if (gate != null && !isNull(gate.value())) {
      Mapping gm = mapping(gate.value(), "decision.gate");
      allowOnly(gm, "decision.gate", "max_gap", "level");
      Member g = gm.members().get("max_gap");
      if (g == null || isNull(g.value())) {
        throw error(
            gm, "decision.gate: missing max_gap (points behind the top-ranked eligible version)");
      }
      int n = nonNegativeInt(g.value(), "decision.gate.max_gap");
      if (n > 100) {
        throw error(g.value(), "decision.gate.max_gap: expected 0 to 100 points, found " + n);
      }
      gap = OptionalInt.of(n);
      Scalar level = optionalScalar(gm, "level", "decision.gate");
      if (level != null) {
        if (!level.text().equals("fail") && !level.text().equals("warn")) {
          throw error(
              level, "decision.gate.level: expected fail or warn, found " + level.describe());
        }
        warnOnly = level.text().equals("warn");
      }
    }
    return new DecisionRules(
        weights, noBlocking, supported, boundary, policy, minDays, maxVulns, gap, warnOnly);
  }

  private boolean flag(Mapping m, String key, String path, boolean dflt) {
    Member e = m.members().get(key);
    return e == null || isNull(e.value()) ? dflt : bool(e.value(), path + "." + key);
  }
}
