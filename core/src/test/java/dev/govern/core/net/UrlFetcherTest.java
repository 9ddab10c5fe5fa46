package dev.govern.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlFetcherTest {
  @TempDir Path tmp;
  private HttpServer server;
  private String base;
  private final byte[] body = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/data",
        ex -> {
          String range = ex.getRequestHeaders().getFirst("Range");
          int from = range == null ? 0 : Integer.parseInt(range.replaceAll("\\D+(\\d+)-.*", "$1"));
          ex.sendResponseHeaders(range == null ? 200 : 206, body.length - from);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body, from, body.length - from);
          }
        });
    server.createContext(
        "/broken",
        ex -> {
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsHttpAndResumesWithARange() throws Exception {
    UrlFetcher f = new UrlFetcher();
    assertThat(f.readAll(URI.create(base + "/data"), 100)).isEqualTo(body);
    try (UrlFetcher.Body b = f.open(URI.create(base + "/data"), 10)) {
      assertThat(new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("abcdef");
      assertThat(b.length()).isEqualTo(6);
    }
  }

  @Test
  void notFoundAndServerErrorsNameTheUrl() {
    UrlFetcher f = new UrlFetcher();
    assertThatThrownBy(() -> f.readAll(URI.create(base + "/missing"), 100))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining(base + "/missing")
        .satisfies(e -> assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> f.readAll(URI.create(base + "/broken"), 100))
        .hasMessageContaining("HTTP 500")
        .satisfies(e -> assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.NETWORK));
  }

  @Test
  void readsFileUrlsAndPlainPathsAndRefusesOversizedDocuments() throws Exception {
    Path p = tmp.resolve("doc.json");
    Files.write(p, body);
    UrlFetcher f = new UrlFetcher();
    assertThat(f.readAll(UrlFetcher.toUri(p.toString()), 100)).isEqualTo(body);
    assertThat(f.readAll(p.toUri(), 100)).isEqualTo(body);
    assertThatThrownBy(() -> f.readAll(p.toUri(), 4)).hasMessageContaining("larger than 4 bytes");
    assertThatThrownBy(() -> f.readAll(tmp.resolve("nope").toUri(), 4))
        .satisfies(e -> assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void resolvesNamesUnderABaseWithOrWithoutSlash() {
    assertThat(UrlFetcher.resolve("http://h/m", "index.json")).hasToString("http://h/m/index.json");
    assertThat(UrlFetcher.resolve("http://h/m/", "a.tgz")).hasToString("http://h/m/a.tgz");
  }

  @Test
  void documentCacheKeepsDataWithItsTimes() {
    DocumentCache cache = new DocumentCache(tmp.resolve("cache"));
    Instant fetched = Instant.parse("2026-01-02T03:04:05Z");
    Instant modified = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(cache.get("index.json")).isEmpty();
    cache.put("index.json", base + "/x?a=b:c", body, fetched, modified);
    DocumentCache.Entry e = cache.get("index.json").orElseThrow();
    assertThat(e.source()).isEqualTo(base + "/x?a=b:c");
    assertThat(e.fetched()).isEqualTo(fetched);
    assertThat(e.modified()).contains(modified);
    assertThat(e.age(fetched.plusSeconds(60)).toSeconds()).isEqualTo(60);
  }
}
