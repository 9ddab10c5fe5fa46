package dev.govern.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoService;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govern release record|list|show --server URL} against a real team server on loopback, with
 * real Go builds of a service in two revisions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseServerCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  TestServer server;
  GoService go;

  @BeforeAll
  void start(@TempDir Path dir) {
    go = GoService.shared();
    server = TestServer.start(DatabaseUrl.Kind.SQLITE, dir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  CliRunner govern(Path home, Role role) {
    return new CliRunner(home)
        .env("GOVERN_TOKEN", server.token("user-" + role.word(), role))
        .env("GOVERN_OPERATOR", "alice@ci")
        .cwd(home);
  }

  @Test
  void recordSendsTheReleaseOnceAndListAndShowReadItBack(
      @TempDir Path ciHome, @TempDir Path hostHome) throws Exception {
    CliRunner ci = govern(ciHome, Role.CI);
    String v1 = go.v1().binary().toString();
    CliRunner.Result first =
        ci.run("release", "record", v1, "--service", "hello", "--server", server.base());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("recorded hello").contains("sent to " + server.base());
    CliRunner.Result again =
        ci.run("release", "record", v1, "--service", "hello", "--server", server.base());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("already recorded").contains("already on " + server.base());
    CliRunner.Result second =
        ci.run(
            "release",
            "record",
            go.v2().binary().toString(),
            "--service",
            "hello",
            "--server",
            server.base(),
            "--reason",
            "build 2",
            "--json");
    assertThat(second.exitCode()).as(second.err()).isZero();
    JsonNode pushed = JSON.readTree(second.out()).get("server");
    assertThat(pushed.get("created").asBoolean()).isTrue();
    assertThat(pushed.get("ledgerSeq").asLong()).isPositive();
    JsonNode entries =
        server.admin().get("/api/v1/ledger?action=release-record&subject=service:hello").json();
    assertThat(entries.get("entries")).hasSize(2);
    assertThat(entries.at("/entries/1/reason").asText()).isEqualTo("build 2");

    // another machine with an empty local store reads them from the server
    CliRunner host = govern(hostHome, Role.VIEWER);
    CliRunner.Result list =
        host.run("release", "list", "hello", "--server", server.base(), "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode listed = JSON.readTree(list.out());
    assertThat(listed.get("server").asText()).isEqualTo(server.base());
    assertThat(listed.get("releases")).hasSize(2);
    assertThat(listed.at("/releases/0/revision").asText()).isEqualTo(go.v1().revision());
    assertThat(listed.at("/releases/1/revision").asText()).isEqualTo(go.v2().revision());
    assertThat(host.run("release", "list", "hello").err()).contains("no releases of hello");

    CliRunner.Result byRevision =
        host.run("release", "show", go.v1().revision().substring(0, 10), "--server", server.base());
    assertThat(byRevision.exitCode()).as(byRevision.err()).isZero();
    assertThat(byRevision.out())
        .contains("(verified)")
        .contains(go.v1().revision())
        .contains(server.base() + "/api/v1/blobs/");
    CliRunner.Result current =
        host.run(
            "release",
            "show",
            "current",
            "--service",
            "hello",
            "--server",
            server.base(),
            "--json");
    assertThat(current.exitCode()).as(current.err()).isZero();
    assertThat(JSON.readTree(current.out()).at("/release/revision").asText())
        .isEqualTo(go.v2().revision());

    // the server's copy changed behind its back: tampering, exit 4
    String sha = JSON.readTree(current.out()).at("/release/sha256").asText();
    server.update(
        "UPDATE release_blobs SET data = :d WHERE sha256 = :s",
        java.util.Map.of("d", "patched".getBytes(StandardCharsets.UTF_8), "s", sha));
    CliRunner.Result tampered =
        host.run("release", "show", sha.substring(0, 12), "--server", server.base());
    assertThat(tampered.exitCode()).isEqualTo(4);
    assertThat(tampered.err()).contains("govern: error:").contains("tampering, refused");
  }

  @Test
  void aRoleThatMayNotRecordIsRefusedAfterTheLocalRecord(@TempDir Path home) {
    CliRunner viewer = govern(home, Role.VIEWER);
    CliRunner.Result r =
        viewer.run(
            "release",
            "record",
            go.v1go119().binary().toString(),
            "--service",
            "viewer-svc",
            "--server",
            server.base());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("role viewer").contains("run the same command again");
    assertThat(viewer.run("release", "list", "viewer-svc").out()).contains("go1.19");

    CliRunner.Result badUrl =
        viewer.run(
            "release",
            "record",
            go.v1go119().binary().toString(),
            "--service",
            "viewer-svc",
            "--server",
            "ftp://nowhere");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("not a server URL");
  }
}
