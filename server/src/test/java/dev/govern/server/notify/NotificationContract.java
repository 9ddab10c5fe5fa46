package dev.govern.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.server.ServerConfig;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Eventually;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.Receiver;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through the outbox to real receivers on loopback: a webhook receiver that checks
 * {@code X-Govern-Signature}, a Slack-style receiver that fails its first attempts, and a
 * Jira-style receiver that is down for a while, across a server restart.
 */
abstract class NotificationContract {
  static final String SECRET = "s3cret-shared-with-the-receiver";

  abstract DatabaseUrl.Kind kind();

  /** What the receiver does: recompute the HMAC over "t.body" and compare in constant time. */
  static boolean signatureValid(Receiver.Hit h) {
    String header = h.header("X-Govern-Signature");
    if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
      return false;
    }
    String t = header.substring(2, header.indexOf(','));
    String v1 = header.substring(header.indexOf("v1=") + 3);
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      byte[] want = mac.doFinal(h.body());
      long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t));
      return age < 300 && MessageDigest.isEqual(want, HexFormat.of().parseHex(v1));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void everyEventReachesEverySinkAtLeastOnceThroughFailuresAnOutageAndARestart(@TempDir Path dir)
      throws Exception {
    try (Receiver hook = Receiver.answering(h -> signatureValid(h) ? 204 : 401);
        Receiver slack = Receiver.start(0, (h, n) -> n <= 2 ? 500 : 200)) {
      int jiraPort = freePort(); // nothing listens there yet: the Jira receiver is down
      Path sinks = dir.resolve("sinks.json");
      Files.writeString(
          sinks,
          """
          {"sinks": [
            {"name": "hook", "type": "webhook", "url": "%s/govern", "secret": "%s"},
            {"name": "chat", "type": "slack", "url": "%s/services/T0/B0/x"},
            {"name": "tickets", "type": "jira", "url": "http://127.0.0.1:%d", "user": "bot",
             "secret": "jira-api-token", "project": "OPS", "issueType": "Bug",
             "labels": ["go-governance"], "events": ["service.red", "request.applied"]}
          ]}
          """
              .formatted(hook.url(), SECRET, slack.url(), jiraPort));
      ServerConfig.Workflow wf =
          new ServerConfig.Workflow(
              null,
              sinks,
              Duration.ofHours(1),
              new Backoff(Duration.ofMillis(40), Duration.ofMillis(300), 1000));
      String url = TestServer.database(kind(), dir);
      Authenticator.Limits limits = new Authenticator.Limits(1000, 100_000);
      TestServer first = TestServer.start(url, dir, limits, wf);
      String requestId;
      String eventsBefore;
      try {
        Http rita = first.http(first.token("rita", Role.APPROVER));
        Http bob = first.http(first.token("bob", Role.APPROVER));
        Http ci = first.http(first.token("ci", Role.CI));
        Http.Response filed =
            rita.post(
                "/api/v1/requests",
                "{\"environment\":\"prod\",\"version\":\"go1.22.5\",\"reason\":\"CVE <fix> & more\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        requestId = filed.json().at("/request/id").asText();
        assertThat(bob.post("/api/v1/requests/" + requestId + "/approve", "{}").status())
            .isEqualTo(200);
        assertThat(
                ci.put(
                        "/api/v1/scans/red-1",
                        ScanDocs.json(
                            ScanDocs.document(
                                "notify", 3, 0, Instant.parse("2024-06-01T00:00:00Z"))))
                    .status())
            .isEqualTo(201);
        // created, approved, applied, service.red
        Eventually.until(
            "the webhook has all four events",
            Duration.ofSeconds(60),
            () -> hook.accepted().size() >= 4);
        Eventually.until(
            "the chat sink has all four events",
            Duration.ofSeconds(60),
            () -> slack.accepted().size() >= 4);
        Http.Response log = first.admin().get("/api/v1/notifications");
        JsonNode events = log.json().get("events");
        assertThat(events).hasSize(4);
        eventsBefore = log.body();
        // the Jira sink is still failing: its deliveries are pending with attempts logged
        Eventually.until(
            "two failed attempts to the Jira sink",
            Duration.ofSeconds(60),
            () ->
                first
                    .admin()
                    .get("/api/v1/notifications?kind=service.red")
                    .json()
                    .at("/events/0/deliveries")
                    .toString()
                    .contains("\"attempts\":2"));
      } finally {
        first.close(); // a restart while deliveries are owed
      }
      assertThat(hook.received()).isEqualTo(hook.accepted().size());
      assertThat(hook.accepted()).allSatisfy(h -> assertThat(signatureValid(h)).isTrue());
      List<String> kinds =
          hook.accepted().stream().map(h -> readKind(h.text())).distinct().sorted().toList();
      assertThat(kinds)
          .containsExactly("request.applied", "request.approved", "request.created", "service.red");
      Receiver.Hit chat = slack.accepted().get(0);
      JsonNode message = Http.JSON.readTree(chat.body());
      assertThat(message.get("text").asText()).startsWith("[govern] ");
      assertThat(message.get("blocks").get(0).at("/text/type").asText()).isEqualTo("mrkdwn");
      assertThat(slack.accepted().stream().map(Receiver.Hit::text))
          .anySatisfy(t -> assertThat(t).contains("CVE &lt;fix&gt; &amp; more"));
      assertThat(eventsBefore).contains("HTTP 500");

      try (Receiver jira =
              Receiver.start(jiraPort, (h, n) -> h.path().equals("/rest/api/2/issue") ? 201 : 404);
          TestServer second = TestServer.start(url, dir, limits, wf)) {
        Eventually.until(
            "the Jira sink gets both issues after the outage",
            Duration.ofSeconds(60),
            () -> jira.accepted().size() >= 2);
        Receiver.Hit issue =
            jira.accepted().stream()
                .filter(h -> h.text().contains("service.red") || h.text().contains("turned red"))
                .findFirst()
                .orElseThrow();
        JsonNode fields = Http.JSON.readTree(issue.body()).get("fields");
        assertThat(fields.at("/project/key").asText()).isEqualTo("OPS");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(fields.get("summary").asText()).contains("turned red");
        assertThat(fields.get("description").asText()).contains("Owners (CODEOWNERS): @team-0");
        assertThat(fields.get("labels").toString())
            .contains("go-governance")
            .contains("govern-service-red");
        assertThat(issue.header("Authorization"))
            .isEqualTo(
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString("bot:jira-api-token".getBytes(StandardCharsets.UTF_8)));
        Eventually.until(
            "every delivery is delivered",
            Duration.ofSeconds(60),
            () ->
                second
                    .admin()
                    .get("/api/v1/notifications")
                    .json()
                    .get("deliveries")
                    .toString()
                    .equals("{\"delivered\":10}"));
        JsonNode red =
            second
                .admin()
                .get("/api/v1/notifications?kind=service.red")
                .json()
                .at("/events/0/deliveries");
        JsonNode tickets = null;
        for (JsonNode d : red) {
          if (d.get("sink").asText().equals("tickets")) {
            tickets = d;
          }
        }
        assertThat(tickets).isNotNull();
        assertThat(tickets.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(tickets.get("log").get(0).get("error").asText()).contains("ConnectException");
        assertThat(tickets.get("log").get(tickets.get("log").size() - 1).get("status").asInt())
            .isEqualTo(201);
      }
    }
  }

  static String readKind(String json) {
    try {
      return Http.JSON.readTree(json).get("kind").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
