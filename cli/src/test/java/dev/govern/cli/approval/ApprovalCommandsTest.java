package dev.govern.cli.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.config.GovernHome;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.KeyFolder;
import dev.govern.core.ledger.SigningKey;
import dev.govern.server.ServerConfig;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.notify.Backoff;
import dev.govern.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** govern request|requests|approve|reject against a real team server on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  TestServer server;
  Path aliceHome;
  SigningKey aliceKey;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    aliceHome = dir.resolve("alice");
    aliceKey =
        new KeyFolder(new GovernHome(aliceHome.resolve(".govern")).keys()).generate("alice", false);
    Path gov = dir.resolve("govern.yaml");
    Files.writeString(
        gov,
        """
        approvals:
          prod:
            required: 2
            groups: [sre]
          hotfix:
            required: 2
            emergency: {quorum: 0, review_hours: 8}
        keys:
          - operator: alice
            ed25519: %s
        """
            .formatted(Ed25519Keys.rawBase64(aliceKey.publicKey())));
    server =
        TestServer.start(
            DatabaseUrl.Kind.SQLITE,
            dir,
            new ServerConfig.Workflow(gov, null, Duration.ofHours(1), Backoff.DEFAULT));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  CliRunner as(Path home, String user, String... groups) {
    return new CliRunner(home)
        .env("GOVERN_TOKEN", server.token(user, Role.APPROVER, groups))
        .env("GOVERN_SERVER", server.base())
        .env("GOVERN_OPERATOR", user)
        .cwd(home);
  }

  @Test
  void aRequestIsFiledApprovedTwiceSignedAndApplied(@TempDir Path home) throws Exception {
    Path decision = home.resolve("decision.md");
    Files.writeString(decision, "# Upgrade prod to go1.22.5\nCVE-2024-24790.\n");
    CliRunner rita = as(home, "rita", "dev");
    CliRunner.Result filed =
        rita.run(
            "request",
            "env",
            "prod",
            "go1.22.5",
            "--reason",
            "CVE-2024-24790",
            "--attach",
            decision.toString(),
            "--json");
    assertThat(filed.exitCode()).as(filed.err()).isEqualTo(0);
    String id = JSON.readTree(filed.out()).at("/request/id").asText();
    assertThat(JSON.readTree(filed.out()).get("schemaVersion").asInt()).isEqualTo(1);

    CliRunner.Result pending = rita.run("requests", "--pending");
    assertThat(pending.exitCode()).isEqualTo(0);
    assertThat(pending.out()).contains(id).contains("prod → go1.22.5").contains("0/2 approvals");

    CliRunner.Result self = rita.run("approve", id);
    assertThat(self.exitCode()).isEqualTo(3);
    assertThat(self.err()).contains("the requester never counts as an approver");

    CliRunner alice = as(aliceHome, "alice", "sre");
    CliRunner.Result a = alice.run("approve", id, "--comment", "read the decision");
    assertThat(a.exitCode()).as(a.err()).isEqualTo(0);
    assertThat(a.out())
        .contains("approved (1 of 2)")
        .contains("signed with key " + aliceKey.keyId());

    CliRunner.Result b = as(home, "bob", "sre").run("approve", id, "--comment", "ok");
    assertThat(b.exitCode()).as(b.err()).isEqualTo(0);
    assertThat(b.out()).contains("the rule is met: applied as server ledger seq");
    assertThat(b.out()).contains("approved by alice").contains("(signed)");

    JsonNode env = JSON.readTree(server.admin().get("/api/v1/environments/prod").body());
    assertThat(env.get("version").asText()).isEqualTo("go1.22.5");
    CliRunner.Result none = rita.run("requests", "--pending");
    assertThat(none.out()).contains("no open change requests");
  }

  @Test
  void rejectNeedsACommentAndEndsTheRequest(@TempDir Path home) throws Exception {
    CliRunner rita = as(home, "rita2", "dev");
    CliRunner.Result filed =
        rita.run("request", "env", "staging", "go1.23.1", "--reason", "new line", "--json");
    assertThat(filed.exitCode()).as(filed.err()).isEqualTo(0);
    String id = JSON.readTree(filed.out()).at("/request/id").asText();
    CliRunner bob = as(home, "bob2", "sre");
    assertThat(bob.run("reject", id).exitCode()).isEqualTo(2);
    CliRunner.Result no = bob.run("reject", id, "--comment", "wait for 1.23.2");
    assertThat(no.exitCode()).as(no.err()).isEqualTo(0);
    assertThat(no.out()).contains("rejected");
    CliRunner.Result late = as(home, "carl2", "sre").run("approve", id);
    assertThat(late.exitCode()).isEqualTo(3);
    assertThat(late.err()).contains("is rejected: it can no longer be approved");
  }

  @Test
  void anEmergencyAppliesAtOnceAndIsReviewedAfter(@TempDir Path home) throws Exception {
    CliRunner rita = as(home, "rita3");
    CliRunner.Result r =
        rita.run("request", "env", "hotfix", "go1.22.7", "--reason", "exploited", "--emergency");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("EMERGENCY")
        .contains("applied at once")
        .contains("post-hoc review due");
    CliRunner.Result list = rita.run("requests", "--json");
    JsonNode req = JSON.readTree(list.out()).get("requests").get(0);
    String id = req.at("/request/id").asText();
    assertThat(req.at("/request/emergency").asBoolean()).isTrue();
    CliRunner.Result review =
        as(home, "rev3").run("approve", id, "--comment", "checked the advisory");
    assertThat(review.exitCode()).as(review.err()).isEqualTo(0);
    assertThat(review.out()).contains("post-hoc review recorded");
  }

  @Test
  void badInputIsAUsageErrorBeforeAnythingIsSent(@TempDir Path home) {
    CliRunner rita = as(home, "rita4");
    CliRunner.Result v = rita.run("request", "env", "other", "banana", "--reason", "x");
    assertThat(v.exitCode()).isEqualTo(2);
    CliRunner.Result id = rita.run("approve", "../etc");
    assertThat(id.exitCode()).isEqualTo(2);
    assertThat(id.err()).contains("not a change request id");
    CliRunner.Result noServer = new CliRunner(home).cwd(home).run("requests");
    assertThat(noServer.exitCode()).isEqualTo(2);
    assertThat(noServer.err()).contains("give --server URL or set GOVERN_SERVER");
    CliRunner.Result missing =
        rita.run("request", "env", "other", "go1.22.5", "--reason", "x", "--attach", "nope.md");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("no such file");
  }
}
