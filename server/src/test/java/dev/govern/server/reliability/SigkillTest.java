package dev.govern.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.server.db.Database;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Figures;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.ServerProcess;
import dev.govern.server.testing.TestServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILL the server while clients push, start it again on the same database: every transaction
 * committed whole or not at all, the ledger verifies, and clients that retried with the same scan
 * id created no duplicates.
 */
@Tag("slow")
class SigkillTest {
  static final int CLIENTS = 8;
  static final int SCANS_EACH = 40;
  static final int SERVICES = 50;

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void aKilledServerLeavesAConsistentDatabaseAndRetriesStoreNothingTwice(
      DatabaseUrl.Kind kind, @TempDir Path dir) throws Exception {
    String url = TestServer.database(kind, dir);
    Path home = dir.resolve("home");
    String token = ScanLoadTest.ciToken(url, home);
    ServerProcess first = ServerProcess.start(url, home, 0, "256m");
    int port = first.port();
    AtomicReference<ServerProcess> current = new AtomicReference<>(first);
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger replayed = new AtomicInteger();
    AtomicInteger failedAttempts = new AtomicInteger();
    Http http = new Http(Http.newClient(), first.base(), token);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < SCANS_EACH; i++) {
                  String id = "kill-" + client + "-" + i;
                  String body =
                      ScanDocs.json(
                          ScanDocs.document(
                              "kill-" + client,
                              SERVICES,
                              i,
                              Instant.parse("2024-06-01T00:00:00Z").plusSeconds(i)));
                  while (true) {
                    try {
                      Http.Response r = http.put("/api/v1/scans/" + id, body);
                      assertThat(r.status()).as(r.body()).isIn(200, 201);
                      (r.status() == 201 ? created : replayed).incrementAndGet();
                      stored.incrementAndGet();
                      break;
                    } catch (UncheckedIOException e) {
                      failedAttempts.incrementAndGet(); // the server is down: retry the same id
                      Thread.sleep(50);
                    }
                  }
                }
                return null;
              }));
    }
    while (stored.get() < CLIENTS * SCANS_EACH / 3) {
      Thread.sleep(20);
    }
    current.get().kill();
    int atKill = stored.get();
    ServerProcess second = ServerProcess.start(url, home, port, "256m");
    current.set(second);
    try {
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      int total = CLIENTS * SCANS_EACH;
      assertThat(stored.get()).isEqualTo(total);
      assertThat(failedAttempts.get()).as("requests that met the dead server").isPositive();
      assertThat(http.get("/api/v1/ledger/verify").json().get("intact").asBoolean()).isTrue();
      try (Database db = Database.open(DatabaseUrl.parse(url, null))) {
        long scans =
            db.jdbi()
                .withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM scans").mapTo(Long.class).one());
        long versions =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COUNT(*) FROM service_versions")
                            .mapTo(Long.class)
                            .one());
        long pushes =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM ledger_entries WHERE action = 'scan-push'")
                            .mapTo(Long.class)
                            .one());
        long unlinked =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                """
                                SELECT COUNT(*) FROM scans s
                                WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e
                                                  WHERE e.seq = s.ledger_seq AND e.subject = 'scan:' || s.id)
                                """)
                            .mapTo(Long.class)
                            .one());
        assertThat(scans).isEqualTo(total);
        assertThat(versions).isEqualTo((long) total * SERVICES);
        assertThat(pushes).isEqualTo(total);
        assertThat(unlinked).isZero();
      }
      Figures.record(
          String.format(
              "sigkill %s: killed after %d of %d pushes; %d requests met the dead server and were retried; %d answered 200 (stored before the kill, replayed), %d 201; restart ready in %d ms (%d ms CPU); 0 duplicates, ledger intact",
              kind.name().toLowerCase(java.util.Locale.ROOT),
              atKill,
              total,
              failedAttempts.get(),
              replayed.get(),
              created.get(),
              second.readyMillis(),
              second.readyCpuMillis()));
    } finally {
      second.close();
    }
  }
}
