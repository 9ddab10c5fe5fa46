package dev.govern.cli.upgrade;

import dev.govern.cli.support.JsonDocument;
import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code govern decide --format json} document (schemaVersion 1). */
record DecisionJson(
    int schemaVersion,
    LocalDate asOf,
    String target,
    String module,
    String current,
    String currentSource,
    Map<String, Integer> weights,
    String fleet,
    List<RowJson> candidates,
    String recommended,
    String why,
    int gap)
    implements JsonDocument {

  record ScoreJson(int score, String inputs) {}

  record RowJson(
      int rank,
      String version,
      boolean current,
      boolean eligible,
      List<String> ineligibleBecause,
      int total,
      Map<String, ScoreJson> scores,
      int toolchainStepChanges,
      int goLineStepChanges,
      int blocking) {}

  static DecisionJson of(Decision d, String target, String module, String source) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (DecisionRules.Dimension dim : DecisionRules.Dimension.values()) {
      weights.put(dim.word(), d.rules().weight(dim));
    }
    List<RowJson> rows = new java.util.ArrayList<>();
    int rank = 0;
    for (Decision.Row r : d.rows()) {
      Map<String, ScoreJson> scores = new LinkedHashMap<>();
      for (DecisionRules.Dimension dim : DecisionRules.Dimension.values()) {
        Decision.Score s = r.scores().get(dim);
        scores.put(dim.word(), new ScoreJson(s.value(), s.inputs()));
      }
      rows.add(
          new RowJson(
              ++rank,
              r.candidate().toString(),
              r.isCurrent(),
              r.eligible(),
              r.ineligibleBecause(),
              r.total(),
              scores,
              r.impact().map(i -> i.toolchainStep().size()).orElse(0),
              r.impact().map(i -> i.goLineStep().size()).orElse(0),
              r.impact().map(i -> i.blocking().size()).orElse(0)));
    }
    return new DecisionJson(
        1,
        d.asOf(),
        target,
        module,
        d.current().toString(),
        source,
        weights,
        d.fleet(),
        rows,
        d.recommended().map(r -> r.candidate().toString()).orElse(null),
        d.why(),
        d.gap());
  }
}
