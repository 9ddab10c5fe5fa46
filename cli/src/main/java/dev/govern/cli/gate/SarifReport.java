package dev.govern.cli.gate;

import dev.govern.core.gate.Finding;
import dev.govern.core.gate.GateReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, govern as the tool driver, one rule per
 * gate rule, one result per finding with its file and line relative to the repository root.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final Map<String, String> RULES = new TreeMap<>();

  static {
    RULES.put("allowed", "The Go version is outside the policy's allowed range");
    RULES.put("denied", "The Go version is denied by the policy");
    RULES.put("supported", "The Go release line is end of life");
    RULES.put(
        "vuln-stdlib", "Known vulnerabilities in the Go standard library that ships in binaries");
    RULES.put("vuln-toolchain", "Known vulnerabilities in the Go toolchain on the build machine");
    RULES.put("vuln-module", "Known vulnerabilities in a module dependency");
    RULES.put("patch-lag", "The Go version is behind the newest patch of its line");
    RULES.put("consistency", "Version sources of the repository disagree");
    RULES.put("evidence", "What the repository says about its Go version is incomplete");
  }

  private SarifReport() {}

  static Map<String, Object> of(GateReport report, String toolVersion) {
    List<Map<String, Object>> rules = new ArrayList<>();
    List<String> ids = new ArrayList<>(RULES.keySet());
    for (String id : ids) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", id);
      rule.put("name", camel(id));
      rule.put("shortDescription", Map.of("text", RULES.get(id)));
      rules.add(rule);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", f.rule());
      int index = ids.indexOf(f.rule());
      if (index >= 0) {
        result.put("ruleIndex", index);
      }
      result.put(
          "level",
          switch (f.severity()) {
            case FAIL -> "error";
            case WARN -> "warning";
            case INFO -> "note";
          });
      String text = f.message() + f.fix().map(x -> ". Fix: " + x).orElse("");
      result.put("message", Map.of("text", text));
      Map<String, Object> physical = new LinkedHashMap<>();
      physical.put(
          "artifactLocation",
          Map.of("uri", GateText.uri(report.repository(), f), "uriBaseId", "%SRCROOT%"));
      if (f.line() > 0) {
        physical.put("region", Map.of("startLine", f.line()));
      }
      result.put("locations", List.of(Map.of("physicalLocation", physical)));
      Map<String, Object> props = new LinkedHashMap<>();
      f.fix().ifPresent(x -> props.put("fix", x));
      if (!f.advisories().isEmpty()) {
        props.put("advisories", f.advisories());
      }
      if (!props.isEmpty()) {
        result.put("properties", props);
      }
      results.add(result);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "govern");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://github.com/govern-dev/govern");
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put(
        "originalUriBaseIds",
        Map.of(
            "%SRCROOT%", Map.of("uri", report.repository().toAbsolutePath().toUri().toString())));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  private static String camel(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
