package dev.govern.core.upgrade;

import dev.govern.core.facts.Advisory;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.upgrade.DecisionRules.Dimension;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores candidate versions for one module or binary on four dimensions (0–100 each) and ranks
 * them:
 *
 * <ul>
 *   <li><b>compatibility</b>: {@code 100 * 20 / (20 + p)}, where each behaviour change of both
 *       upgrade steps adds to {@code p} 3 when the code links what it changes, 2 when it imports
 *       it, 1 when unknown, 0 when unused, doubled when no line can keep the old behaviour (a
 *       removed setting); a blocking line scores 0;
 *   <li><b>security</b>: 100 minus 10 per known standard-library vulnerability the code uses
 *       (linked or imported), 5 per other or unknown one, 3 per toolchain vulnerability;
 *   <li><b>support</b>: days of support left, 100 for a year or more, 0 when end of life;
 *   <li><b>ecosystem</b>: 0 below the module upgrade boundary; else 100 without a saved fleet scan,
 *       or 50 plus half the share of the fleet already on the candidate's line.
 * </ul>
 */
public final class DecisionMatrix {
  private final ImpactAnalysis analysis;
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final LocalDate asOf;
  private final DecisionRules rules;
  private final FleetShare fleet;
  private final Predicate<GoVersion> permitted;

  /**
   * @param permitted whether the policy permits a version (always true without a policy)
   */
  public DecisionMatrix(
      ImpactAnalysis analysis,
      ReleaseFacts releases,
      VulnFacts vulns,
      LocalDate asOf,
      DecisionRules rules,
      FleetShare fleet,
      Predicate<GoVersion> permitted) {
    this.analysis = analysis;
    this.releases = releases;
    this.vulns = vulns;
    this.asOf = asOf;
    this.rules = rules;
    this.fleet = fleet;
    this.permitted = permitted;
  }

  /** The current version and the newest patch of every line supported on {@code asOf}. */
  public static List<GoVersion> defaultCandidates(
      GoVersion current, ReleaseFacts releases, LocalDate asOf) {
    Set<GoVersion> out = new LinkedHashSet<>();
    out.add(current);
    Set<String> lines = new LinkedHashSet<>();
    for (GoVersion r : releases.releases()) {
      if (r.isRelease() && releases.supported(r, asOf)) {
        lines.add(r.line());
      }
    }
    for (String line : lines) {
      releases.latestPatch(GoVersion.parse(line)).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** Scores and ranks {@code candidates} for {@code code}. */
  public Decision decide(ImpactAnalysis.Code code, List<GoVersion> candidates) {
    GoVersion current = code.from().toolchain();
    List<Decision.Row> rows = new ArrayList<>();
    Set<GoVersion> seen = new LinkedHashSet<>();
    List<GoVersion> all = new ArrayList<>();
    all.add(current);
    all.addAll(candidates);
    for (GoVersion c : all) {
      if (seen.add(c.withoutSuffix())) {
        rows.add(row(code, c, c.compareIgnoringSuffix(current) == 0));
      }
    }
    rows.sort(
        Comparator.comparing((Decision.Row r) -> !r.eligible())
            .thenComparing(Comparator.comparingInt(Decision.Row::total).reversed())
            .thenComparing(Decision.Row::candidate, Comparator.reverseOrder()));
    Optional<Decision.Row> best = rows.stream().filter(Decision.Row::eligible).findFirst();
    return new Decision(
        asOf, current, rules, List.copyOf(rows), best, why(best, rows), fleet.describe());
  }

  private Decision.Row row(ImpactAnalysis.Code code, GoVersion c, boolean isCurrent) {
    Optional<Impact> impact =
        isCurrent ? Optional.empty() : Optional.of(analysis.analyse(code, UpgradeTarget.of(c)));
    Map<Dimension, Decision.Score> scores = new EnumMap<>(Dimension.class);
    List<String> ineligible = new ArrayList<>();

    Decision.Score compat = compatibility(impact);
    scores.put(Dimension.COMPATIBILITY, compat);
    if (rules.noBlocking() && impact.map(i -> !i.blocking().isEmpty()).orElse(false)) {
      ineligible.add("blocking GODEBUG lines: " + impact.get().blocking().size());
    }

    List<Advisory> std = vulns.stdlib(c);
    scores.put(Dimension.SECURITY, security(code, std, vulns.toolchain(c)));
    if (rules.maxStdlibVulns().isPresent() && distinct(std) > rules.maxStdlibVulns().getAsInt()) {
      ineligible.add(
          distinct(std)
              + " standard-library vulnerabilities (allowed "
              + rules.maxStdlibVulns().getAsInt()
              + ")");
    }

    Impact.Support support = SupportFacts.of(c, releases, asOf);
    long days =
        support.supported()
            ? support.endOfSupport().map(d -> ChronoUnit.DAYS.between(asOf, d)).orElse(365L)
            : 0;
    scores.put(Dimension.SUPPORT, support(support, days));
    if (rules.supported() && !support.supported()) {
      ineligible.add(c.lang() + " is end of life");
    }
    if (rules.minSupportDays() > 0 && days < rules.minSupportDays()) {
      ineligible.add(days + " days of support left (required " + rules.minSupportDays() + ")");
    }

    Optional<ModuleBoundary.Boundary> boundary = code.boundary();
    boolean allowed = boundary.map(b -> b.allows(c)).orElse(true);
    scores.put(Dimension.ECOSYSTEM, ecosystem(c, boundary, allowed));
    if (rules.boundary() && !allowed) {
      ineligible.add(
          "below the module upgrade boundary go "
              + boundary.get().lowestGoLine().orElseThrow().bare());
    }
    if (rules.policy() && !permitted.test(c)) {
      ineligible.add("not permitted by the policy");
    }

    int weightSum = 0;
    int sum = 0;
    for (Dimension d : Dimension.values()) {
      weightSum += rules.weight(d);
      sum += rules.weight(d) * scores.get(d).value();
    }
    int total = weightSum == 0 ? 0 : Math.round((float) sum / weightSum);
    return new Decision.Row(
        c,
        isCurrent,
        ineligible.isEmpty(),
        List.copyOf(ineligible),
        Map.copyOf(scores),
        total,
        impact);
  }

  static Decision.Score compatibility(Optional<Impact> impact) {
    if (impact.isEmpty()) {
      return new Decision.Score(100, "staying: no behaviour changes");
    }
    Impact i = impact.get();
    Map<Exposure, Long> n = i.exposureCounts();
    String inputs =
        n.get(Exposure.LINKED)
            + " linked, "
            + n.get(Exposure.IMPORTED)
            + " imported, "
            + n.get(Exposure.UNKNOWN)
            + " unknown, "
            + n.get(Exposure.NOT_USED)
            + " not used changes; "
            + i.blocking().size()
            + " blocking";
    if (!i.blocking().isEmpty()) {
      return new Decision.Score(0, inputs);
    }
    long p = 0;
    for (Impact.Change c : i.changes()) {
      int w =
          switch (c.exposure()) {
            case LINKED -> 3;
            case IMPORTED -> 2;
            case UNKNOWN -> 1;
            case NOT_USED -> 0;
          };
      p += c.keep().isPresent() ? w : 2L * w;
    }
    return new Decision.Score((int) Math.round(100.0 * 20 / (20 + p)), inputs + "; weight " + p);
  }

  private Decision.Score security(ImpactAnalysis.Code code, List<Advisory> std, List<Advisory> tc) {
    if (!vulns.available()) {
      return new Decision.Score(50, "no vulnerability data");
    }
    long used = 0;
    long other = 0;
    Set<String> ids = new LinkedHashSet<>();
    for (Advisory a : std) {
      if (!ids.add(a.id())) {
        continue;
      }
      Exposure e = code.judge().uses(a);
      if (e == Exposure.LINKED || e == Exposure.IMPORTED) {
        used++;
      } else {
        other++;
      }
    }
    long toolchain = distinct(tc);
    long penalty = 10 * used + 5 * other + 3 * toolchain;
    return new Decision.Score(
        (int) Math.max(0, 100 - penalty),
        ids.size()
            + " stdlib ("
            + used
            + " in code the module uses), "
            + toolchain
            + " toolchain known vulnerabilities");
  }

  private static long distinct(List<Advisory> list) {
    return list.stream().map(Advisory::id).distinct().count();
  }

  private static Decision.Score support(Impact.Support s, long days) {
    if (!s.supported()) {
      return new Decision.Score(
          0, "end of life" + s.endOfSupport().map(d -> " since " + d).orElse(""));
    }
    int v = (int) Math.max(0, Math.min(100, days * 100 / 365));
    return new Decision.Score(
        v,
        days
            + " days left"
            + s.endOfSupport()
                .map(d -> (s.estimated() ? ", until about " : ", until ") + d)
                .orElse(""));
  }

  private Decision.Score ecosystem(
      GoVersion c, Optional<ModuleBoundary.Boundary> boundary, boolean allowed) {
    String b =
        boundary
            .map(x -> x.lowestGoLine().map(l -> "boundary go " + l.bare()).orElse("no boundary"))
            .orElse("no module boundary (binary)");
    if (!allowed) {
      return new Decision.Score(0, b + ": go " + c.lang().bare() + " is below it");
    }
    long known = fleet.known();
    if (known == 0) {
      return new Decision.Score(100, b + "; " + fleet.describe());
    }
    long on = fleet.onLine(c);
    int v = (int) (50 + 50 * on / known);
    return new Decision.Score(v, b + "; " + on + " of " + known + " services on " + c.lang());
  }

  private static String why(Optional<Decision.Row> best, List<Decision.Row> rows) {
    if (best.isEmpty()) {
      return "no candidate is eligible: "
          + String.join(
              "; ",
              rows.stream()
                  .map(r -> r.candidate() + ": " + String.join(", ", r.ineligibleBecause()))
                  .toList());
    }
    Decision.Row r = best.get();
    StringBuilder b = new StringBuilder();
    b.append(r.candidate())
        .append(" ranks first among the eligible candidates with ")
        .append(r.total());
    b.append(" (");
    List<String> parts = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      parts.add(d.word() + " " + r.scores().get(d).value());
    }
    b.append(String.join(", ", parts)).append(")");
    Optional<Decision.Row> next =
        rows.stream().filter(Decision.Row::eligible).filter(x -> x != r).findFirst();
    next.ifPresent(
        n -> b.append("; next ").append(n.candidate()).append(" with ").append(n.total()));
    if (r.isCurrent()) {
      b.append("; staying is best");
    }
    return b.toString();
  }
}
