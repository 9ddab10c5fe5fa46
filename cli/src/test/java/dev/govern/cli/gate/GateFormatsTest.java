package dev.govern.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.gate.Finding;
import dev.govern.core.gate.GateReport;
import dev.govern.core.gate.Severity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class GateFormatsTest {
  private static final Path REPO = Path.of("/builds/repo").toAbsolutePath();

  private static GateReport report() {
    return new GateReport(
        REPO,
        "prod",
        List.of(
            new Finding(
                Severity.FAIL,
                "denied",
                "go.mod toolchain line go1.22.2 is denied: net/http regression",
                Optional.of("raise the toolchain line to go1.22.12"),
                REPO.resolve("go.mod"),
                4,
                List.of("GO-2024-2687")),
            new Finding(
                Severity.WARN,
                "supported",
                "Dockerfile go1.20.14: Go 1.20 is end of life since 2024-02-06",
                Optional.of("FROM golang:1.22.12-alpine"),
                REPO.resolve("build/Dockerfile"),
                1,
                List.of()),
            new Finding(
                Severity.WARN,
                "vuln-stdlib",
                "vulnerabilities: unknown: no data <&> \"quoted\"",
                Optional.empty(),
                REPO,
                0,
                List.of())));
  }

  @Test
  void textGroupsBySeverityWithRelativeLocationsAndFixes() {
    StringWriter s = new StringWriter();
    GateText.print(new PrintWriter(s), report(), false, Ansi.OFF);
    String text = s.toString();
    assertThat(text.indexOf("FAILED (1)")).isLessThan(text.indexOf("WARNINGS (2)"));
    assertThat(text)
        .contains(
            "  go.mod:4: [denied] go.mod toolchain line go1.22.2 is denied: net/http regression\n      fix: raise the toolchain line to go1.22.12");
    assertThat(text).contains("build/Dockerfile:1: [supported]");
    assertThat(text).endsWith("gate failed: 1 failed, 2 warnings (policy for prod)\n");
  }

  @Test
  void jsonCarriesSchemaVersionAndEveryFinding() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(JsonOutput.toJson(GateJson.of(report(), false)));
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("passed").asBoolean()).isFalse();
    assertThat(doc.path("findings")).hasSize(3);
    assertThat(doc.path("findings").get(0).path("file").asText()).isEqualTo("go.mod");
    assertThat(doc.path("findings").get(0).path("line").asInt()).isEqualTo(4);
    assertThat(doc.path("findings").get(0).path("advisories").get(0).asText())
        .isEqualTo("GO-2024-2687");
  }

  @Test
  void sarifIsValidAgainstTheOasisSchemaAndPointsAtLines() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("SARIF schema on the test classpath").isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    String sarif = JsonOutput.toJson(SarifReport.of(report(), "0.1.0"));
    JsonNode doc = new ObjectMapper().readTree(sarif);
    Set<ValidationMessage> errors = schema.validate(doc);
    assertThat(errors).isEmpty();

    JsonNode results = doc.path("runs").get(0).path("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).path("level").asText()).isEqualTo("error");
    JsonNode loc = results.get(0).path("locations").get(0).path("physicalLocation");
    assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("go.mod");
    assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(4);
    JsonNode noLine = null;
    for (JsonNode r : results) {
      if (r.path("ruleId").asText().equals("vuln-stdlib")) {
        noLine = r;
      }
    }
    assertThat(noLine).isNotNull();
    assertThat(noLine.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
    // a broken document is caught by the same validator, so the check above means something
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("version", "9.9");
    assertThat(schema.validate(doc)).isNotEmpty();
  }

  @Test
  void junitXmlIsReadBySurefiresReportParser() throws Exception {
    String xml = JUnitReport.of(report());
    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites =
        parser.parse(
            new InputStreamReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    assertThat(parser.isValid()).isTrue();
    // the parser groups test cases by class name: one class per rule
    assertThat(suites)
        .extracting(ReportTestSuite::getFullClassName)
        .containsExactlyInAnyOrder(
            "govern.gate.denied", "govern.gate.supported", "govern.gate.vuln-stdlib");
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum()).isEqualTo(3);
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum()).isEqualTo(1);
    ReportTestCase failed =
        suites.stream()
            .flatMap(x -> x.getTestCases().stream())
            .filter(ReportTestCase::hasFailure)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getFullClassName()).isEqualTo("govern.gate.denied");
    assertThat(failed.getFailureMessage()).contains("denied: net/http regression");
  }

  @Test
  void anEmptyReportIsOnePassingTestCase() throws Exception {
    String xml = JUnitReport.of(new GateReport(REPO, null, List.of()));
    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites =
        parser.parse(
            new InputStreamReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    assertThat(suites.get(0).getNumberOfTests()).isEqualTo(1);
    assertThat(suites.get(0).getNumberOfFailures()).isZero();
  }
}
