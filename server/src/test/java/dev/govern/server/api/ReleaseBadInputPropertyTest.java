package dev.govern.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ServiceName;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Truncated, mutated and random release records, and random binaries: the answer is a 2xx or a 4xx
 * problem document, never a 5xx, and a refused record changes nothing (the ledger head stays).
 */
class ReleaseBadInputPropertyTest {
  static TestServer server;
  static Http ci;
  static String good;
  static String path;

  @BeforeContainer
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("govern-fuzz-release");
    server =
        TestServer.start(
            TestServer.database(DatabaseUrl.Kind.SQLITE, dir),
            dir,
            new Authenticator.Limits(1000, 100_000));
    ci = server.http(server.token("fuzz-ci", Role.CI));
    byte[] data = "not a Go binary, stored by its SHA-256".getBytes(StandardCharsets.UTF_8);
    String sha = ReleaseApiContract.sha256(data);
    assertThat(ci.put("/api/v1/blobs/" + sha, data).status()).isEqualTo(201);
    Release r =
        Release.of(
            ServiceName.parse("fuzz"),
            sha,
            data.length,
            "fuzz",
            Optional.empty(),
            Instant.parse("2024-06-01T10:00:00Z"),
            "fuzz@ci",
            "/tmp/fuzz");
    path = "/api/v1/releases/fuzz/" + r.id();
    good = ReleaseApiContract.push(r, "\"allowNoBuildInfo\":false");
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

  @Property(tries = 100)
  void noRecordMakesTheServerFail(@ForAll("bodies") String body) {
    String head = head();
    Http.Response r = ci.put(path, body);
    assertThat(r.status()).as(r.body()).isLessThan(500);
    if (r.status() >= 400) {
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).doesNotContain("\n");
      assertThat(head()).as("nothing recorded for a refused request").isEqualTo(head);
    }
  }

  @Property(tries = 40)
  void noBinaryMakesTheServerFail(@ForAll @Size(max = 4096) byte[] data) throws Exception {
    Http.Response r = ci.put("/api/v1/blobs/" + ReleaseApiContract.sha256(data), data);
    assertThat(r.status()).as(r.body()).isLessThan(500);
    if (data.length == 0) {
      assertThat(r.status()).isEqualTo(400);
    }
  }

  private static String head() {
    return server.admin().get("/api/v1/server").json().get("ledgerHead").asText();
  }
}
