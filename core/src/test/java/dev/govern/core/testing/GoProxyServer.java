package dev.govern.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Go module proxy on 127.0.0.1 serving a folder in the GOPROXY layout (a module cache's {@code
 * cache/download}), streaming files from disk. Like proxy.golang.org it proxies a checksum database
 * whose files it holds: {@code /sumdb/<name>/supported} answers 200 when {@code sumdb/<name>/}
 * exists. Tests can replace any path's answer (tampered bytes, an HTTP status) and read the request
 * log.
 */
public final class GoProxyServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String requiredAuthorization;

  public GoProxyServer(Path root) throws IOException {
    this.root = root;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The proxy's URL, for GOPROXY. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code path} (no leading slash) with {@code body} instead of the file. */
  public GoProxyServer replace(String path, byte[] body) {
    bodies.put("/" + path, body);
    return this;
  }

  /**
   * Answers {@code path} (no leading slash; a prefix ending in {@code *} matches) with a status.
   */
  public GoProxyServer status(String path, int status) {
    statuses.put("/" + path, status);
    return this;
  }

  /** Requests without this {@code Authorization} header get 401. */
  public GoProxyServer requireAuthorization(String header) {
    this.requiredAuthorization = header;
    return this;
  }

  /** Every request path, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public long count(String pathPart) {
    return requests.stream().filter(r -> r.contains(pathPart)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      requests.add(path);
      String auth = requiredAuthorization;
      if (auth != null && !auth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "unauthorized");
        return;
      }
      Integer st = statuses.get(path);
      if (st == null) {
        for (Map.Entry<String, Integer> e : statuses.entrySet()) {
          if (e.getKey().endsWith("*")
              && path.startsWith(e.getKey().substring(0, e.getKey().length() - 1))) {
            st = e.getValue();
          }
        }
      }
      if (st != null) {
        send(ex, st, "status " + st);
        return;
      }
      byte[] body = bodies.get(path);
      if (body != null) {
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        return;
      }
      if (path.startsWith("/sumdb/") && path.endsWith("/supported")) {
        String name = path.substring("/sumdb/".length(), path.length() - "/supported".length());
        if (Files.isDirectory(root.resolve("sumdb").resolve(name))) {
          send(ex, 200, "");
        } else {
          send(ex, 404, "not found");
        }
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        send(ex, 404, "not found: " + path);
        return;
      }
      ex.sendResponseHeaders(200, Files.size(file));
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = ex.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
