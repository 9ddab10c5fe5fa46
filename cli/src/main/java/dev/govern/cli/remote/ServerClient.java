package dev.govern.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The CLI's side of the team server's API (the JDK's HTTP client; no server classes): the token
 * from {@code GOVERN_TOKEN} (or {@code token=} in config.properties), problem documents turned back
 * into govern errors with the server's code, message and hint, and retries of idempotent requests
 * when the server is unreachable or answers 502/503/504.
 */
public final class ServerClient {
  /** An answer: status, ETag, body. */
  public record Response(int status, String etag, byte[] body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw GovernException.runtime("the server's answer is not JSON: " + e.getMessage(), e);
      }
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final int attempts;

  ServerClient(URI base, String token, int attempts) {
    this.base = base;
    this.token = token;
    this.attempts = attempts;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A client for {@code url} ({@code --server}, {@code --push}, {@code --witness}). */
  public static ServerClient of(String url, Settings settings) {
    URI u;
    try {
      u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (URISyntaxException e) {
      throw GovernException.usage("not a server URL: \"" + url + "\" (expected http://host:8421)");
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
      throw GovernException.usage("not a server URL: \"" + url + "\" (expected http://host:8421)");
    }
    return new ServerClient(u, settings.get("token").orElse(null), 5);
  }

  public URI base() {
    return base;
  }

  public Response get(String path) {
    return send("GET", path, null, true);
  }

  /** A PUT; retried when the server is unreachable (safe: PUTs of the API are idempotent). */
  public Response put(String path, byte[] body, String... headers) {
    return send("PUT", path, body, true, headers);
  }

  /**
   * A PUT of a file's bytes ({@code application/octet-stream}), streamed from disk; retried like
   * {@link #put}.
   */
  public Response putFile(String path, java.nio.file.Path file) {
    return send("PUT", path, file, true);
  }

  /** A POST, retried only when {@code idempotent}. */
  public Response post(String path, byte[] body, boolean idempotent) {
    return send("POST", path, body, idempotent);
  }

  public static byte[] json(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response send(String method, String path, Object body, boolean retry, String... headers) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : body instanceof java.nio.file.Path file
                  ? HttpRequest.BodyPublishers.ofFile(file)
                  : HttpRequest.BodyPublishers.ofByteArray((byte[]) body);
    } catch (java.io.FileNotFoundException e) {
      throw GovernException.notFound("no such file: " + body, null);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMinutes(2))
            .header("Accept", "application/json")
            .method(method, publisher);
    if (body != null) {
      b.header(
          "Content-Type",
          body instanceof java.nio.file.Path ? "application/octet-stream" : "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpRequest req = b.build();
    long delay = 250;
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        int s = r.statusCode();
        if (retry && attempt < attempts && (s == 502 || s == 503 || s == 504)) {
          pause(delay);
          delay *= 2;
          continue;
        }
        if (s >= 400) {
          throw problem(method, path, s, r.body());
        }
        return new Response(s, r.headers().firstValue("ETag").orElse(null), r.body());
      } catch (IOException e) {
        if (!retry || attempt >= attempts) {
          throw new GovernException(
              ErrorCode.NETWORK,
              "cannot reach the govern server at " + base + ": " + why(e),
              "is 'govern serve' running there? (tried " + attempt + " times)",
              e);
        }
        pause(delay);
        delay *= 2;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw GovernException.runtime("interrupted while talking to " + base, e);
      }
    }
  }

  private GovernException problem(String method, String path, int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode p = MAPPER.readTree(text);
      String slug = p.path("code").asText("");
      ErrorCode code =
          codeOf(slug).orElse(status >= 500 ? ErrorCode.RUNTIME : ErrorCode.PRECONDITION);
      String detail = p.path("detail").asText("HTTP " + status);
      String hint = p.hasNonNull("hint") ? p.get("hint").asText() : null;
      if (code == ErrorCode.UNAUTHENTICATED && token == null) {
        hint = "set GOVERN_TOKEN to a token from 'govern server token create'";
      }
      return new GovernException(
          code, "the server refused " + method + " " + path + ": " + detail, hint);
    } catch (IOException e) {
      String first = text.lines().findFirst().orElse("");
      return new GovernException(
          status >= 500 ? ErrorCode.RUNTIME : ErrorCode.PRECONDITION,
          "the server answered "
              + method
              + " "
              + path
              + " with HTTP "
              + status
              + ": "
              + (first.length() > 160 ? first.substring(0, 160) + "…" : first));
    }
  }

  private static String why(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static Optional<ErrorCode> codeOf(String slug) {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.slug().equals(slug)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
