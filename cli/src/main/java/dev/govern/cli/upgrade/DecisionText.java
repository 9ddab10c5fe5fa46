package dev.govern.cli.upgrade;

import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionRules.Dimension;
import java.io.PrintWriter;

/** {@code govern decide} as text. */
final class DecisionText {
  private DecisionText() {}

  static void print(PrintWriter o, Decision d, String name) {
    o.printf("%s: now %s; as of %s%n%n", name, d.current(), d.asOf());
    o.printf(
        "%-4s %-11s %5s  %-6s %-8s %-7s %-9s  %s%n",
        "RANK", "CANDIDATE", "TOTAL", "COMPAT", "SECURITY", "SUPPORT", "ECOSYSTEM", "ELIGIBLE");
    int rank = 0;
    for (Decision.Row r : d.rows()) {
      o.printf(
          "%-4d %-11s %5d  %6d %8d %7d %9d  %s%n",
          ++rank,
          r.candidate() + (r.isCurrent() ? "*" : ""),
          r.total(),
          r.scores().get(Dimension.COMPATIBILITY).value(),
          r.scores().get(Dimension.SECURITY).value(),
          r.scores().get(Dimension.SUPPORT).value(),
          r.scores().get(Dimension.ECOSYSTEM).value(),
          r.eligible() ? "yes" : "no: " + String.join("; ", r.ineligibleBecause()));
    }
    o.printf("(* the version in use; weights %s; %s)%n", weights(d), d.fleet());
    o.printf(
        "%nRecommended: %s%n  %s%n",
        d.recommended().map(r -> r.candidate().toString()).orElse("none"), d.why());
    o.printf("%nInputs:%n");
    for (Decision.Row r : d.rows()) {
      o.printf("  %s%n", r.candidate());
      for (Dimension dim : Dimension.values()) {
        Decision.Score s = r.scores().get(dim);
        o.printf("    %-13s %3d  %s%n", dim.word(), s.value(), s.inputs());
      }
    }
    o.flush();
  }

  static String weights(Decision d) {
    StringBuilder b = new StringBuilder();
    for (Dimension dim : Dimension.values()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(dim.word()).append(' ').append(d.rules().weight(dim));
    }
    return b.toString();
  }
}
