package dev.govern.core.net;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens {@code http://}, {@code https://} and {@code file://} URLs (and plain paths) as streams.
 * Every failure names the URL. The HTTP client is created on first use only.
 */
public final class UrlFetcher {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  private final Duration requestTimeout;
  private final Credentials credentials;
  private HttpClient client;

  public UrlFetcher() {
    this(Duration.ofMinutes(30));
  }

  public UrlFetcher(Duration requestTimeout) {
    this(requestTimeout, Credentials.NONE);
  }

  private UrlFetcher(Duration requestTimeout, Credentials credentials) {
    this.requestTimeout = requestTimeout;
    this.credentials = credentials;
  }

  /** Headers to send with HTTP requests (credentials), and a second chance after a 4xx answer. */
  public interface Credentials {
    Credentials NONE = uri -> Map.of();

    /** Headers for a request to {@code uri}. */
    Map<String, List<String>> headers(URI uri);

    /**
     * Headers for one more try after the server answered {@code status} (400–499) to {@code uri};
     * empty for no retry.
     */
    default Optional<Map<String, List<String>>> retry(
        URI uri, int status, Map<String, List<String>> responseHeaders) {
      return Optional.empty();
    }
  }

  /** This fetcher sending {@code credentials}' headers. */
  public UrlFetcher withCredentials(Credentials credentials) {
    return new UrlFetcher(requestTimeout, credentials);
  }

  /** A response body and what is known of its length (-1 when unknown). */
  public record Body(InputStream stream, long length) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  /** Parses a URL or a local path into a URI (a path becomes {@code file://}). */
  public static URI toUri(String urlOrPath) {
    if (urlOrPath.matches("(?i)(https?|file):.*")) {
      return URI.create(urlOrPath);
    }
    return Path.of(urlOrPath).toAbsolutePath().toUri();
  }

  /** Resolves {@code name} under a base URL, adding the missing slash. */
  public static URI resolve(String base, String name) {
    String b = base.endsWith("/") ? base : base + "/";
    return toUri(b).resolve(name);
  }

  /** Opens the whole resource. */
  public Body open(URI uri) {
    return open(uri, 0);
  }

  /**
   * Opens the resource from byte {@code offset} (an HTTP Range request). When the server ignores
   * the range the body starts at 0 and {@link Body#length()} is the full length: callers compare.
   */
  public Body open(URI uri, long offset) {
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase();
    try {
      if (scheme.equals("file")) {
        Path p = Path.of(uri);
        InputStream in = Files.newInputStream(p);
        long size = Files.size(p);
        in.skipNBytes(Math.min(offset, size));
        return new Body(in, size - Math.min(offset, size));
      }
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw GovernException.usage(
            "unsupported URL scheme in " + uri + " (use http, https or file)");
      }
      HttpResponse<InputStream> resp = send(uri, offset, credentials.headers(uri));
      int status = resp.statusCode();
      if (status >= 400 && status < 500) {
        Optional<Map<String, List<String>>> again =
            credentials.retry(uri, status, resp.headers().map());
        if (again.isPresent()) {
          resp.body().close();
          resp = send(uri, offset, again.get());
          status = resp.statusCode();
        }
      }
      if (status == 404 || status == 410) {
        resp.body().close();
        throw GovernException.notFound("not found: " + uri + " (HTTP " + status + ")", null);
      }
      if (status != 200 && status != 206) {
        resp.body().close();
        throw new GovernException(ErrorCode.NETWORK, "GET " + uri + " failed: HTTP " + status);
      }
      long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (offset > 0 && status == 200) {
        // server ignored the range: caller gets the whole body
        return new Body(new StartsAtZero(resp.body()), length);
      }
      return new Body(resp.body(), length);
    } catch (NoSuchFileException e) {
      throw GovernException.notFound("not found: " + uri, null);
    } catch (IOException e) {
      throw new GovernException(ErrorCode.NETWORK, "cannot fetch " + uri + ": " + e, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GovernException(ErrorCode.NETWORK, "interrupted while fetching " + uri);
    }
  }

  /**
   * Sends a GET. With credentials, redirects are followed here (at most 10), each hop with the
   * credentials of its own URL, so that a redirect never carries them to another host.
   */
  private HttpResponse<InputStream> send(URI uri, long offset, Map<String, List<String>> headers)
      throws IOException, InterruptedException {
    URI at = uri;
    Map<String, List<String>> h = headers;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(at).timeout(requestTimeout).header("User-Agent", "govern");
      if (offset > 0) {
        req.header("Range", "bytes=" + offset + "-");
      }
      h.forEach((k, vs) -> vs.forEach(v -> req.header(k, v)));
      if (headers.isEmpty()) {
        return client().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      }
      HttpResponse<InputStream> resp =
          noRedirects().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = resp.statusCode();
      Optional<String> location = resp.headers().firstValue("Location");
      if (status < 300 || status > 399 || location.isEmpty() || status == 304) {
        return resp;
      }
      resp.body().close();
      if (hop >= 10) {
        throw new IOException("more than 10 redirects from " + uri);
      }
      URI next = at.resolve(location.get());
      if (at.getScheme().equalsIgnoreCase("https") && !"https".equalsIgnoreCase(next.getScheme())) {
        throw new IOException("refusing a redirect from https to " + next.getScheme());
      }
      at = next;
      h = credentials.headers(at);
    }
  }

  private HttpClient noRedirects;

  private synchronized HttpClient noRedirects() {
    if (noRedirects == null) {
      noRedirects =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return noRedirects;
  }

  /** Reads a whole (small) resource into memory, refusing more than {@code maxBytes}. */
  public byte[] readAll(URI uri, long maxBytes) {
    try (Body b = open(uri)) {
      byte[] data = b.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (data.length > maxBytes) {
        throw GovernException.invalidInput(uri + " is larger than " + maxBytes + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new GovernException(ErrorCode.NETWORK, "cannot read " + uri + ": " + e, null, e);
    }
  }

  /** Marker stream: the server answered 200 to a range request, so the data starts at byte 0. */
  public static final class StartsAtZero extends java.io.FilterInputStream {
    StartsAtZero(InputStream in) {
      super(in);
    }
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }
}
