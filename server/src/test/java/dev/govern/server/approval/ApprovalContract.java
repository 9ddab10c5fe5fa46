package dev.govern.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govern.core.approval.ApprovalStatement;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.SigningKey;
import dev.govern.server.ServerConfig;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.notify.Backoff;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Change requests and approvals through the API, run against each database by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApprovalContract {
  TestServer server;
  Http admin;
  Http requester;
  Http alice;
  Http bob;
  Http carol;
  Http outsider;
  SigningKey aliceKey;

  abstract DatabaseUrl.Kind kind();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    KeyPair kp = Ed25519Keys.generate();
    aliceKey = new SigningKey("alice", kp.getPrivate(), kp.getPublic());
    Path gov = dir.resolve("govern.yaml");
    Files.writeString(
        gov,
        """
        approvals:
          prod:
            required: 2
            groups: [sre]
            expires: 72h
            emergency: {quorum: 0, review_hours: 4}
          staging:
            required: 1
            emergency: {quorum: 1, review_hours: 24}
          race: 2
          hotfix:
            required: 2
            emergency: {quorum: 0, review_hours: 4}
        policy:
          deny:
            - versions: "<go1.21.0"
              reason: too old
        keys:
          - operator: alice
            ed25519: %s
        """
            .formatted(Ed25519Keys.rawBase64(kp.getPublic())));
    server =
        TestServer.start(
            kind(),
            dir,
            new ServerConfig.Workflow(
                gov,
                null,
                Duration.ofHours(1),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 10)));
    admin = server.admin();
    requester = server.http(server.token("rita", Role.APPROVER, "dev"));
    alice = server.http(server.token("alice", Role.APPROVER, "sre"));
    bob = server.http(server.token("bob", Role.APPROVER, "sre", "dev"));
    carol = server.http(server.token("carol", Role.APPROVER, "sre"));
    outsider = server.http(server.token("oscar", Role.APPROVER, "dev"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String body(String env, String version, String reason) {
    ObjectNode n = Http.JSON.createObjectNode();
    n.put("environment", env).put("version", version).put("reason", reason);
    return n.toString();
  }

  String file(Http who, String env, String version) {
    Http.Response r = who.post("/api/v1/requests", body(env, version, "CVE-2024-24790 fix"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("request").path("id").asText();
  }

  static String vote(String comment) {
    return Http.JSON.createObjectNode().put("comment", comment).toString();
  }

  @Test
  void twoApproversFromTheGroupApplyTheChangeWithTheWholeChainInTheLedger() {
    ObjectNode b = (ObjectNode) Http.JSON.valueToTree(Http.JSON.createObjectNode());
    b.put("environment", "prod").put("version", "go1.22.5").put("reason", "CVE-2024-24790");
    b.put("attachmentName", "decision.md").put("attachment", "# Decision\nupgrade prod\n");
    Http.Response filed = requester.post("/api/v1/requests", b.toString());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().path("request").path("id").asText();
    assertThat(filed.json().path("request").path("state").asText()).isEqualTo("pending");
    assertThat(filed.json().path("quorum").asInt()).isEqualTo(2);
    String sha = filed.json().path("request").path("attachmentSha256").asText();
    assertThat(sha).hasSize(64);
    assertThat(requester.get("/api/v1/requests/" + id + "/attachment").body())
        .isEqualTo("# Decision\nupgrade prod\n");

    Http.Response self = requester.post("/api/v1/requests/" + id + "/approve", vote("me"));
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.json().path("detail").asText()).contains("the requester never counts");
    Http.Response notSre = outsider.post("/api/v1/requests/" + id + "/approve", vote("ok"));
    assertThat(notSre.status()).isEqualTo(403);
    assertThat(notSre.json().path("detail").asText())
        .isEqualTo("approvals.prod needs an approver in sre; oscar is in dev");

    Http.Response first = alice.post("/api/v1/requests/" + id + "/approve", vote("looks right"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("result").asText()).isEqualTo("approved");
    Http.Response twice = alice.post("/api/v1/requests/" + id + "/approve", vote("again"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(admin.get("/api/v1/environments/prod").status()).isEqualTo(404);

    Http.Response second = bob.post("/api/v1/requests/" + id + "/approve", vote("ship it"));
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("result").asText()).isEqualTo("applied");
    long seq = second.json().path("ledgerSeq").asLong();

    JsonNode env = admin.get("/api/v1/environments/prod").json();
    assertThat(env.path("version").asText()).isEqualTo("go1.22.5");
    JsonNode entry =
        admin.get("/api/v1/ledger?after=" + (seq - 1) + "&limit=1").json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("env-set");
    String evidence = entry.path("evidence").toString();
    assertThat(evidence)
        .contains("requested by rita")
        .contains("approved by alice")
        .contains("looks right")
        .contains("approved by bob")
        .contains("decision.md sha256 " + sha);
    Http.Response late = carol.post("/api/v1/requests/" + id + "/approve", vote("late"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().path("detail").asText()).contains("is applied");
    assertThat(admin.get("/api/v1/ledger/verify").json().path("intact").asBoolean()).isTrue();
  }

  @Test
  void aRejectedRequestCannotBeAppliedAndARejectionMustSayWhy() {
    String id = file(requester, "rejected", "go1.22.5");
    assertThat(alice.post("/api/v1/requests/" + id + "/reject", "{}").status()).isEqualTo(400);
    Http.Response no = alice.post("/api/v1/requests/" + id + "/reject", vote("not this week"));
    assertThat(no.status()).as(no.body()).isEqualTo(200);
    assertThat(no.json().path("request").path("state").asText()).isEqualTo("rejected");
    Http.Response yes = bob.post("/api/v1/requests/" + id + "/approve", vote("ok"));
    assertThat(yes.status()).isEqualTo(409);
    assertThat(yes.json().path("detail").asText())
        .isEqualTo("change request " + id + " is rejected: it can no longer be approved");
    assertThat(admin.get("/api/v1/environments/rejected").status()).isEqualTo(404);
  }

  @Test
  void anExpiredRequestCannotBeAppliedAndTheSweepExpiresOpenOnes() {
    String id = file(requester, "expiring", "go1.22.5");
    server
        .server()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE change_requests SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
                    id));
    Http.Response r = bob.post("/api/v1/requests/" + id + "/approve", vote("ok"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asText()).contains("expired at 2000-01-01");
    assertThat(admin.get("/api/v1/requests/" + id).json().path("request").path("state").asText())
        .isEqualTo("expired");

    String other = file(requester, "expiring2", "go1.22.5");
    server
        .server()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE change_requests SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
                    other));
    assertThat(server.server().requests().sweep()).isGreaterThanOrEqualTo(1);
    assertThat(admin.get("/api/v1/requests/" + other).json().path("request").path("state").asText())
        .isEqualTo("expired");
    assertThat(admin.get("/api/v1/ledger?action=request-expire").json().path("entries").size())
        .isEqualTo(2);
  }

  @Test
  void anEmergencyAppliesAtOnceAndItsReviewIsDueAndFlaggedWhenOverdue() {
    String body =
        Http.JSON
            .createObjectNode()
            .put("environment", "prod-eu")
            .put("version", "go1.22.6")
            .put("reason", "actively exploited")
            .put("emergency", true)
            .toString();
    Http.Response refused = requester.post("/api/v1/requests", body);
    assertThat(refused.status()).isEqualTo(412);
    assertThat(refused.json().path("detail").asText()).contains("has no emergency path");

    Http.Response r = requester.post("/api/v1/requests", body.replace("prod-eu", "hotfix"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("result").asText()).isEqualTo("applied");
    String id = r.json().path("request").path("id").asText();
    assertThat(admin.get("/api/v1/environments/hotfix").json().path("version").asText())
        .isEqualTo("go1.22.6");
    JsonNode req = admin.get("/api/v1/requests/" + id).json();
    assertThat(req.path("request").path("emergency").asBoolean()).isTrue();
    assertThat(req.path("request").path("reviewDue").asText()).isNotEmpty();
    assertThat(req.path("overdue").asBoolean()).isFalse();

    server
        .server()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE change_requests SET review_due = '2000-01-01T00:00:00.000Z' WHERE id = ?",
                    id));
    assertThat(admin.get("/api/v1/requests/" + id).json().path("overdue").asBoolean()).isTrue();
    server.server().requests().sweep();
    server.server().requests().sweep(); // told of once
    long overdue =
        server
            .server()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM outbox_events WHERE kind = 'review.overdue'"
                                + " AND subject = :s")
                        .bind("s", "request:" + id)
                        .mapTo(Long.class)
                        .one());
    assertThat(overdue).isEqualTo(1);

    assertThat(requester.post("/api/v1/requests/" + id + "/approve", vote("fine")).status())
        .isEqualTo(403);
    Http.Response review = carol.post("/api/v1/requests/" + id + "/approve", vote("checked CVE"));
    assertThat(review.status()).as(review.body()).isEqualTo(200);
    assertThat(review.json().path("result").asText()).isEqualTo("reviewed");
    assertThat(review.json().path("overdue").asBoolean()).isFalse();
    assertThat(admin.get("/api/v1/ledger?action=request-review").json().path("entries").size())
        .isEqualTo(1);
  }

  @Test
  void aSignedApprovalIsVerifiedAgainstTheTrustedKeysAndKept() {
    String id = file(requester, "signed", "go1.22.5");
    JsonNode req = admin.get("/api/v1/requests/" + id).json().path("request");
    ApprovalStatement st =
        new ApprovalStatement(
            id,
            "signed",
            req.path("version").asText(),
            req.path("envStatus").asText(),
            req.path("reason").asText(),
            req.path("requester").asText(),
            req.path("createdAt").asText(),
            null,
            false,
            "alice",
            "approve");
    String forged =
        st.sign(new SigningKey("alice", Ed25519Keys.generate().getPrivate(), aliceKey.publicKey()));
    ObjectNode bad = Http.JSON.createObjectNode().put("comment", "ok").put("signature", forged);
    Http.Response r = alice.post("/api/v1/requests/" + id + "/approve", bad.toString());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("signature");
    ObjectNode good =
        Http.JSON.createObjectNode().put("comment", "ok").put("signature", st.sign(aliceKey));
    Http.Response ok = alice.post("/api/v1/requests/" + id + "/approve", good.toString());
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("result").asText()).isEqualTo("applied");
    long seq = ok.json().path("ledgerSeq").asLong();
    JsonNode entry =
        admin.get("/api/v1/ledger?after=" + (seq - 1) + "&limit=1").json().path("entries").get(0);
    assertThat(entry.path("evidence").toString())
        .contains("sig " + st.sign(aliceKey).substring(0, 17));
  }

  @Test
  void theRequestedVersionMustPassThePolicy() {
    Http.Response r = requester.post("/api/v1/requests", body("policy", "go1.20.14", "old"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("code").asText()).isEqualTo("check-failed");
    assertThat(r.json().path("detail").asText())
        .isEqualTo("go1.20.14 is denied by the policy for policy: too old");
  }

  @Test
  void anEnvironmentChangedAfterTheRequestWasFiledTurnsItIntoAConflict() {
    String id = file(requester, "moved", "go1.22.5");
    String put =
        Http.JSON
            .createObjectNode()
            .put("version", "go1.23.0")
            .put("status", "live")
            .put("reason", "direct")
            .toString();
    assertThat(admin.put("/api/v1/environments/moved", put, "If-None-Match", "*").status())
        .isEqualTo(201);
    Http.Response r = alice.post("/api/v1/requests/" + id + "/approve", vote("ok"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asText()).contains("changed after change request " + id);
    assertThat(admin.get("/api/v1/environments/moved").json().path("version").asText())
        .isEqualTo("go1.23.0");
    assertThat(admin.get("/api/v1/requests/" + id).json().path("request").path("state").asText())
        .isEqualTo("conflict");
  }

  @Test
  void concurrentRequestsAndApprovalsApplyExactlyOnce() throws Exception {
    int n = 8;
    List<Http> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(server.http(server.token("p" + i, Role.APPROVER)));
    }
    List<Http.Response> filed =
        race(n, i -> people.get(i).post("/api/v1/requests", body("race", "go1.22." + i, "race")));
    assertThat(filed.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(filed.stream().filter(r -> r.status() == 409)).hasSize(n - 1);
    Http.Response won = filed.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
    String id = won.json().path("request").path("id").asText();
    String by = won.json().path("request").path("requester").asText();

    List<Http.Response> votes =
        race(n, i -> people.get(i).post("/api/v1/requests/" + id + "/approve", vote("go")));
    long applied =
        votes.stream()
            .filter(r -> r.status() == 200 && r.json().path("result").asText().equals("applied"))
            .count();
    assertThat(applied).isEqualTo(1);
    assertThat(votes.stream().filter(r -> r.status() >= 500)).isEmpty();
    assertThat(votes.stream().filter(r -> r.status() == 200)).hasSize(2);
    long envSets =
        server
            .server()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM ledger_entries WHERE action = 'env-set' AND subject = 'env:race'")
                        .mapTo(Long.class)
                        .one());
    assertThat(envSets).isEqualTo(1);
    assertThat(by).startsWith("p");
    assertThat(admin.get("/api/v1/ledger/verify").json().path("intact").asBoolean()).isTrue();
  }

  interface Call {
    Http.Response call(int i);
  }

  static List<Http.Response> race(int n, Call c) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Response>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        Callable<Http.Response> task =
            () -> {
              go.await();
              return c.call(k);
            };
        fs.add(pool.submit(task));
      }
      go.countDown();
      List<Http.Response> out = new ArrayList<>();
      for (Future<Http.Response> f : fs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
