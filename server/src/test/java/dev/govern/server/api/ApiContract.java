package dev.govern.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.ledger.Checkpoint;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.TrustedKey;
import dev.govern.core.ledger.TrustedKeys;
import dev.govern.core.ledger.WitnessStatement;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API's behaviour, run against each database by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  TestServer server;
  Http admin;

  abstract DatabaseUrl.Kind kind();

  @BeforeAll
  void start(@TempDir Path dir) {
    server = TestServer.start(kind(), dir);
    admin = server.admin();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void healthAndReadinessAnswerWithoutAToken() {
    Http anon = server.http(null);
    assertThat(anon.get("/healthz").status()).isEqualTo(200);
    Http.Response ready = anon.get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
  }

  @Test
  void aPushIsStoredOnceAndItsServicesAndHistoryAreQueryable() {
    Http ci = server.http(server.token("ci-push", Role.CI));
    String scan1 = id();
    String body1 =
        ScanDocs.json(ScanDocs.document("push", 3, 0, Instant.parse("2024-06-01T10:00:00Z")));
    Http.Response first = ci.put("/api/v1/scans/" + scan1, body1);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("created").asBoolean()).isTrue();
    long seq = first.json().get("ledgerSeq").asLong();

    Http.Response again = ci.put("/api/v1/scans/" + scan1, body1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("created").asBoolean()).isFalse();
    assertThat(again.json().get("ledgerSeq").asLong()).isEqualTo(seq);

    String other =
        ScanDocs.json(ScanDocs.document("push", 3, 1, Instant.parse("2024-06-01T10:00:00Z")));
    Http.Response reuse = ci.put("/api/v1/scans/" + scan1, other);
    assertThat(reuse.status()).isEqualTo(409);
    assertThat(reuse.contentType()).startsWith("application/problem+json");
    assertThat(reuse.json().get("code").asText()).isEqualTo("conflict");

    // a later scan moves the service on; an older one pushed afterwards does not move it back
    String scan2 = id();
    assertThat(
            ci.put("/api/v1/scans/" + scan2, other.replace("2024-06-01T10", "2024-06-02T10"))
                .status())
        .isEqualTo(201);
    String scan0 = id();
    assertThat(
            ci.put("/api/v1/scans/" + scan0, body1.replace("2024-06-01T10", "2024-05-01T10"))
                .status())
        .isEqualTo(201);

    Http.Response svc = ci.get("/api/v1/services/example.com/push/svc-0");
    assertThat(svc.status()).as(svc.body()).isEqualTo(200);
    assertThat(svc.json().at("/service/lastScanId").asText()).isEqualTo(scan2);
    assertThat(svc.json().at("/service/riskClass").asText()).isEqualTo("yellow");
    assertThat(svc.json().at("/service/firstSeen").asText()).startsWith("2024-06-01");
    List<String> history = new ArrayList<>();
    svc.json().get("history").forEach(h -> history.add(h.get("scanId").asText()));
    assertThat(history).containsExactly(scan2, scan1, scan0);
    assertThat(svc.json().at("/history/1/evidence/0/kind").asText()).isEqualTo("go.mod toolchain");

    Http.Response red = ci.get("/api/v1/services?class=red&limit=5000");
    assertThat(red.json().get("services"))
        .allSatisfy(s -> assertThat(s.get("riskClass").asText()).isEqualTo("red"));
    assertThat(ci.get("/api/v1/fleet").json().get("services").asLong()).isGreaterThanOrEqualTo(3);

    Http.Response ledger = ci.get("/api/v1/ledger?action=scan-push&subject=scan:" + scan1);
    assertThat(ledger.json().get("entries")).hasSize(1);
    assertThat(ledger.json().at("/entries/0/operator").asText()).isEqualTo("ci-push");
    assertThat(ci.get("/api/v1/ledger/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void tokensAndRolesGuardEveryEndpoint() {
    Http anon = server.http(null);
    Http.Response none = anon.get("/api/v1/fleet");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(none.json().get("code").asText()).isEqualTo("unauthenticated");
    assertThat(server.http("gvn_not-a-token").get("/api/v1/fleet").status()).isEqualTo(401);

    Http viewer = server.http(server.token("viewer-1", Role.VIEWER));
    assertThat(viewer.get("/api/v1/fleet").status()).isEqualTo(200);
    Http.Response forbidden =
        viewer.put(
            "/api/v1/scans/" + id(), ScanDocs.json(ScanDocs.document("v", 1, 0, Instant.now())));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("detail").asText()).contains("role viewer");
    assertThat(viewer.get("/api/v1/tokens").status()).isEqualTo(403);

    Http.Response made =
        admin.post(
            "/api/v1/tokens", "{\"name\":\"temp\",\"role\":\"viewer\",\"groups\":[\"sre\"]}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String secret = made.json().get("token").asText();
    String tokenId = made.json().at("/info/id").asText();
    assertThat(secret).startsWith("gvn_");
    assertThat(admin.get("/api/v1/tokens").body()).contains(tokenId).doesNotContain(secret);
    assertThat(server.http(secret).get("/api/v1/fleet").status()).isEqualTo(200);
    assertThat(admin.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
    assertThat(server.http(secret).get("/api/v1/fleet").status()).isEqualTo(401);
    assertThat(admin.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(409);
    assertThat(server.log()).contains("authentication failed").doesNotContain(secret);
  }

  @Test
  void environmentWritesUseETagsAndLostUpdatesGet412() {
    Http approver = server.http(server.token("alice", Role.APPROVER));
    String env = "prod-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"version\":\"go1.22.5\",\"status\":\"live\",\"since\":\"2024-06-15\",\"note\":\"ok\",\"reason\":\"CVE fix\"}";
    Http.Response noPrecondition = approver.put("/api/v1/environments/" + env, body);
    assertThat(noPrecondition.status()).isEqualTo(428);
    assertThat(noPrecondition.json().get("field").asText()).isEqualTo("If-Match");

    Http.Response created = approver.put("/api/v1/environments/" + env, body, "If-None-Match", "*");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(approver.put("/api/v1/environments/" + env, body, "If-None-Match", "*").status())
        .isEqualTo(412);

    String etag = approver.get("/api/v1/environments/" + env).header("ETag");
    String next = body.replace("go1.22.5", "go1.22.6");
    Http.Response changed = approver.put("/api/v1/environments/" + env, next, "If-Match", etag);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    Http.Response lost = approver.put("/api/v1/environments/" + env, body, "If-Match", etag);
    assertThat(lost.status()).isEqualTo(412);
    assertThat(lost.json().get("detail").asText()).contains("revision 2");

    JsonNode history =
        approver.get("/api/v1/environments/" + env + "/history").json().get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("version").asText()).isEqualTo("go1.22.6");
    assertThat(history.get(0).get("changedBy").asText()).isEqualTo("alice");
    JsonNode entries = approver.get("/api/v1/ledger?subject=env:" + env).json().get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("from").asText()).isEqualTo("go1.22.5");
    assertThat(entries.get(1).get("to").asText()).isEqualTo("go1.22.6");
    assertThat(entries.get(1).get("reason").asText()).isEqualTo("CVE fix");

    Http.Response yaml = approver.get("/api/v1/environments?format=yaml");
    GovernanceFile gf = GovernanceFile.parse(Path.of("server.yaml"), yaml.body());
    assertThat(gf.environment(env).orElseThrow().version().toString()).isEqualTo("go1.22.6");

    Http ci = server.http(server.token("ci-env", Role.CI));
    assertThat(ci.put("/api/v1/environments/" + env, next, "If-Match", "\"2\"").status())
        .isEqualTo(403);
  }

  @Test
  void theWitnessCountersignsCheckpointsAndRefusesAFork() throws Exception {
    Http ci = server.http(server.token("ci-witness", Role.CI));
    String ledgerId = "a".repeat(64);
    String push =
        "{\"ledgerId\":\""
            + ledgerId
            + "\",\"checkpoint\":{\"seq\":5,\"hash\":\""
            + "b".repeat(64)
            + "\",\"time\":\"2024-06-15T10:20:30.123Z\",\"operator\":\"bob@laptop\"}}";
    Http.Response w = ci.post("/api/v1/witness/checkpoints", push);
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    assertThat(ci.post("/api/v1/witness/checkpoints", push).status()).isEqualTo(200);
    Http.Response fork =
        ci.post("/api/v1/witness/checkpoints", push.replace("b".repeat(64), "c".repeat(64)));
    assertThat(fork.status()).isEqualTo(409);
    assertThat(fork.json().get("detail").asText()).contains("forked or rewritten");

    JsonNode listed =
        ci.get("/api/v1/witness/" + ledgerId + "/checkpoints").json().get("checkpoints");
    assertThat(listed).hasSize(1);
    JsonNode one = listed.get(0);
    JsonNode keys = ci.get("/api/v1/ledger/keys").json().get("keys");
    List<TrustedKey> trusted = new ArrayList<>();
    keys.forEach(
        k ->
            trusted.add(
                new TrustedKey(
                    ServerKey.OPERATOR,
                    Ed25519Keys.publicKey(k.get("ed25519").asText(), "test"),
                    "test")));
    Checkpoint cp = Checkpoint.parse(Http.JSON.writeValueAsString(one.get("checkpoint")));
    WitnessStatement st = new WitnessStatement(ledgerId, cp, one.get("witnessedAt").asText());
    assertThat(
            st.check(one.get("witnessSig").asText(), new TrustedKeys(trusted), ServerKey.OPERATOR))
        .isEqualTo(TrustedKeys.Status.VALID);
  }

  @Test
  void badRequestsGetAProblemNamingTheFieldAndStoreNothing() {
    Http ci = server.http(server.token("ci-bad", Role.CI));
    String head = admin.get("/api/v1/server").json().get("ledgerHead").asText();
    long scans = admin.get("/api/v1/fleet").json().get("scans").asLong();
    String good =
        ScanDocs.json(ScanDocs.document("bad", 2, 0, Instant.parse("2024-06-01T10:00:00Z")));

    record Case(String body, String field, int status) {}
    List<Case> cases =
        List.of(
            new Case("{not json", null, 400),
            new Case("", null, 400),
            new Case(good.substring(0, good.length() / 2), null, 400),
            new Case(
                good.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                "schemaVersion",
                400),
            new Case(
                good.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":1,\"extra\":true"),
                "extra",
                400),
            new Case(
                good.replaceFirst("example.com/bad/svc-0", "../../etc/passwd"),
                "services[0].name",
                400),
            new Case(
                good.replaceFirst("example.com/bad/svc-1", "example.com/../x"),
                "services[1].name",
                400),
            new Case(
                good.replaceFirst("\"riskClass\":\"red\"", "\"riskClass\":\"purple\""),
                "services[0].riskClass",
                400),
            new Case(
                good.replaceFirst(
                    "\"go\":\"go1.20.14\"", "\"go\":\"go1.2x'; DROP TABLE scans; --\""),
                "services[0].go",
                400),
            new Case(
                good.replaceFirst("\"supported\":false", "\"supported\":\"no\""),
                "services[0].supported",
                400),
            new Case(
                good.replaceFirst("\"line\":3", "\"line\":\"3\""),
                "services[0].evidence[0].line",
                400),
            new Case("[]", null, 400),
            new Case("null", null, 400),
            new Case(good + "{}", null, 400),
            new Case("[".repeat(100_000), null, 400));
    for (Case c : cases) {
      Http.Response r = ci.put("/api/v1/scans/" + id(), c.body());
      assertThat(r.status()).as("%s → %s", abbreviate(c.body()), r.body()).isEqualTo(c.status());
      assertThat(r.contentType()).startsWith("application/problem+json");
      JsonNode p = r.json();
      assertThat(p.get("type").asText()).startsWith("urn:govern:error:");
      assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("\n");
      if (c.field() != null) {
        assertThat(p.get("field").asText()).as(r.body()).isEqualTo(c.field());
        assertThat(p.get("detail").asText()).contains(c.field());
      }
    }
    Http.Response badId = ci.put("/api/v1/scans/..%2F..%2Fetc", good);
    assertThat(badId.status()).isBetween(400, 404);
    Http.Response traversal = ci.put("/api/v1/scans/a;DROP", good);
    assertThat(traversal.status()).isEqualTo(400);
    assertThat(traversal.json().get("field").asText()).isEqualTo("scanId");

    assertThat(admin.get("/api/v1/server").json().get("ledgerHead").asText()).isEqualTo(head);
    assertThat(admin.get("/api/v1/fleet").json().get("scans").asLong()).isEqualTo(scans);
  }

  @Test
  void sqlMetacharactersInFreeTextAreStoredAsTheyCame() {
    Http ci = server.http(server.token("ci-sql", Role.CI));
    String evil = "'; DROP TABLE services; -- \" \\ ` $$ %_ /* */";
    ObjectNode doc =
        (ObjectNode)
            Http.JSON.valueToTree(
                ScanDocs.document("sql", 1, 0, Instant.parse("2024-06-01T10:00:00Z")));
    ObjectNode row = (ObjectNode) doc.get("services").get(0);
    row.put("owner", evil);
    row.put("root", evil);
    row.put("goFrom", evil);
    ((ObjectNode) row.get("evidence").get(0)).put("text", evil).put("file", evil).put("kind", evil);
    Http.Response r = ci.put("/api/v1/scans/" + id(), doc.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode svc = ci.get("/api/v1/services/example.com/sql/svc-0").json();
    assertThat(svc.at("/service/owner").asText()).isEqualTo(evil);
    assertThat(svc.at("/history/0/root").asText()).isEqualTo(evil);
    assertThat(svc.at("/history/0/evidence/0/text").asText()).isEqualTo(evil);
    assertThat(
            ci.get(
                    "/api/v1/services?owner="
                        + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .get("services"))
        .hasSize(1);
    assertThat(ci.get("/api/v1/fleet").status()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    Http ci = server.http(server.token("ci-large", Role.CI));
    byte[] huge = new byte[(int) dev.govern.server.ServerConfig.DEFAULT_MAX_BODY + 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    Http.Response r = ci.put("/api/v1/scans/" + id(), huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("code").asText()).isEqualTo("too-large");
  }

  @Test
  void unknownRoutesAreProblemDocuments() {
    Http.Response r = admin.get("/api/v1/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("code").asText()).isEqualTo("not-found");
    assertThat(admin.get("/api/v1/scans/" + id()).json().get("code").asText())
        .isEqualTo("not-found");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
