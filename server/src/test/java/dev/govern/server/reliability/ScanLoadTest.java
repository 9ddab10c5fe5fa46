package dev.govern.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.fleet.ScanDocument;
import dev.govern.core.fleet.ScanStore;
import dev.govern.server.auth.Role;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.Database;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.ledger.ServerLedger;
import dev.govern.server.testing.Figures;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.ServerProcess;
import dev.govern.server.testing.TestServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 50 concurrent clients push 2,000 scans of 200 services each to a server process on loopback:
 * nothing lost, nothing duplicated, no 5xx; the ledger verifies. Records p50/p99 latency, time to
 * ready and memory at rest and under load (target/figures/server.txt).
 */
@Tag("slow")
class ScanLoadTest {
  static final int CLIENTS = 50;
  static final int SCANS = 2_000;
  static final int SERVICES = 200;
  static final int SERVICE_POOL = 1_000;

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void fiftyClientsPushTwoThousandScans(DatabaseUrl.Kind kind, @TempDir Path dir) throws Exception {
    String url = TestServer.database(kind, dir);
    String token = ciToken(url, dir.resolve("home"));
    try (ServerProcess server = ServerProcess.start(url, dir.resolve("home"), 0, "512m")) {
      long rest = server.rssKib();
      long cpuBefore = server.cpuMillis();
      Http http = new Http(Http.newClient(), server.base(), token);
      long[] latency = new long[SCANS];
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger retries = new AtomicInteger();
      long t0 = System.nanoTime();
      long peak;
      try (Figures.PeakRss rss = new Figures.PeakRss(server)) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          done.add(
              pool.submit(
                  () -> {
                    for (int k = next.getAndIncrement(); k < SCANS; k = next.getAndIncrement()) {
                      String body = ScanDocs.json(scan(k));
                      String id = "load-" + k;
                      long s = System.nanoTime();
                      Http.Response r = null;
                      for (int attempt = 0; r == null; attempt++) {
                        try {
                          r = http.put("/api/v1/scans/" + id, body);
                        } catch (UncheckedIOException e) {
                          if (attempt > 5) {
                            throw e;
                          }
                          retries.incrementAndGet();
                        }
                      }
                      latency[k] = System.nanoTime() - s;
                      statuses.merge(r.status(), 1, Integer::sum);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        pool.shutdown();
        peak = rss.peakKib();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpuPerPush = (server.cpuMillis() - cpuBefore) / SCANS;
      assertThat(statuses).as("statuses").containsOnlyKeys(201);
      assertThat(statuses.get(201)).isEqualTo(SCANS);

      Http admin = http;
      assertThat(admin.get("/api/v1/fleet").json().get("scans").asLong()).isEqualTo(SCANS);
      assertThat(admin.get("/api/v1/ledger/verify").json().get("intact").asBoolean()).isTrue();
      try (Database db = Database.open(DatabaseUrl.parse(url, null))) {
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
                                "SELECT COUNT(DISTINCT subject) FROM ledger_entries WHERE action = 'scan-push'")
                            .mapTo(Long.class)
                            .one());
        long entries =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM ledger_entries WHERE action = 'scan-push'")
                            .mapTo(Long.class)
                            .one());
        assertThat(versions).isEqualTo((long) SCANS * SERVICES);
        assertThat(pushes).isEqualTo(SCANS);
        assertThat(entries).isEqualTo(SCANS);
      }
      Figures.record(
          String.format(
              "scan-load %s: %d scans x %d services by %d clients in %.1f s (%.0f scans/s; the server used %d ms of CPU per push); latency p50 %.0f ms, p99 %.0f ms; ready %d ms (%d ms CPU); RSS at rest %d MiB, peak under load %d MiB (-Xmx512m); client retries %d",
              kind.name().toLowerCase(java.util.Locale.ROOT),
              SCANS,
              SERVICES,
              CLIENTS,
              seconds,
              SCANS / seconds,
              cpuPerPush,
              Figures.quantileMs(latency, 0.50),
              Figures.quantileMs(latency, 0.99),
              server.readyMillis(),
              server.readyCpuMillis(),
              rest / 1024,
              peak / 1024,
              retries.get()));
    }
  }

  /** Scan k: 200 services out of a pool of 1,000, so services gather history across scans. */
  static ScanDocument scan(int k) {
    ScanDocument d =
        ScanDocs.document(
            "load", SERVICE_POOL, k, Instant.parse("2024-06-01T00:00:00Z").plusSeconds(k));
    List<ScanDocument.Row> rows = new ArrayList<>(SERVICES);
    int start = (k * 37) % SERVICE_POOL;
    for (int i = 0; i < SERVICES; i++) {
      rows.add(d.services().get((start + i) % SERVICE_POOL));
    }
    return new ScanDocument(
        1, d.scannedAt(), d.roots(), Map.of(), rows, List.of(), (List<ScanStore.Change>) null);
  }

  /** A ci token made directly in the database (as 'govern server token create' does). */
  static String ciToken(String url, Path home) {
    try (Database db = Database.open(DatabaseUrl.parse(url, null))) {
      db.migrate();
      ServerLedger ledger =
          new ServerLedger(
              db.jdbi(), ServerKey.loadOrCreate(home.resolve("keys")), Clock.systemUTC());
      ledger.registerKey();
      return new Tokens(db.jdbi(), ledger)
          .create("ci-load", Role.CI, null, List.of(), "test")
          .secret();
    }
  }
}
