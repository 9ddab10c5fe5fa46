package dev.govern.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govern.core.deploy.BinaryFacts;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ServiceName;
import dev.govern.core.testing.GoService;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service releases on the server, run against each database by a subclass: binaries by SHA-256,
 * release records that must agree with them, one ledger entry, roles, and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseApiContract {
  TestServer server;
  Http ci;
  Http viewer;
  GoService go;

  abstract DatabaseUrl.Kind kind();

  @BeforeAll
  void start(@TempDir Path dir) {
    go = GoService.shared();
    server = TestServer.start(kind(), dir);
    ci = server.http(server.token("ci-release", Role.CI));
    viewer = server.http(server.token("viewer-release", Role.VIEWER));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** The record govern release record would make of {@code binary}. */
  static Release record(String service, Path binary) throws Exception {
    byte[] data = Files.readAllBytes(binary);
    Optional<BinaryFacts> facts;
    try {
      facts = Optional.of(BinaryFacts.read(binary, binary.toString()));
    } catch (dev.govern.core.GovernException e) {
      facts = Optional.empty();
    }
    return Release.of(
        ServiceName.parse(service),
        sha256(data),
        data.length,
        binary.getFileName().toString(),
        facts,
        Instant.parse("2024-06-01T10:00:00Z"),
        "alice@ci",
        binary.toString());
  }

  static String push(Release r, String extra) {
    return "{\"release\":"
        + new String(r.toJson(), StandardCharsets.UTF_8)
        + (extra.isEmpty() ? "" : "," + extra)
        + ",\"reason\":\"build 7\"}";
  }

  static String path(Release r) {
    return "/api/v1/releases/" + r.service() + "/" + r.id();
  }

  Http.Response putBlob(Http as, byte[] data, String sha) {
    return as.put("/api/v1/blobs/" + sha, data);
  }

  /**
   * A small body for requests refused before the body is read (role, path, declared size): Jetty
   * closes such a connection, and a client still sending megabytes may lose the answer to the reset
   * (the reason the CLI sends the record before the binary).
   */
  static final byte[] SMALL = "a small body".getBytes(StandardCharsets.UTF_8);

  String head() {
    return server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
  }

  @Test
  void aReleaseIsStoredOnceWithOneLedgerEntryAndReadBack() throws Exception {
    Path bin = go.v1().binary();
    byte[] data = Files.readAllBytes(bin);
    Release r = record("hello", bin);

    Http.Response blob = putBlob(ci, data, r.sha256());
    assertThat(blob.status()).as(blob.body()).isEqualTo(201);
    assertThat(blob.json().get("goBinary").asBoolean()).isTrue();
    Http.Response blobAgain = putBlob(ci, data, r.sha256());
    assertThat(blobAgain.status()).as(blobAgain.body()).isEqualTo(200);
    assertThat(blobAgain.json().get("created").asBoolean()).isFalse();

    Http.Response first = ci.put(path(r), push(r, ""));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long seq = first.json().at("/stored/ledgerSeq").asLong();
    assertThat(first.json().at("/stored/pushedBy").asText()).isEqualTo("ci-release");
    Http.Response again = ci.put(path(r), push(r, ""));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("created").asBoolean()).isFalse();
    assertThat(again.json().at("/stored/ledgerSeq").asLong()).isEqualTo(seq);

    Http.Response ledger = viewer.get("/api/v1/ledger?action=release-record&subject=service:hello");
    assertThat(ledger.json().get("entries")).hasSize(1);
    JsonNode entry = ledger.json().at("/entries/0");
    assertThat(entry.get("to").asText()).isEqualTo(r.id());
    assertThat(entry.get("operator").asText()).isEqualTo("ci-release");
    assertThat(entry.get("reason").asText()).isEqualTo("build 7");
    assertThat(entry.toString()).contains(r.revision()).contains(r.buildId());
    assertThat(viewer.get("/api/v1/ledger/verify").json().get("intact").asBoolean()).isTrue();

    Http.Response list = viewer.get("/api/v1/releases/hello");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().get("releases")).hasSize(1);
    JsonNode listed = list.json().at("/releases/0/release");
    assertThat(Release.parse(listed.toString().getBytes(StandardCharsets.UTF_8), "listed"))
        .isEqualTo(r);

    Http.Response shown = viewer.get(path(r));
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().get("verified").asBoolean()).isTrue();
    assertThat(shown.json().at("/stored/release/revision").asText()).isEqualTo(go.v1().revision());

    Http.Response got = viewer.get("/api/v1/blobs/" + r.sha256());
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.raw().body()).isEqualTo(data);
    assertThat(got.header("ETag")).isEqualTo("\"" + r.sha256() + "\"");

    Http.Response all = viewer.get("/api/v1/releases?limit=5000");
    assertThat(all.json().get("releases").toString()).contains(r.sha256());
    assertThat(viewer.get(path(r).replace(r.id(), "000000000000")).status()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/blobs/" + "0".repeat(64)).status()).isEqualTo(404);
  }

  @Test
  void ciMayRecordViewerMayOnlyRead() throws Exception {
    Path bin = go.v2().binary();
    byte[] data = Files.readAllBytes(bin);
    Release r = record("roles", bin);
    Http approver = server.http(server.token("approver-release", Role.APPROVER));
    String before = head();
    Http.Response blob = putBlob(viewer, SMALL, sha256(SMALL));
    assertThat(blob.status()).isEqualTo(403);
    assertThat(blob.json().get("detail").asText()).contains("role viewer");
    assertThat(putBlob(approver, SMALL, sha256(SMALL)).status()).isEqualTo(403);
    assertThat(putBlob(server.http(null), SMALL, sha256(SMALL)).status()).isEqualTo(401);
    assertThat(viewer.get("/api/v1/blobs/" + sha256(SMALL)).status()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/blobs/" + r.sha256()).status()).isEqualTo(404);

    assertThat(putBlob(ci, data, r.sha256()).status()).isEqualTo(201);
    assertThat(viewer.put(path(r), push(r, "")).status()).isEqualTo(403);
    assertThat(server.http(null).get("/api/v1/releases/roles").status()).isEqualTo(401);
    assertThat(viewer.get("/api/v1/releases/roles").json().get("releases")).isEmpty();
    assertThat(head()).isEqualTo(before);
    assertThat(server.admin().put(path(r), push(r, "")).status()).isEqualTo(201);
  }

  @Test
  void aBinaryThatIsNotWhatItsPathSaysIsRefusedAndNothingStored() throws Exception {
    byte[] data = Files.readAllBytes(go.v2().binary());
    String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
    Http.Response r = putBlob(ci, data, wrong);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asText()).isEqualTo("sha256");
    assertThat(r.json().get("detail").asText())
        .contains(sha256(data))
        .contains(wrong)
        .contains("nothing stored");
    assertThat(viewer.get("/api/v1/blobs/" + wrong).status()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/blobs/" + sha256(data)).status()).isEqualTo(404);

    for (String bad : new String[] {"abc", "G".repeat(64), sha256(data).toUpperCase()}) {
      Http.Response b = putBlob(ci, SMALL, bad);
      assertThat(b.status()).as(bad).isEqualTo(400);
      assertThat(b.json().get("field").asText()).isEqualTo("sha256");
    }
    Http.Response empty = putBlob(ci, new byte[0], sha256(new byte[0]));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("detail").asText()).contains("no body");
  }

  @Test
  void aRecordMustSayWhatItsBinarySays() throws Exception {
    Path bin = go.v1go119().binary();
    Release r = record("claims", bin);
    String before = head();
    // the binary is not on the server yet
    Http.Response missing = ci.put(path(r), push(r, ""));
    assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    assertThat(missing.json().get("detail").asText()).contains("upload it first");
    assertThat(putBlob(ci, Files.readAllBytes(bin), r.sha256()).status()).isEqualTo(201);

    ObjectNode lying = (ObjectNode) Http.JSON.readTree(r.toJson());
    lying.put("goVersion", "go1.26.0");
    Http.Response claim = ci.put(path(r), "{\"release\":" + lying + "}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(400);
    assertThat(claim.json().get("field").asText()).isEqualTo("release.goVersion");
    assertThat(claim.json().get("detail").asText()).contains(r.goVersion()).contains("go1.26.0");

    ObjectNode bigger = (ObjectNode) Http.JSON.readTree(r.toJson());
    bigger.put("size", r.size() + 1);
    assertThat(ci.put(path(r), "{\"release\":" + bigger + "}").json().get("field").asText())
        .isEqualTo("release.size");

    ObjectNode unknown = (ObjectNode) Http.JSON.readTree(r.toJson());
    unknown.put("signedBy", "nobody");
    Http.Response extra = ci.put(path(r), "{\"release\":" + unknown + "}");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.json().get("field").asText()).isEqualTo("release.signedBy");

    ObjectNode badTime = (ObjectNode) Http.JSON.readTree(r.toJson());
    badTime.put("recordedAt", "yesterday");
    assertThat(ci.put(path(r), "{\"release\":" + badTime + "}").json().get("field").asText())
        .isEqualTo("release.recordedAt");

    // another service or id in the path than in the record
    Http.Response otherService = ci.put("/api/v1/releases/other/" + r.id(), push(r, ""));
    assertThat(otherService.status()).isEqualTo(400);
    assertThat(otherService.json().get("field").asText()).isEqualTo("release.service");
    Http.Response otherId = ci.put("/api/v1/releases/claims/0123456789ab", push(r, ""));
    assertThat(otherId.json().get("field").asText()).isEqualTo("release.id");

    // names that are not names
    for (String svc : new String[] {"..", "-x", "a%20b", "x".repeat(65), "%2E%2E"}) {
      Http.Response b = ci.put("/api/v1/releases/" + svc + "/" + r.id(), push(r, ""));
      assertThat(b.status()).as(svc + ": " + b.body()).isEqualTo(400);
      assertThat(b.json().get("field").asText()).as(svc).isEqualTo("service");
    }
    for (String id : new String[] {"abc", "ABCDEF012345", r.sha256()}) {
      Http.Response b = ci.put("/api/v1/releases/claims/" + id, push(r, ""));
      assertThat(b.status()).as(id).isEqualTo(400);
      assertThat(b.json().get("field").asText()).isEqualTo("id");
    }
    assertThat(ci.put(path(r), "{\"release\":").status()).isEqualTo(400);
    assertThat(ci.put(path(r), "{}").json().get("field").asText()).isEqualTo("release");
    assertThat(head()).as("nothing recorded for refused requests").isEqualTo(before);
    assertThat(viewer.get("/api/v1/releases/claims").json().get("releases")).isEmpty();

    assertThat(ci.put(path(r), push(r, "")).status()).isEqualTo(201);
  }

  @Test
  void theRulesOfTheCommandLineHoldOnTheServer() throws Exception {
    // a build from a modified checkout
    Path dirty = go.dirty().binary();
    Release d = record("rules", dirty);
    assertThat(d.modified()).isTrue();
    assertThat(putBlob(ci, Files.readAllBytes(dirty), d.sha256()).status()).isEqualTo(201);
    Http.Response refused = ci.put(path(d), push(d, ""));
    assertThat(refused.status()).as(refused.body()).isEqualTo(412);
    assertThat(refused.json().get("field").asText()).isEqualTo("release.modified");
    assertThat(ci.put(path(d), push(d, "\"allowModified\":true")).status()).isEqualTo(201);

    // a file without Go build info
    byte[] script = "#!/bin/sh\necho not go\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempFile("govern-notgo", ".sh");
    Files.write(file, script);
    Release n = record("rules", file);
    Http.Response blob = putBlob(ci, script, n.sha256());
    assertThat(blob.status()).isEqualTo(201);
    assertThat(blob.json().get("goBinary").asBoolean()).isFalse();
    Http.Response noInfo = ci.put(path(n), push(n, ""));
    assertThat(noInfo.status()).as(noInfo.body()).isEqualTo(412);
    assertThat(noInfo.json().get("detail").asText()).contains("no Go build info");
    assertThat(ci.put(path(n), push(n, "\"allowNoBuildInfo\":true")).status()).isEqualTo(201);
    Files.delete(file);
  }

  @Test
  void aStoredBinaryThatChangedIsReportedNotVerified() throws Exception {
    Path bin = go.broken().binary();
    Release r = record("tamper", bin);
    assertThat(putBlob(ci, Files.readAllBytes(bin), r.sha256()).status()).isEqualTo(201);
    assertThat(ci.put(path(r), push(r, "")).status()).isEqualTo(201);
    server.update(
        "UPDATE release_blobs SET data = :d WHERE sha256 = :s",
        java.util.Map.of("d", "patched".getBytes(StandardCharsets.UTF_8), "s", r.sha256()));
    Http.Response shown = viewer.get(path(r));
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("verified").asBoolean()).isFalse();
    assertThat(shown.json().get("storedSha256").asText())
        .isEqualTo(sha256("patched".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBinaryOverTheLimitIsRefusedBeforeItIsStored(@TempDir Path dir) throws Exception {
    byte[] data = new byte[4097];
    new java.util.Random(17).nextBytes(data);
    String sha = sha256(data);
    try (TestServer small = TestServer.start(kind(), dir, cfg -> cfg.withMaxReleaseBytes(4096))) {
      Http smallCi = small.http(small.token("ci-small", Role.CI));
      // with Content-Length: refused before the body is read
      Http.Response declared = putBlob(smallCi, data, sha);
      assertThat(declared.status()).as(declared.body()).isEqualTo(413);
      assertThat(declared.json().get("code").asText()).isEqualTo("too-large");
      assertThat(declared.json().get("detail").asText()).contains("4096");
      // chunked, without a length: refused once it passes the limit
      Http.Response streamed =
          smallCi.send(
              java.net.http.HttpRequest.newBuilder(
                      URI.create(small.base() + "/api/v1/blobs/" + sha))
                  .header("Authorization", "Bearer " + small.token("ci-chunked", Role.CI))
                  .PUT(
                      java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(data))));
      assertThat(streamed.status()).as(streamed.body()).isEqualTo(413);
      assertThat(smallCi.get("/api/v1/blobs/" + sha).status()).isEqualTo(404);
      // one byte less fits
      byte[] fits = java.util.Arrays.copyOf(data, data.length - 1);
      assertThat(smallCi.put("/api/v1/blobs/" + sha256(fits), fits).status()).isEqualTo(201);
    }
  }
}
