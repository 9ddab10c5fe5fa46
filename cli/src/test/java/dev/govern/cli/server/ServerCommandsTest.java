package dev.govern.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Ledger;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real team server on loopback: scan --push, envs list|set --server, audit
 * checkpoint --push and audit verify --witness, and the token commands on the server's database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  TestServer server;
  Path serverDir;

  @BeforeAll
  void start(@TempDir Path dir) {
    serverDir = dir;
    server = TestServer.start(DatabaseUrl.Kind.SQLITE, dir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  CliRunner govern(Path home, Role role) {
    return new CliRunner(home)
        .env("GOVERN_TOKEN", server.token("user-" + role.word(), role))
        .cwd(home);
  }

  @Test
  void scanPushSendsTheScanOnceEvenWhenPushedAgain(@TempDir Path home) throws Exception {
    Path repo = home.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(
        repo.resolve("go.mod"), "module example.com/pushed\n\ngo 1.21\n\ntoolchain go1.21.13\n");
    Path vulndb = home.resolve("vulndb");
    Files.createDirectories(vulndb);
    Files.writeString(
        vulndb.resolve("GO-2099-0001.json"),
        """
        {"schema_version":"1.3.1","id":"GO-2099-0001","modified":"2099-01-01T00:00:00Z",
         "published":"2099-01-01T00:00:00Z","summary":"test entry","details":"made by the test",
         "affected":[{"package":{"name":"stdlib","ecosystem":"Go"},
           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.19.0"}]}]}]}
        """);
    CliRunner ci = govern(home, Role.CI);
    String[] scan = {
      "scan",
      repo.toString(),
      "--vulndb",
      vulndb.toString(),
      "--as-of",
      "2024-07-01",
      "--push",
      server.base(),
      "--scan-id",
      "ci-run-42",
      "--format",
      "json"
    };
    CliRunner.Result r = ci.run(scan);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("pushed scan ci-run-42");
    // a new scan (another scannedAt) under a used id is refused, not stored twice
    CliRunner.Result again = ci.run(scan);
    assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
    assertThat(again.err()).contains("already pushed with different content");
    JsonNode svc = JSON.readTree(server.admin().get("/api/v1/services/example.com/pushed").body());
    assertThat(svc.at("/service/go").asText()).isEqualTo("go1.21.13");
    assertThat(svc.get("history")).hasSize(1);

    CliRunner.Result noToken = new CliRunner(home).cwd(home).run(scan);
    assertThat(noToken.exitCode()).isEqualTo(3);
    assertThat(noToken.err()).contains("govern: error:").contains("GOVERN_TOKEN");
  }

  @Test
  void envsSetAndListGoThroughTheServer(@TempDir Path home) throws Exception {
    CliRunner alice = govern(home, Role.APPROVER);
    CliRunner.Result created =
        alice.run(
            "envs",
            "set",
            "staging",
            "go1.22.5",
            "--status",
            "observing",
            "--note",
            "load test",
            "--reason",
            "new line",
            "--server",
            server.base(),
            "--json");
    assertThat(created.exitCode()).as(created.err()).isEqualTo(0);
    CliRunner.Result changed =
        alice.run(
            "envs",
            "set",
            "staging",
            "go1.22.6",
            "--status",
            "live",
            "--reason",
            "patch",
            "--server",
            server.base());
    assertThat(changed.exitCode()).as(changed.err()).isEqualTo(0);
    assertThat(changed.out()).contains("go1.22.5 → go1.22.6").contains("revision 2");

    CliRunner.Result list =
        alice.run("envs", "list", "--server", server.base(), "--json", "--as-of", "2024-07-01");
    assertThat(list.exitCode()).as(list.err()).isEqualTo(0);
    JsonNode rows = JSON.readTree(list.out()).get("environments");
    JsonNode staging = null;
    for (JsonNode n : rows) {
      if (n.get("environment").asText().equals("staging")) {
        staging = n;
      }
    }
    assertThat(staging).isNotNull();
    assertThat(staging.get("version").asText()).isEqualTo("go1.22.6");
    assertThat(staging.get("note").asText()).isEqualTo("load test");

    CliRunner viewer = govern(home, Role.VIEWER);
    CliRunner.Result refused =
        viewer.run(
            "envs",
            "set",
            "staging",
            "go1.22.7",
            "--status",
            "live",
            "--reason",
            "x",
            "--server",
            server.base());
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err()).contains("role viewer");
  }

  @Test
  void theWitnessCatchesATailCutAfterTheLastLocalCheckpoint(@TempDir Path home) throws Exception {
    CliRunner ci = govern(home, Role.CI).env("GOVERN_OPERATOR", "bob@laptop");
    Ledger ledger = new Ledger(home.resolve(".govern/ledger.jsonl"));
    for (int i = 1; i <= 5; i++) {
      ledger.append(
          new Change("pin", "dir:/x", null, "go1.22." + i, "step " + i, null),
          "bob@laptop",
          null,
          0,
          Instant.now());
    }
    CliRunner.Result pushed = ci.run("audit", "checkpoint", "--push", server.base());
    assertThat(pushed.exitCode()).as(pushed.err()).isEqualTo(0);
    assertThat(pushed.out()).contains("witnessed by");
    assertThat(ci.run("audit", "verify", "--witness", server.base()).exitCode()).isEqualTo(0);

    // cut the last two entries and the local checkpoints: the plain verify cannot tell
    List<String> lines = Files.readAllLines(ledger.file(), StandardCharsets.UTF_8);
    Files.writeString(ledger.file(), String.join("\n", lines.subList(0, 3)) + "\n");
    Files.delete(ledger.checkpointsFile());
    assertThat(ci.run("audit", "verify").exitCode()).isEqualTo(0);
    CliRunner.Result witnessed = ci.run("audit", "verify", "--witness", server.base(), "--json");
    assertThat(witnessed.exitCode()).as(witnessed.out() + witnessed.err()).isEqualTo(4);
    assertThat(JSON.readTree(witnessed.out()).at("/problem/kind").asText()).isEqualTo("truncated");

    // a fork: the same seqs re-written with other content
    Files.writeString(ledger.file(), String.join("\n", lines.subList(0, 3)) + "\n");
    for (int i = 4; i <= 6; i++) {
      ledger.append(
          new Change("pin", "dir:/y", null, "go1.21." + i, "other " + i, null),
          "bob@laptop",
          null,
          0,
          Instant.now());
    }
    CliRunner.Result forked = ci.run("audit", "verify", "--witness", server.base(), "--json");
    assertThat(forked.exitCode()).isEqualTo(4);
    JsonNode problem = JSON.readTree(forked.out()).get("problem");
    assertThat(problem.get("kind").asText()).isEqualTo("edited");
    assertThat(problem.get("seq").asLong()).isEqualTo(5);
    CliRunner.Result forkPush = ci.run("audit", "checkpoint", "--push", server.base());
    assertThat(forkPush.exitCode()).isEqualTo(4);
    assertThat(forkPush.err()).contains("forked or rewritten");
  }

  @Test
  void tokenCommandsWorkOnTheServersDatabase(@TempDir Path home) throws Exception {
    String db = home.resolve("tokens.db").toString();
    CliRunner admin = new CliRunner(home).cwd(home).env("GOVERN_OPERATOR", "root@ops");
    CliRunner.Result made =
        admin.run(
            "server",
            "token",
            "create",
            "--name",
            "ci-main",
            "--role",
            "ci",
            "--group",
            "builders",
            "--expires",
            "30d",
            "--database",
            db,
            "--json");
    assertThat(made.exitCode()).as(made.err()).isEqualTo(0);
    JsonNode m = JSON.readTree(made.out());
    assertThat(m.get("token").asText()).startsWith("gvn_");
    String id = m.get("id").asText();
    CliRunner.Result list = admin.run("server", "token", "list", "--database", db);
    assertThat(list.out()).contains(id).contains("ci-main").doesNotContain(m.get("token").asText());
    assertThat(admin.run("server", "token", "revoke", id, "--database", db).exitCode())
        .isEqualTo(0);
    assertThat(admin.run("server", "token", "revoke", id, "--database", db).exitCode())
        .isEqualTo(3);
    assertThat(admin.run("server", "token", "list", "--database", db).out()).contains("revoked");
    CliRunner.Result badRole =
        admin.run("server", "token", "create", "--name", "x", "--role", "root", "--database", db);
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("not a role: \"root\"");
  }
}
