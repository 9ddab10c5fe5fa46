package dev.govern.cli.gate;

import dev.govern.cli.support.JsonDocument;
import dev.govern.core.gate.Finding;
import dev.govern.core.gate.GateReport;
import dev.govern.core.gate.Severity;
import java.util.List;

/** The {@code --format json} document of the gate. */
record GateJson(
    int schemaVersion,
    String repository,
    String environment,
    boolean passed,
    long failures,
    long warnings,
    List<Item> findings)
    implements JsonDocument {

  record Item(
      String severity,
      String rule,
      String file,
      Integer line,
      String message,
      String fix,
      List<String> advisories) {}

  static GateJson of(GateReport r, boolean failOnWarn) {
    List<Item> items =
        r.findings().stream()
            .map(
                (Finding f) ->
                    new Item(
                        f.severity().name().toLowerCase(java.util.Locale.ROOT),
                        f.rule(),
                        GateText.uri(r.repository(), f),
                        f.line() > 0 ? f.line() : null,
                        f.message(),
                        f.fix().orElse(null),
                        f.advisories()))
            .toList();
    return new GateJson(
        1,
        r.repository().toString(),
        r.environment(),
        r.passed(failOnWarn),
        r.count(Severity.FAIL),
        r.count(Severity.WARN),
        items);
  }
}
