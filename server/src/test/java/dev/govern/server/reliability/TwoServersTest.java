package dev.govern.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.server.auth.Role;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.Database;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.ledger.ServerLedger;
import dev.govern.server.testing.Figures;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.PostgresTestServer;
import dev.govern.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes (each with its own key) on one PostgreSQL, 8 clients on each changing the
 * same environments at once: every accepted change is in the ledger exactly once, the chain
 * verifies across both servers' signatures, and lost updates get 412.
 */
@Tag("slow")
class TwoServersTest {
  static final int CLIENTS_PER_SERVER = 8;
  static final int CHANGES_EACH = 25;
  static final List<String> ENVS = List.of("prod", "staging", "dev");

  @Test
  void concurrentEnvironmentChangesThroughTwoServers(@TempDir Path dir) throws Exception {
    String url = PostgresTestServer.get().newDatabase();
    String token;
    try (Database db = Database.open(DatabaseUrl.parse(url, null))) {
      db.migrate();
      ServerLedger l =
          new ServerLedger(
              db.jdbi(), ServerKey.loadOrCreate(dir.resolve("admin-keys")), Clock.systemUTC());
      l.registerKey();
      token =
          new Tokens(db.jdbi(), l)
              .create("approver", Role.APPROVER, null, List.of(), "test")
              .secret();
    }
    try (ServerProcess a = ServerProcess.start(url, dir.resolve("a"), 0, "256m");
        ServerProcess b = ServerProcess.start(url, dir.resolve("b"), 0, "256m")) {
      List<Http> servers =
          List.of(
              new Http(Http.newClient(), a.base(), token),
              new Http(Http.newClient(), b.base(), token));
      for (String env : ENVS) {
        assertThat(
                servers
                    .get(0)
                    .put(
                        "/api/v1/environments/" + env,
                        body("go1.22.0", "created"),
                        "If-None-Match",
                        "*")
                    .status())
            .isEqualTo(201);
      }
      Set<Long> acceptedSeqs = ConcurrentHashMap.newKeySet();
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger lost = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_SERVER);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 2 * CLIENTS_PER_SERVER; c++) {
        Http http = servers.get(c % 2);
        int client = c;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < CHANGES_EACH; i++) {
                    String env = ENVS.get((client + i) % ENVS.size());
                    Http.Response read = http.get("/api/v1/environments/" + env);
                    String etag = read.header("ETag");
                    Http.Response w =
                        http.put(
                            "/api/v1/environments/" + env,
                            body("go1.22." + (1 + (i % 9)), "client " + client + " change " + i),
                            "If-Match",
                            etag);
                    if (w.status() == 200) {
                      accepted.incrementAndGet();
                      assertThat(acceptedSeqs.add(w.json().get("ledgerSeq").asLong())).isTrue();
                    } else {
                      assertThat(w.status()).as(w.body()).isEqualTo(412);
                      assertThat(w.json().get("code").asText()).isEqualTo("precondition-failed");
                      lost.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertThat(accepted.get() + lost.get()).isEqualTo(2 * CLIENTS_PER_SERVER * CHANGES_EACH);
      assertThat(lost.get()).as("lost updates refused").isPositive();

      Http http = servers.get(1);
      JsonNode verify = http.get("/api/v1/ledger/verify").json();
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
      List<JsonNode> envSets = new ArrayList<>();
      long after = 0;
      while (true) {
        JsonNode page = http.get("/api/v1/ledger?action=env-set&limit=1000&after=" + after).json();
        page.get("entries").forEach(envSets::add);
        if (!page.hasNonNull("next")) {
          break;
        }
        after = page.get("next").asLong();
      }
      Set<Long> ledgerSeqs = new HashSet<>();
      Set<String> signers = new HashSet<>();
      for (JsonNode e : envSets) {
        ledgerSeqs.add(e.get("seq").asLong());
        signers.add(e.get("sig").asText().split(":")[0]);
      }
      assertThat(envSets).hasSize(ENVS.size() + accepted.get());
      assertThat(ledgerSeqs).containsAll(acceptedSeqs);
      assertThat(signers).as("entries signed by both server processes").hasSize(2);
      long revisions = 0;
      for (String env : ENVS) {
        revisions += http.get("/api/v1/environments/" + env).json().get("revision").asLong();
        assertThat(
                http.get("/api/v1/environments/" + env + "/history?limit=1000")
                    .json()
                    .get("history")
                    .size())
            .isEqualTo(
                (int) http.get("/api/v1/environments/" + env).json().get("revision").asLong());
      }
      assertThat(revisions).isEqualTo(ENVS.size() + accepted.get());
      Figures.record(
          String.format(
              "two-servers postgresql: %d clients over 2 processes, %d environment writes: %d accepted (each once in the ledger), %d lost updates refused with 412; servers ready in %d and %d ms (%d and %d ms CPU)",
              2 * CLIENTS_PER_SERVER,
              2 * CLIENTS_PER_SERVER * CHANGES_EACH,
              accepted.get(),
              lost.get(),
              a.readyMillis(),
              b.readyMillis(),
              a.readyCpuMillis(),
              b.readyCpuMillis()));
    }
  }

  static String body(String version, String reason) {
    return "{\"version\":\"" + version + "\",\"status\":\"live\",\"reason\":\"" + reason + "\"}";
  }
}
