package dev.govern.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.govern.core.fleet.ScanDocument;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.LedgerChain;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.server.api.Json;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.db.LedgerDao;
import dev.govern.server.db.ScanDao;
import dev.govern.server.ledger.ServerLedger;
import dev.govern.server.testing.Figures;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Benchmark (bench/dashboard.sh; runs only with {@code -Dgovern.bench=true}): the dashboard's pages
 * over 5,000 services, 200 scans of all of them (1,000,000 history rows) and 100,000 signed ledger
 * entries, seeded with batch inserts. Measures time to first byte over a raw loopback socket (the
 * request is written, the clock stops at the first byte of the answer) and the whole answer.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "govern.bench", matches = "true")
class DashboardBench {
  static final int SERVICES = Integer.getInteger("govern.bench.services", 5_000);
  static final int SCANS = Integer.getInteger("govern.bench.scans", 200);
  static final int LEDGER = Integer.getInteger("govern.bench.ledger", 100_000);
  static final int ROUNDS = Integer.getInteger("govern.bench.rounds", 200);
  static final int WARMUP = 30;

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void dashboardPages(DatabaseUrl.Kind kind, @TempDir Path dir) throws Exception {
    assumeTrue(wanted(kind), "-Dgovern.bench.db names another database");
    try (TestServer server = TestServer.start(kind, dir)) {
      long t0 = System.nanoTime();
      seedScans(server);
      long t1 = System.nanoTime();
      seedLedger(server.server().ledger(), server);
      long t2 = System.nanoTime();
      String cookie = login(server.server().port(), server.adminToken());
      int port = server.server().port();
      String svc = "example.com/bench/svc-" + (SERVICES * 86 / 100);
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("fleet", "/");
      pages.put("services", "/services");
      pages.put("services-red", "/services?class=red");
      pages.put(
          "services-later-page",
          "/services?after=" + URLEncoder.encode(svc, StandardCharsets.UTF_8));
      pages.put("service-history", "/services/" + svc);
      pages.put("environments", "/environments");
      pages.put("ledger", "/ledger");
      pages.put("ledger-old", "/ledger?before=500");
      pages.put("notifications", "/notifications");
      StringBuilder line = new StringBuilder();
      line.append(
          String.format(
              Locale.ROOT,
              "dashboard %s: %d services, %d scans (%d history rows), %d ledger entries; seeded in %.0f s + %.0f s; %d requests a page after %d warm-up; TTFB p50/p99 (whole answer p50) ms:",
              kind.name().toLowerCase(Locale.ROOT),
              SERVICES,
              SCANS,
              (long) SERVICES * SCANS,
              LEDGER,
              (t1 - t0) / 1e9,
              (t2 - t1) / 1e9,
              ROUNDS,
              WARMUP));
      for (var p : pages.entrySet()) {
        long[] ttfb = new long[ROUNDS];
        long[] whole = new long[ROUNDS];
        for (int i = -WARMUP; i < ROUNDS; i++) {
          long[] t = get(port, p.getValue(), cookie);
          if (i >= 0) {
            ttfb[i] = t[0];
            whole[i] = t[1];
          }
        }
        line.append(
            String.format(
                Locale.ROOT,
                " %s %.1f/%.1f (%.1f);",
                p.getKey(),
                Figures.quantileMs(ttfb, 0.5),
                Figures.quantileMs(ttfb, 0.99),
                Figures.quantileMs(whole, 0.5)));
      }
      Figures.record(line.toString());
    }
  }

  /**
   * Whether {@code -Dgovern.bench.db} (sqlite or postgresql; default both) asks for {@code kind}.
   */
  static boolean wanted(DatabaseUrl.Kind kind) {
    String db = System.getProperty("govern.bench.db", "");
    return db.isEmpty() || db.equalsIgnoreCase(kind.name());
  }

  /** 200 scans of all 5,000 services, each through {@link ScanDao} as a push writes them. */
  static void seedScans(TestServer server) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int k = 0; k < SCANS; k++) {
      Instant at = start.plusSeconds(3600L * k);
      ScanDocument d = ScanDocs.document("bench", SERVICES, k / 20, at);
      String id = "bench-" + k;
      String when = d.scannedAt();
      int red = 0;
      int yellow = 0;
      int green = 0;
      for (ScanDocument.Row r : d.services()) {
        switch (r.riskClass()) {
          case "red" -> red++;
          case "yellow" -> yellow++;
          default -> green++;
        }
      }
      ScanDao.ScanRow row =
          new ScanDao.ScanRow(id, when, when, "bench", SERVICES, red, yellow, green, 0);
      server
          .server()
          .database()
          .jdbi()
          .useTransaction(
              h -> {
                ScanDao dao = new ScanDao(h, Json.MAPPER);
                dao.insertScan(row, "0".repeat(64));
                dao.insertServices(id, when, d.services());
              });
    }
  }

  /** 100,000 signed, chained entries written in batches of 5,000 (one transaction each). */
  static void seedLedger(ServerLedger ledger, TestServer server) {
    var jdbi = server.server().database().jdbi();
    LedgerDao.Head head = jdbi.withHandle(h -> new LedgerDao(h).head());
    long seq = head.seq();
    String hash = head.hash();
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    int written = 0;
    while (written < LEDGER) {
      int n = Math.min(5_000, LEDGER - written);
      List<LedgerEntry> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int k = written + i;
        LedgerEntry e =
            LedgerChain.next(
                seq,
                hash,
                new Change(
                    "env-set",
                    "env:bench-" + (k % 50),
                    "go1.22." + (k % 9),
                    "go1.22." + (k % 9 + 1),
                    "bench entry " + k,
                    null),
                "bench",
                null,
                at.plusMillis(k));
        batch.add(e);
        seq = e.seq();
        hash = e.hash();
      }
      // the hash does not cover the signature: chain first, then sign on every core
      List<LedgerEntry> signed =
          batch.parallelStream().map(e -> e.withSig(ledger.key().sign(e.hash()))).toList();
      long last = seq;
      String lastHash = hash;
      long prev = seq - n;
      jdbi.useTransaction(
          h -> {
            PreparedBatch b =
                h.prepareBatch(
                    """
                    INSERT INTO ledger_entries (seq, time, operator, action, subject, hash, line)
                    VALUES (:seq, :time, :operator, :action, :subject, :hash, :line)
                    """);
            for (LedgerEntry e : signed) {
              b.bind("seq", e.seq())
                  .bind("time", e.time())
                  .bind("operator", e.operator())
                  .bind("action", e.action())
                  .bind("subject", e.subject())
                  .bind("hash", e.hash())
                  .bind("line", e.toLine())
                  .add();
            }
            b.execute();
            int moved =
                h.createUpdate(
                        "UPDATE ledger_head SET seq = :seq, hash = :hash WHERE id = 1 AND seq = :prev")
                    .bind("seq", last)
                    .bind("hash", lastHash)
                    .bind("prev", prev)
                    .execute();
            assertThat(moved).as("ledger head moved by the seed only").isEqualTo(1);
          });
      written += n;
    }
  }

  static String login(int port, String token) throws Exception {
    String form =
        exchange(port, "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    Matcher c = Pattern.compile("(?i)set-cookie: (govern_login=[^;]+)").matcher(form);
    Matcher f = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(c.find() && f.find()).as("login form: " + form).isTrue();
    String body =
        "csrf=" + f.group(1) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    String answer =
        exchange(
            port,
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: "
                + c.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);
    Matcher m = Pattern.compile("(?i)set-cookie: (govern_session=[^;]+)").matcher(answer);
    assertThat(m.find()).as("login answer: " + answer).isTrue();
    return m.group(1);
  }

  /** GET over a new connection: {ttfb, whole} in nanoseconds; fails unless the answer is 200. */
  static long[] get(int port, String path, String cookie) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      byte[] req =
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: "
                  + cookie
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      long start = System.nanoTime();
      out.write(req);
      out.flush();
      int first = in.read();
      long ttfb = System.nanoTime() - start;
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(first);
      in.transferTo(all);
      long whole = System.nanoTime() - start;
      String head = all.toString(StandardCharsets.ISO_8859_1);
      assertThat(head).as(path).startsWith("HTTP/1.1 200");
      return new long[] {ttfb, whole};
    }
  }

  private static String exchange(int port, String request) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
