package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.version.GoVersion;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole 4,291-entry database through a loopback vuln.go.dev, compared with a direct read. */
@Tag("slow")
class FullRemoteSyncTest {
  @TempDir Path tmp;

  @Test
  void fullSyncOverHttpEqualsReadingTheOsvDirectory() throws Exception {
    // served straight from the test copy of the OSV files: index documents built once, entries
    // gzipped on
    // the fly, so the test does not write 4,291 files first
    Path osv = SharedVulnDb.osvDir();
    byte[] modules = VulnDbLayout.gzip(VulnDbLayout.modulesIndex(VulnDbLayout.sharedFiles("GO-")));
    byte[] db =
        VulnDbLayout.gzip(
            "{\"modified\":\"2026-08-21T10:00:00Z\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // without TCP_NODELAY every small response waits for the client's delayed ACK (~40 ms)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          byte[] body = null;
          if (path.equals("/index/db.json.gz")) {
            body = db;
          } else if (path.equals("/index/modules.json.gz")) {
            body = modules;
          } else if (path.matches("/ID/GO-[0-9]{4}-[0-9]{4}\\.json\\.gz")) {
            Path f = osv.resolve(path.substring(4, path.length() - 3));
            body = Files.isRegularFile(f) ? VulnDbLayout.gzip(Files.readAllBytes(f)) : null;
          }
          boolean ok = body != null;
          ex.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
          try (OutputStream o = ex.getResponseBody()) {
            if (ok) {
              o.write(body);
            }
          }
        });
    server.setExecutor(pool);
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      VulnDbLoader loader =
          new VulnDbLoader(
              new UrlFetcher(Duration.ofSeconds(30)),
              new DocumentCache(tmp.resolve("cache")),
              Clock.systemUTC());
      long t0 = System.nanoTime();
      LoadedVulnDb remote = loader.load(url, false);
      long syncMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println(
          "full sync of " + remote.database().size() + " entries: " + syncMs + " ms");
      VulnDatabase local = SharedVulnDb.get();
      assertThat(remote.database().size()).isEqualTo(4291);
      assertThat(remote.database().entries())
          .extracting(OsvEntry::id)
          .containsExactlyElementsOf(local.entries().stream().map(OsvEntry::id).toList());
      for (String v : List.of("go1.21.3", "go1.9.2", "go1.26.2")) {
        assertThat(new VulnMatcher(remote.database()).go(GoVersion.parse(v)).ids())
            .isEqualTo(new VulnMatcher(local).go(GoVersion.parse(v)).ids());
      }
      LoadedVulnDb offline = loader.load(url, true);
      assertThat(offline.database().size()).isEqualTo(4291);
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
