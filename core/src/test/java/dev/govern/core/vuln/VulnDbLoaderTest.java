package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote database through a real HTTP server on 127.0.0.1, and the cache behind it. */
class VulnDbLoaderTest {
  static {
    // without TCP_NODELAY every small response waits for the client's delayed ACK (~40 ms); read
    // once per JVM when the first server starts
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String DB_MODIFIED = "2026-08-21T10:00:00Z";

  @TempDir Path tmp;
  private Path site;
  private HttpServer server;
  private final java.util.concurrent.ExecutorService pool =
      java.util.concurrent.Executors.newFixedThreadPool(4);
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean down;
  private volatile boolean noGzip;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-08-22T08:00:00Z"));
  private String url;
  private VulnDbLoader loader;
  private int entries;

  @BeforeEach
  void serveLayout() throws IOException {
    site = tmp.resolve("site");
    List<Path> files = VulnDbLayout.sharedFiles("GO-2020-");
    entries = files.size();
    VulnDbLayout.write(files, site, DB_MODIFIED, null, false);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/db/",
        ex -> {
          String path = ex.getRequestURI().getPath().substring("/db/".length());
          requests.add(path);
          Path f = site.resolve(path).normalize();
          byte[] body;
          int status;
          if (down) {
            status = 503;
            body = "unavailable".getBytes(StandardCharsets.UTF_8);
          } else if (!f.startsWith(site)
              || !Files.isRegularFile(f)
              || (noGzip && path.endsWith(".gz"))) {
            status = 404;
            body = "not found".getBytes(StandardCharsets.UTF_8);
          } else {
            status = 200;
            body = Files.readAllBytes(f);
          }
          ex.sendResponseHeaders(status, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    server.setExecutor(pool);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/db";
    loader =
        new VulnDbLoader(
            new UrlFetcher(Duration.ofSeconds(20)), new DocumentCache(tmp.resolve("cache")), clock);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  @Test
  void remoteDatabaseIsMirroredIntoTheCacheWithItsModifiedTime() {
    LoadedVulnDb db = loader.load(url, false);
    assertThat(db.database().size()).isEqualTo(entries);
    assertThat(db.database().modified()).contains(Instant.parse(DB_MODIFIED));
    assertThat(db.fetched()).contains(clock.instant());
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.REMOTE);
    assertThat(db.warnings()).isEmpty();
    assertThat(requests)
        .contains("index/db.json.gz", "index/modules.json.gz", "ID/GO-2020-0001.json.gz");
    assertThat(requests.stream().filter(r -> r.startsWith("ID/")).count()).isEqualTo(entries);
    DocumentCache.Entry cached =
        new DocumentCache(tmp.resolve("cache"))
            .get(RemoteVulnDb.cacheName(java.net.URI.create(url)))
            .orElseThrow();
    assertThat(cached.modified()).contains(Instant.parse(DB_MODIFIED));
    assertThat(cached.source()).isEqualTo(url);
  }

  @Test
  void freshCacheIsUsedWithoutTouchingTheNetwork() {
    loader.load(url, false);
    requests.clear();
    clock.advance(Duration.ofMinutes(30));
    LoadedVulnDb again = loader.load(url, false);
    assertThat(requests).isEmpty();
    assertThat(again.database().size()).isEqualTo(entries);
  }

  @Test
  void unchangedDatabaseCostsOneSmallRequestAndRenewsTheFetchTime() {
    loader.load(url, false);
    requests.clear();
    clock.advance(Duration.ofHours(2));
    LoadedVulnDb again = loader.load(url, false);
    assertThat(requests).containsExactly("index/db.json.gz");
    assertThat(again.fetched()).contains(clock.instant());
  }

  @Test
  void onlyChangedEntriesAreDownloadedAgain() throws IOException {
    loader.load(url, false);
    List<Path> files = VulnDbLayout.sharedFiles("GO-2020-");
    // the service changes one entry: new modified time in the entry, the index and db.json
    Path one = files.get(3);
    Path other = tmp.resolve("one");
    Files.createDirectories(other);
    VulnDbLayout.write(List.of(one), other, "2026-08-23T00:00:00Z", "2026-08-23T00:00:00Z", false);
    String id = one.getFileName().toString().replace(".json", "");
    Files.copy(
        other.resolve("ID/" + id + ".json.gz"),
        site.resolve("ID/" + id + ".json.gz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    VulnDbLayout.write(files, tmp.resolve("rebuilt"), "2026-08-23T00:00:00Z", null, false);
    String modules =
        Files.readString(tmp.resolve("rebuilt/index/modules.json"))
            .replaceFirst(
                "(\"id\":\"" + id + "\",\"modified\":\")[^\"]*", "$12026-08-23T00:00:00Z");
    write(site.resolve("index/modules.json.gz"), modules);
    write(site.resolve("index/db.json.gz"), "{\"modified\":\"2026-08-23T00:00:00Z\"}");
    requests.clear();
    clock.advance(Duration.ofHours(2));
    LoadedVulnDb again = loader.load(url, false);
    assertThat(requests)
        .containsExactly("index/db.json.gz", "index/modules.json.gz", "ID/" + id + ".json.gz");
    assertThat(again.database().size()).isEqualTo(entries);
    assertThat(again.database().modified()).contains(Instant.parse("2026-08-23T00:00:00Z"));
    assertThat(again.database().entry(id).orElseThrow().modified())
        .contains(Instant.parse("2026-08-23T00:00:00Z"));
  }

  @Test
  void plainJsonIsFetchedWhenTheServerHasNoGzip() {
    noGzip = true;
    LoadedVulnDb db = loader.load(url, false);
    assertThat(db.database().size()).isEqualTo(entries);
    assertThat(requests).contains("index/db.json.gz", "index/db.json", "ID/GO-2020-0001.json");
  }

  @Test
  void offlineWithoutACachedCopyUsesTheEmbeddedSnapshotWithItsDateAndAge() {
    EmbeddedVulnDb e = EmbeddedVulnDb.builtIn().orElseThrow();
    LoadedVulnDb db = loader.load(url, true);
    assertThat(requests).isEmpty();
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.EMBEDDED);
    assertThat(db.source()).isEqualTo("embedded (" + e.snapshot() + ")");
    assertThat(db.database().size()).isEqualTo(SharedVulnDb.get().size());
    assertThat(db.warnings())
        .containsExactly(
            "using the embedded database of "
                + e.snapshot()
                + " (1 day old) instead of "
                + url
                + "; offline");
  }

  @Test
  void offlineWithoutACachedCopyOrAnEmbeddedOneFailsWithAHint() {
    VulnDbLoader bare =
        new VulnDbLoader(
            new UrlFetcher(Duration.ofSeconds(20)),
            new DocumentCache(tmp.resolve("cache")),
            clock,
            java.util.Optional.empty());
    assertThatThrownBy(() -> bare.load(url, true))
        .isInstanceOfSatisfying(
            GovernException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION);
              assertThat(e.hint()).isPresent();
            });
    assertThat(requests).isEmpty();
  }

  @Test
  void theEmbeddedSnapshotCanBeNamedAsTheSource() {
    LoadedVulnDb db = loader.load("embedded", false);
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.EMBEDDED);
    assertThat(db.warnings()).isEmpty();
    assertThat(requests).isEmpty();
  }

  @Test
  void offlineUsesAnOldCopyWithAWarningShowingItsAge() {
    loader.load(url, false);
    requests.clear();
    clock.advance(Duration.ofDays(3));
    LoadedVulnDb db = loader.load(url, true);
    assertThat(requests).isEmpty();
    assertThat(db.warnings()).singleElement().asString().contains("3 days ago").contains("offline");
  }

  @Test
  void unreachableServerFallsBackToTheCachedCopyWithAWarning() {
    loader.load(url, false);
    down = true;
    clock.advance(Duration.ofHours(5));
    LoadedVulnDb db = loader.load(url, false);
    assertThat(db.database().size()).isEqualTo(entries);
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.REMOTE);
    assertThat(db.warnings())
        .containsExactly(
            "cannot reach "
                + url
                + " (HTTP 503); using the copy cached 5 hours ago (2026-08-22T08:00:00Z, database"
                + " modified 2026-08-21T10:00:00Z); --vulndb DIR or --offline to choose");
  }

  @Test
  void anOlderCachedCopyLosesToTheNewerEmbeddedSnapshot() throws IOException {
    // a server whose database is from January, cached; then the server goes away
    Files.writeString(site.resolve("index/db.json"), "{\"modified\":\"2026-01-05T00:00:00Z\"}");
    write(site.resolve("index/db.json.gz"), "{\"modified\":\"2026-01-05T00:00:00Z\"}");
    loader.load(url, false);
    down = true;
    clock.advance(Duration.ofHours(2));
    LoadedVulnDb db = loader.load(url, false);
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.EMBEDDED);
    assertThat(db.warnings())
        .singleElement()
        .asString()
        .startsWith("cannot reach " + url + " (HTTP 503); using the embedded database of ");
  }

  @Test
  void unreachableServerWithoutACachedCopyUsesTheEmbeddedSnapshot() {
    down = true;
    LoadedVulnDb db = loader.load(url, false);
    EmbeddedVulnDb e = EmbeddedVulnDb.builtIn().orElseThrow();
    assertThat(db.kind()).isEqualTo(VulnDbSource.Kind.EMBEDDED);
    assertThat(db.warnings())
        .containsExactly(
            "cannot reach "
                + url
                + " (HTTP 503); using the embedded database of "
                + e.snapshot()
                + " (1 day old); --vulndb DIR or --offline to choose");
  }

  @Test
  void aRefusedConnectionSaysSo() throws IOException {
    String refusing = dev.govern.core.testing.MirrorServer.refusingBase();
    LoadedVulnDb db = loader.load(refusing, false);
    assertThat(db.warnings())
        .singleElement()
        .asString()
        .startsWith("cannot reach " + refusing + " (connection refused); using the embedded");
  }

  @Test
  void unreachableServerWithoutAnyFallbackIsANetworkError() {
    down = true;
    VulnDbLoader bare =
        new VulnDbLoader(
            new UrlFetcher(Duration.ofSeconds(20)),
            new DocumentCache(tmp.resolve("cache")),
            clock,
            java.util.Optional.empty());
    assertThatThrownBy(() -> bare.load(url, false))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
  }

  @Test
  void realPublishedAndModifiedTimesAreAccepted() throws IOException {
    Path dir = tmp.resolve("stamped");
    VulnDbLayout.write(
        VulnDbLayout.sharedFiles("GO-2020-"),
        dir,
        DB_MODIFIED,
        "2024-05-20T16:03:47.123456Z",
        true);
    VulnDatabase db = LocalVulnDbReader.readDirectory(dir);
    OsvEntry e = db.entries().get(0);
    assertThat(e.published()).contains(Instant.parse("2024-05-20T16:03:47.123456Z"));
    assertThat(e.modified()).contains(Instant.parse("2024-05-20T16:03:47.123456Z"));
    assertThat(db.modified()).contains(Instant.parse(DB_MODIFIED));
  }

  @Test
  void zeroTimesAreReadAsUnknownAndRealOnesAsTimes() {
    // the repository snapshot: modified is always the zero time, published sometimes real
    VulnDatabase db = LocalVulnDbReader.readDirectory(site);
    assertThat(db.entries()).allMatch(e -> e.modified().isEmpty());
    assertThat(db.entry("GO-2020-0001").orElseThrow().published())
        .contains(Instant.parse("2021-04-14T20:04:52Z"));
    assertThat(SharedVulnDb.get().entry("GO-2023-2185").orElseThrow().published()).isEmpty();
  }

  private static void write(Path gz, String json) throws IOException {
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
