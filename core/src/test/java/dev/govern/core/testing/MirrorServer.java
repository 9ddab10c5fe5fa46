package dev.govern.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A release mirror on 127.0.0.1: serves {@code /index.json} and archives from memory, honours
 * {@code Range}, records every request, and can cut a connection after a number of body bytes.
 */
public final class MirrorServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger cutsLeft = new AtomicInteger();
  private volatile long cutAfter = -1;
  private final AtomicInteger stallsLeft = new AtomicInteger();
  private volatile long stallAfter = -1;
  private final java.util.concurrent.CountDownLatch released =
      new java.util.concurrent.CountDownLatch(1);

  private volatile int failStatus;

  public MirrorServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public MirrorServer put(String path, byte[] data) {
    files.put("/" + path, data);
    return this;
  }

  /** Every request as {@code GET /path [range]}, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public long countRequests(String path) {
    return requests.stream().filter(r -> r.startsWith("GET /" + path)).count();
  }

  /** The next {@code times} responses close the connection after {@code bytes} body bytes. */
  public void cutAfter(long bytes, int times) {
    cutAfter = bytes;
    cutsLeft.set(times);
  }

  /** The next {@code times} responses send {@code bytes} body bytes, then nothing until close. */
  public void stallAfter(long bytes, int times) {
    stallAfter = bytes;
    stallsLeft.set(times);
  }

  /** Every later request is answered with this HTTP status (0: serve normally again). */
  public MirrorServer failWith(int status) {
    failStatus = status;
    return this;
  }

  /** A loopback URL where nothing listens: connecting is refused. */
  public static String refusingBase() throws IOException {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return "http://127.0.0.1:" + port;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(ex.getRequestMethod() + " " + path + (range == null ? "" : " " + range));
    if (failStatus != 0) {
      byte[] msg = "unavailable".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(failStatus, msg.length);
      ex.getResponseBody().write(msg);
      ex.close();
      return;
    }
    byte[] data = files.get(path);
    if (data == null) {
      byte[] msg = "not found".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(404, msg.length);
      ex.getResponseBody().write(msg);
      ex.close();
      return;
    }
    int from = 0;
    if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
      from = Integer.parseInt(range.substring(6, range.length() - 1));
      if (from >= data.length) {
        ex.sendResponseHeaders(416, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
      ex.sendResponseHeaders(206, data.length - from);
    } else {
      ex.sendResponseHeaders(200, data.length);
    }
    OutputStream body = ex.getResponseBody();
    long stall = stallAfter;
    if (stall >= 0 && stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      body.write(data, from, (int) Math.min(stall, data.length - from));
      body.flush();
      try {
        released.await(); // hold the connection open, sending nothing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("test stalled the connection");
    }
    long cut = cutAfter;
    if (cut >= 0 && cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      body.write(data, from, (int) Math.min(cut, data.length - from));
      body.flush();
      // drop the connection without finishing the body: the server closes the socket of a
      // handler that throws
      throw new IOException("test cut the connection");
    }
    body.write(data, from, data.length - from);
    ex.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
