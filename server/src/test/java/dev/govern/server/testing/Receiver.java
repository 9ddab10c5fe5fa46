package dev.govern.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP receiver on loopback (the JDK's server) for notification tests: it records every
 * request and answers with the status its {@code answer} function chooses.
 */
public final class Receiver implements AutoCloseable {
  /** One request as received. */
  public record Hit(String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  private Receiver(HttpServer server) {
    this.server = server;
  }

  /** Starts on {@code port} (0: any free one); {@code answer} gets the hit and its number (1…). */
  public static Receiver start(
      int port, java.util.function.BiFunction<Hit, Integer, Integer> answer) {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      Receiver r = new Receiver(s);
      s.createContext("/", ex -> r.handle(ex, answer));
      s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
      s.start();
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Receiver ok(int port) {
    return start(port, (h, n) -> 200);
  }

  public static Receiver answering(Function<Hit, Integer> f) {
    return start(0, (h, n) -> f.apply(h));
  }

  private void handle(HttpExchange ex, java.util.function.BiFunction<Hit, Integer, Integer> answer)
      throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    Hit h =
        new Hit(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            Map.copyOf(ex.getRequestHeaders()),
            body);
    int status = answer.apply(h, count.incrementAndGet());
    if (status / 100 == 2) {
      hits.add(h);
    }
    byte[] out = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The requests answered with 2xx. */
  public List<Hit> accepted() {
    return List.copyOf(hits);
  }

  /** Every request received. */
  public int received() {
    return count.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
