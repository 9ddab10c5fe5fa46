package dev.govern.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** govern gate --push URL: a failed gate reaches a real team server as a gate.failed event. */
class GatePushTest {
  @TempDir Path tmp;

  @Test
  void aFailedGatePushedToTheServerBecomesAGateFailedEvent() throws Exception {
    try (TestServer server = TestServer.start(DatabaseUrl.Kind.SQLITE, tmp.resolve("server"))) {
      Path repo = Files.createDirectories(tmp.resolve("repo"));
      Files.writeString(repo.resolve("go.mod"), "module m\n\ngo 1.26.0\ntoolchain go1.26.2\n");
      Files.writeString(repo.resolve("govern.yaml"), "policy:\n  allow: \">=1.27.0\"\n");
      CliRunner.Result r =
          new CliRunner(tmp)
              .env("GOVERN_TOKEN", server.token("ci", Role.CI))
              .run(
                  "gate",
                  repo.toString(),
                  "--offline",
                  "--as-of",
                  "2026-09-01",
                  "--push",
                  server.base());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
      assertThat(r.err()).contains("gate result sent to " + server.base());
      JsonNode events =
          new ObjectMapper()
              .readTree(server.admin().get("/api/v1/notifications?kind=gate.failed").body())
              .get("events");
      assertThat(events).hasSize(1);
      assertThat(events.get(0).get("subject").asText())
          .isEqualTo("repo:" + repo.toAbsolutePath().normalize());
      assertThat(r.err()).contains(events.get(0).get("id").asText());

      CliRunner.Result bad =
          new CliRunner(tmp).run("gate", repo.toString(), "--offline", "--push", "ftp://x");
      assertThat(bad.exitCode()).isEqualTo(2);
      assertThat(bad.err()).startsWith("govern: error: ");
    }
  }
}
