package dev.govern.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.govern.server.ServerConfig;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.notify.Backoff;
import dev.govern.server.notify.EventKind;
import dev.govern.server.notify.Outbox;
import dev.govern.server.notify.Sinks;
import dev.govern.server.testing.Eventually;
import dev.govern.server.testing.Figures;
import dev.govern.server.testing.Receiver;
import dev.govern.server.testing.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Benchmark (bench/outbox.sh; runs only with {@code -Dgovern.bench=true}): notification delivery
 * through the outbox with the server's default backoff (2 s doubling to 10 min, equal jitter). (1)
 * Throughput: 5,000 events published in transactions of 100 while the dispatcher drains them to a
 * webhook receiver on loopback; events per second from the first publish to the last delivery. (2)
 * Outage: the receiver is down while 200 events are published and for {@code govern.bench.outage}
 * seconds (default 60) after; it comes back on the same port; the time from its return to the last
 * delivery is the longest delay after the outage.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "govern.bench", matches = "true")
class NotificationBench {
  static final int EVENTS = Integer.getInteger("govern.bench.events", 5_000);
  static final int OUTAGE_EVENTS = 200;
  static final int OUTAGE_SECONDS = Integer.getInteger("govern.bench.outage", 60);

  @ParameterizedTest
  @EnumSource(DatabaseUrl.Kind.class)
  void throughputAndRecoveryAfterAnOutage(DatabaseUrl.Kind kind, @TempDir Path dir)
      throws Exception {
    assumeTrue(DashboardBench.wanted(kind), "-Dgovern.bench.db names another database");
    int downPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      downPort = s.getLocalPort();
    }
    try (Receiver hook = Receiver.ok(0)) {
      Path sinks = dir.resolve("sinks.json");
      Files.writeString(
          sinks,
          """
          {"sinks": [
            {"name": "fast", "type": "webhook", "url": "%s/hook", "secret": "bench-secret-0123456789",
             "events": ["gate.failed"]},
            {"name": "later", "type": "webhook", "url": "http://127.0.0.1:%d/hook",
             "secret": "bench-secret-0123456789", "events": ["review.overdue"]}
          ]}
          """
              .formatted(hook.url(), downPort));
      ServerConfig.Workflow wf =
          new ServerConfig.Workflow(null, sinks, Duration.ofHours(1), Backoff.DEFAULT);
      try (TestServer server =
          TestServer.start(
              TestServer.database(kind, dir), dir, new Authenticator.Limits(1000, 100_000), wf)) {
        Outbox outbox = new Outbox(Sinks.load(sinks), Clock.systemUTC());
        outbox.onPublish(server.server().dispatcher()::wake);
        var jdbi = server.server().database().jdbi();

        long t0 = System.nanoTime();
        for (int i = 0; i < EVENTS; i += 100) {
          int from = i;
          jdbi.useTransaction(
              h -> {
                for (int k = from; k < from + 100; k++) {
                  outbox.publish(
                      h, EventKind.GATE_FAILED, "bench-" + k, "bench event " + k, Map.of("k", k));
                }
              });
        }
        long published = System.nanoTime() - t0;
        Eventually.until(
            "all " + EVENTS + " events delivered",
            Duration.ofMinutes(10),
            () -> hook.accepted().size() >= EVENTS);
        double seconds = (System.nanoTime() - t0) / 1e9;

        jdbi.useTransaction(
            h -> {
              for (int k = 0; k < OUTAGE_EVENTS; k++) {
                outbox.publish(
                    h, EventKind.REVIEW_OVERDUE, "outage-" + k, "outage event " + k, Map.of());
              }
            });
        Thread.sleep(OUTAGE_SECONDS * 1000L); // the outage itself, not a wait for a result
        try (Receiver back = Receiver.ok(downPort)) {
          long up = System.nanoTime();
          Eventually.until(
              "all events of the outage delivered",
              Duration.ofMinutes(15),
              () -> back.accepted().size() >= OUTAGE_EVENTS);
          double recovery = (System.nanoTime() - up) / 1e9;
          assertThat(hook.accepted()).hasSizeGreaterThanOrEqualTo(EVENTS);
          Figures.record(
              String.format(
                  Locale.ROOT,
                  "outbox %s: %d events (published in %.1f s) delivered to a loopback webhook in %.1f s = %.0f events/s; %d events during a %d s outage: all delivered %.1f s after the receiver came back (default backoff 2 s doubling, cap 10 min, equal jitter)",
                  kind.name().toLowerCase(Locale.ROOT),
                  EVENTS,
                  published / 1e9,
                  seconds,
                  EVENTS / seconds,
                  OUTAGE_EVENTS,
                  OUTAGE_SECONDS,
                  recovery));
        }
      }
    }
  }
}
