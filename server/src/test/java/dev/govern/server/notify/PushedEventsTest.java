package dev.govern.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.fleet.ScanDocument;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The events that pushes raise: gate.failed from a gate result, vulnerability.new from a scan. */
class PushedEventsTest {
  static final String FAILED_GATE =
      """
      {"schemaVersion":1,"repository":"/src/payments","environment":"prod","passed":false,
       "failures":1,"warnings":0,"findings":[{"severity":"fail","rule":"unsupported",
       "file":"go.mod","line":3,"message":"go1.20.14 is no longer supported","fix":null,
       "advisories":["GO-2024-2687"]}]}
      """;

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void aFailedGateBecomesAGateFailedEventAndAPassedOneDoesNot(
      DatabaseUrl.Kind kind, @TempDir Path dir) {
    try (TestServer s = TestServer.start(kind, dir)) {
      Http ci = s.http(s.token("ci", Role.CI));
      Http.Response failed = ci.post("/api/v1/gate-results", FAILED_GATE);
      assertThat(failed.status()).as(failed.body()).isEqualTo(202);
      String event = failed.json().get("event").asText();
      Http.Response passed =
          ci.post(
              "/api/v1/gate-results", FAILED_GATE.replace("\"passed\":false", "\"passed\":true"));
      assertThat(passed.status()).isEqualTo(202);
      assertThat(passed.json().hasNonNull("event")).isFalse();
      JsonNode events =
          s.admin().get("/api/v1/notifications?kind=gate.failed").json().get("events");
      assertThat(events).hasSize(1);
      assertThat(events.get(0).get("id").asText()).isEqualTo(event);
      assertThat(events.get(0).get("subject").asText()).isEqualTo("repo:/src/payments");
      assertThat(events.get(0).get("summary").asText())
          .contains("/src/payments (prod)")
          .contains("go1.20.14 is no longer supported");

      Http.Response bad = ci.post("/api/v1/gate-results", "{\"schemaVersion\":1,\"passed\":false}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("repository");
      Http reader = s.http(s.token("reader", Role.VIEWER));
      assertThat(reader.post("/api/v1/gate-results", FAILED_GATE).status()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void aScanWithAdvisoriesThePreviousScanOfTheServiceLackedRaisesVulnerabilityNew(
      DatabaseUrl.Kind kind, @TempDir Path dir) {
    try (TestServer s = TestServer.start(kind, dir)) {
      Http ci = s.http(s.token("ci", Role.CI));
      ScanDocument first = ScanDocs.document("v", 3, 2, Instant.parse("2024-06-01T00:00:00Z"));
      assertThat(ci.put("/api/v1/scans/v-1", ScanDocs.json(first)).status()).isEqualTo(201);
      // svc-1 gains a module advisory; svc-3 is new (first sighting: not reported)
      ScanDocument second = ScanDocs.document("v", 4, 2, Instant.parse("2024-06-02T00:00:00Z"));
      List<ScanDocument.Row> rows = new ArrayList<>(second.services());
      rows.set(1, withModules(rows.get(1), List.of("GO-2025-0001")));
      rows.set(3, withModules(rows.get(3), List.of("GO-2025-0002")));
      ScanDocument pushed =
          new ScanDocument(1, second.scannedAt(), second.roots(), Map.of(), rows, List.of(), null);
      assertThat(ci.put("/api/v1/scans/v-2", ScanDocs.json(pushed)).status()).isEqualTo(201);
      // the same advisories again: nothing new
      ScanDocument third =
          new ScanDocument(
              1, "2024-06-03T00:00:00Z", second.roots(), Map.of(), rows, List.of(), null);
      assertThat(ci.put("/api/v1/scans/v-3", ScanDocs.json(third)).status()).isEqualTo(201);

      JsonNode events =
          s.admin().get("/api/v1/notifications?kind=vulnerability.new").json().get("events");
      assertThat(events).hasSize(1);
      assertThat(events.get(0).get("subject").asText()).isEqualTo("scan:v-2");
      assertThat(events.get(0).get("summary").asText())
          .contains("1 service(s)")
          .contains("GO-2025-0001")
          .doesNotContain("GO-2025-0002");
    }
  }

  static ScanDocument.Row withModules(ScanDocument.Row r, List<String> modules) {
    return new ScanDocument.Row(
        r.name(),
        r.root(),
        r.owner(),
        r.riskClass(),
        r.because(),
        r.go(),
        r.goFrom(),
        r.supported(),
        r.stdlib(),
        r.toolchain(),
        modules,
        r.fix(),
        r.evidence());
  }
}
