package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision matrix: every candidate scored on four dimensions, ranked, and the recommendation.
 *
 * @param asOf the day support and vulnerabilities are judged on
 * @param current the version that builds the code now
 * @param rules the weights and eligibility rules applied
 * @param rows the candidates, best first (eligible ones before ineligible ones)
 * @param recommended the top-ranked eligible candidate, if any
 * @param why why it is recommended (or why none is)
 * @param fleet what the ecosystem dimension knew of the fleet ({@code no saved fleet scan} or
 *     {@code scan of 2026-08-20: 40 services})
 */
public record Decision(
    LocalDate asOf,
    GoVersion current,
    DecisionRules rules,
    List<Row> rows,
    Optional<Row> recommended,
    String why,
    String fleet) {

  /** A dimension's score (0–100) and the inputs it came from. */
  public record Score(int value, String inputs) {}

  /**
   * One candidate.
   *
   * @param candidate the version
   * @param isCurrent whether it is the version in use (staying: no upgrade steps)
   * @param eligible whether every eligibility rule holds
   * @param ineligibleBecause the rules it fails
   * @param scores the four dimensions
   * @param total the weighted total (0–100)
   * @param impact the upgrade impact from the current version (none for the current version)
   */
  public record Row(
      GoVersion candidate,
      boolean isCurrent,
      boolean eligible,
      List<String> ineligibleBecause,
      Map<DecisionRules.Dimension, Score> scores,
      int total,
      Optional<Impact> impact) {}

  /** The row of the current version. */
  public Row currentRow() {
    return rows.stream().filter(Row::isCurrent).findFirst().orElseThrow();
  }

  /** Points the current version scores below the recommendation (0 when it is the best). */
  public int gap() {
    return recommended.map(r -> Math.max(0, r.total() - currentRow().total())).orElse(0);
  }
}
