package dev.govern.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.testing.IndexJson;
import dev.govern.core.testing.MirrorServer;
import dev.govern.core.version.GoVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Newer releases from the download index, served on 127.0.0.1, merged into the carried table. */
class CurrentReleasesTest {
  private static final LocalDate TABLE = ReleaseHistory.builtInAsOf();
  private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

  @TempDir Path tmp;
  private MirrorServer server;

  @BeforeEach
  void serve() throws Exception {
    server = new MirrorServer();
    server.put(
        "index.json",
        new IndexJson()
            .release("go1.28rc1", false, new byte[] {1})
            .release("go1.27.4", true, new byte[] {1})
            .release("go1.27.0", true, new byte[] {1})
            .release("go1.26.7", true, new byte[] {1})
            .bytes());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CurrentReleases.Loaded load(Instant now, LocalDate day, String base, boolean offline) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    DocumentCache cache = new DocumentCache(tmp.resolve("cache"));
    ReleaseSources sources =
        new ReleaseSources(
            URI.create(base + "index.json"), base, offline, ReleaseSources.DEFAULT_MAX_AGE);
    return new CurrentReleases(
            new ReleaseIndexLoader(cache, new UrlFetcher(), clock), cache.dir(), clock)
        .load(ReleaseHistory.builtIn(), TABLE, day, sources);
  }

  @Test
  void theCarriedTableWasTakenOnTheDayOfItsNewestFacts() {
    assertThat(TABLE).isEqualTo(LocalDate.parse("2026-08-21"));
    assertThat(ReleaseHistory.builtIn().newest().orElseThrow().date().orElseThrow())
        .isBeforeOrEqualTo(TABLE);
  }

  @Test
  void aDayTheTableCoversNeedsNoIndex() {
    CurrentReleases.Loaded l = load(NOW, TABLE, server.base(), false);
    assertThat(l.added()).isEmpty();
    assertThat(l.index()).isEmpty();
    assertThat(l.warnings()).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void newerStableReleasesAreAddedDatedWhenFirstSeen() {
    CurrentReleases.Loaded l = load(NOW, LocalDate.parse("2026-12-05"), server.base(), false);
    assertThat(l.warnings()).isEmpty();
    assertThat(l.added())
        .extracting(f -> f.version().toString())
        .containsExactly("go1.27.4"); // not the rc, not what the table has
    assertThat(l.added().get(0).date()).contains(LocalDate.parse("2026-12-05"));
    assertThat(l.history().newest().orElseThrow().version()).isEqualTo(GoVersion.parse("go1.27.4"));
    assertThat(l.history().line(GoVersion.parse("1.27")).orElseThrow().patchReleases())
        .isEqualTo(1);

    // a day later the cached index is stale and fetched again: the date stays the first seen
    Instant later = NOW.plus(Duration.ofDays(1));
    CurrentReleases.Loaded again = load(later, LocalDate.parse("2026-12-06"), server.base(), false);
    assertThat(server.countRequests("index.json")).isEqualTo(2);
    assertThat(again.added().get(0).date()).contains(LocalDate.parse("2026-12-05"));
  }

  @Test
  void offlineUsesTheCachedIndexAndNeverTheNetwork() {
    load(NOW, LocalDate.parse("2026-12-05"), server.base(), false);
    CurrentReleases.Loaded l =
        load(NOW.plus(Duration.ofDays(3)), LocalDate.parse("2026-12-08"), server.base(), true);
    assertThat(server.requests()).hasSize(1); // the first, online load only
    assertThat(l.added()).extracting(f -> f.version().toString()).containsExactly("go1.27.4");
    assertThat(l.warnings()).anyMatch(w -> w.contains("3d old"));
  }

  @Test
  void offlineWithoutACachedIndexWarnsWithTheTablesDateAndAge() {
    CurrentReleases.Loaded l = load(NOW, LocalDate.parse("2026-12-05"), server.base(), true);
    assertThat(l.history().all()).isEqualTo(ReleaseHistory.builtIn().all());
    assertThat(l.warnings())
        .containsExactly(
            "no cached download index (offline); using the carried release table of 2026-08-21 (106 days old)");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aRefusedConnectionFallsBackToTheCarriedTableWithOneWarning() throws Exception {
    String base = MirrorServer.refusingBase() + "/";
    CurrentReleases.Loaded l = load(NOW, LocalDate.parse("2026-12-05"), base, false);
    assertThat(l.added()).isEmpty();
    assertThat(l.warnings())
        .containsExactly(
            "cannot reach "
                + base
                + "index.json (connection refused); using the carried release table of 2026-08-21"
                + " (106 days old); --mirror BASE or --offline to choose");
  }

  @Test
  void aServerErrorFallsBackToTheCachedIndexWithItsAge() {
    load(NOW, LocalDate.parse("2026-12-05"), server.base(), false);
    server.failWith(503);
    CurrentReleases.Loaded l =
        load(NOW.plus(Duration.ofHours(5)), LocalDate.parse("2026-12-05"), server.base(), false);
    assertThat(l.added()).extracting(f -> f.version().toString()).containsExactly("go1.27.4");
    assertThat(l.warnings()).singleElement().asString().contains("HTTP 503", "cached 5h ago");
    assertThat(l.index()).contains(server.base() + "index.json");
  }
}
