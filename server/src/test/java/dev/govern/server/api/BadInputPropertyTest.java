package dev.govern.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Truncated, mutated and random bodies on every write route: the answer is a 2xx or a 4xx problem
 * document, never a 5xx, and a refused request changes nothing (the ledger head stays).
 */
class BadInputPropertyTest {
  static TestServer server;
  static Http ci;
  static Http approver;
  static String good;

  @BeforeContainer
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("govern-fuzz");
    server =
        TestServer.start(
            TestServer.database(DatabaseUrl.Kind.SQLITE, dir),
            dir,
            new Authenticator.Limits(1000, 100_000));
    ci = server.http(server.token("fuzz-ci", Role.CI));
    approver = server.http(server.token("fuzz-approver", Role.APPROVER));
    good = ScanDocs.json(ScanDocs.document("fuzz", 3, 0, Instant.parse("2024-06-01T10:00:00Z")));
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> truncated =
        Arbitraries.integers().between(0, good.length()).map(n -> good.substring(0, n));
    Arbitrary<String> mutated =
        Arbitraries.integers()
            .between(0, good.length() - 1)
            .flatMap(
                at ->
                    Arbitraries.strings()
                        .ofMinLength(1)
                        .ofMaxLength(8)
                        .withChars("{}[]\":,\\'0-9a-z \u0000\u00e9\ud83d")
                        .map(
                            ins ->
                                good.substring(0, at)
                                    + ins
                                    + good.substring(Math.min(good.length(), at + 1))));
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(300);
    return Arbitraries.oneOf(truncated, mutated, random);
  }

  @Property(tries = 120)
  void noBodyMakesTheServerFail(@ForAll("bodies") String body) {
    String head = server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
    Http.Response scan =
        ci.put("/api/v1/scans/" + UUID.randomUUID(), body.getBytes(StandardCharsets.UTF_8));
    check(scan, head);
    head = server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
    Http.Response env = approver.put("/api/v1/environments/fuzz", body, "If-None-Match", "*");
    check(env, head);
    head = server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
    Http.Response witness = ci.post("/api/v1/witness/checkpoints", body);
    check(witness, head);
  }

  private static void check(Http.Response r, String headBefore) {
    assertThat(r.status()).as(r.body()).isLessThan(500);
    if (r.status() >= 400) {
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).doesNotContain("\n");
      String after = server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
      assertThat(after).as("nothing recorded for a refused request").isEqualTo(headBefore);
    }
  }
}
