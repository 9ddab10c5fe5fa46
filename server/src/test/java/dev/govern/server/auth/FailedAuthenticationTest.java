package dev.govern.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failed authentications are counted, logged without the token, slowed down and locked out. */
class FailedAuthenticationTest {
  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void repeatedBadTokensAreCountedAndThenRefusedWith429(DatabaseUrl.Kind kind, @TempDir Path dir) {
    String url = TestServer.database(kind, dir);
    try (TestServer server = TestServer.start(url, dir, new Authenticator.Limits(1, 3))) {
      String guess = "gvn_guessed-secret-0123456789";
      Http bad = server.http(guess);
      for (int i = 0; i < 3; i++) {
        assertThat(bad.get("/api/v1/fleet").status()).isEqualTo(401);
      }
      Http.Response locked = bad.get("/api/v1/fleet");
      assertThat(locked.status()).isEqualTo(429);
      assertThat(locked.header("Retry-After")).isNotNull();
      assertThat(locked.json().get("code").asText()).isEqualTo("rate-limited");
      // a valid token from the same address is locked out too until the minute is over
      assertThat(server.admin().get("/api/v1/fleet").status()).isEqualTo(429);
      long counted =
          server
              .server()
              .database()
              .jdbi()
              .withHandle(h -> new dev.govern.server.db.AuthFailureDao(h).total());
      assertThat(counted).isEqualTo(3);
      assertThat(server.log())
          .contains("authentication failed from 127.0.0.1")
          .doesNotContain(guess)
          .doesNotContain("guessed");
    }
  }
}
