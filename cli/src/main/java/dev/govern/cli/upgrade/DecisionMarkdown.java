package dev.govern.cli.upgrade;

import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionRules.Dimension;
import dev.govern.core.upgrade.Impact;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code govern decide --format markdown}: a document a review board can attach to a change
 * request: context, matrix, impact per step of the recommendation, rollback plan, sign-off.
 */
final class DecisionMarkdown {
  private DecisionMarkdown() {}

  static void print(
      PrintWriter o, Decision d, String name, String source, String goLine, boolean vulnData) {
    o.printf("# Go version decision: %s%n%n", ImpactMarkdown.cell(name));
    o.printf("## Context%n%n");
    o.printf("- Code: `%s`%n", ImpactMarkdown.cell(name));
    o.printf(
        "- In use: **%s** (%s), go line `%s`%n", d.current(), ImpactMarkdown.cell(source), goLine);
    o.printf(
        "- Judged as of %s; vulnerability data: %s; fleet: %s%n",
        d.asOf(), vulnData ? "yes" : "none", d.fleet());
    o.printf("- Weights: %s; eligibility: %s%n%n", DecisionText.weights(d), eligibility(d));
    o.printf("## Decision matrix%n%n");
    o.printf(
        "| rank | candidate | total | compatibility | security | support | ecosystem | eligible |%n");
    o.printf("|---|---|---|---|---|---|---|---|%n");
    int rank = 0;
    for (Decision.Row r : d.rows()) {
      o.printf(
          "| %d | %s%s | **%d** | %s | %s | %s | %s | %s |%n",
          ++rank,
          r.candidate(),
          r.isCurrent() ? " (in use)" : "",
          r.total(),
          score(r, Dimension.COMPATIBILITY),
          score(r, Dimension.SECURITY),
          score(r, Dimension.SUPPORT),
          score(r, Dimension.ECOSYSTEM),
          r.eligible()
              ? "yes"
              : "no: " + ImpactMarkdown.cell(String.join("; ", r.ineligibleBecause())));
    }
    o.printf(
        "%n## Recommendation%n%n**%s**: %s%n%n",
        d.recommended().map(r -> r.candidate().toString()).orElse("none"),
        ImpactMarkdown.cell(d.why()));
    Impact impact = d.recommended().flatMap(Decision.Row::impact).orElse(null);
    if (impact == null) {
      o.printf(
          "No upgrade: the version in use %s.%n%n",
          d.recommended().isPresent() ? "stays" : "has no eligible alternative");
    } else {
      o.printf(
          "# Impact per step (%s -> %s)%n%n", impact.from().toolchain(), impact.to().toolchain());
      ImpactMarkdown.steps(o, impact, vulnData);
      rollback(o, d, impact, goLine);
    }
    o.printf(
        "## Sign-off%n%n| role | name | date | decision |%n|---|---|---|---|%n| owner | | | |%n| reviewer | | | |%n");
    o.flush();
  }

  private static void rollback(PrintWriter o, Decision d, Impact impact, String goLine) {
    o.printf("## Rollback plan%n%n");
    o.printf(
        "1. Toolchain: `govern rollback --reason \"<why>\"` returns the default toolchain to the previous one (verified and recorded in the audit ledger); a repository pinned with `govern pin` goes back with `govern pin %s`.%n",
        d.current().bare());
    o.printf(
        "2. Go line: set `go %s` again in go.mod (revert the commit that raised it); defaults follow the go line, so this restores every default of step 2.%n",
        goLine);
    Set<String> keep = new LinkedHashSet<>();
    Set<String> watch = new LinkedHashSet<>();
    for (Impact.Change c : impact.changes()) {
      c.keep().ifPresent(keep::add);
      c.setting().metricToWatch().ifPresent(watch::add);
    }
    if (!keep.isEmpty()) {
      o.printf("3. To keep an old behaviour without rolling back, add the line that keeps it:%n");
      keep.forEach(k -> o.printf("   - `%s`%n", k));
    }
    if (!watch.isEmpty()) {
      o.printf(
          "%s. Watch these runtime/metrics counters after the rollout (non-zero: code hit a changed default it had pinned back):%n",
          keep.isEmpty() ? "3" : "4");
      watch.forEach(w -> o.printf("   - `%s`%n", w));
    }
    o.println();
  }

  private static String score(Decision.Row r, Dimension dim) {
    Decision.Score s = r.scores().get(dim);
    return s.value() + " (" + ImpactMarkdown.cell(s.inputs()) + ")";
  }

  private static String eligibility(Decision d) {
    var r = d.rules();
    StringBuilder b = new StringBuilder();
    if (r.noBlocking()) b.append("no blocking lines, ");
    if (r.supported()) b.append("supported line, ");
    if (r.boundary()) b.append("within the module boundary, ");
    if (r.policy()) b.append("permitted by the policy, ");
    if (r.minSupportDays() > 0)
      b.append(">= ").append(r.minSupportDays()).append(" days of support, ");
    r.maxStdlibVulns()
        .ifPresent(n -> b.append("<= ").append(n).append(" stdlib vulnerabilities, "));
    return b.length() == 0 ? "none" : b.substring(0, b.length() - 2);
  }
}
