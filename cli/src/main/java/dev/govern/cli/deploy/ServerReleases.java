package dev.govern.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.remote.ServerClient;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releases on the team server ({@code --server URL}): {@code release record} sends the binary
 * ({@code PUT /api/v1/blobs/<sha256>}) and then the record ({@code PUT
 * /api/v1/releases/<service>/<id>}); {@code list} and {@code show} read them back. Every record the
 * server returns is checked as core reads a store's records.
 */
final class ServerReleases implements ReleaseSource {
  /** What a push did. */
  record Pushed(String server, boolean binaryCreated, boolean created, long ledgerSeq) {}

  /** The server's check of its stored binary. */
  record Checked(boolean verified, String storedSha256) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerClient client;

  private ServerReleases(ServerClient client) {
    this.client = client;
  }

  /** A client for {@code url}; a usage error for a bad URL (before anything else runs). */
  static ServerReleases of(String url, Settings settings) {
    return new ServerReleases(ServerClient.of(url, settings));
  }

  String url() {
    return client.base().toString();
  }

  /**
   * Sends a recorded release: first its record, which the server refuses with 404 while it does not
   * hold the binary; then the stored binary (hashed again before it leaves) and the record again. A
   * release the server already holds costs one small request, and a token that may not record is
   * refused before any upload (a server that refuses a large body before reading it closes the
   * connection under the client's feet). Every request is idempotent, so running the command again
   * after a failure converges.
   */
  Pushed push(
      ReleaseStore store,
      Release r,
      String reason,
      boolean allowModified,
      boolean allowNoBuildInfo) {
    Path binary = store.verify(r);
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      body.put("release", JSON.readTree(r.toJson()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (reason != null) {
      body.put("reason", reason);
    }
    body.put("allowModified", allowModified);
    body.put("allowNoBuildInfo", allowNoBuildInfo);
    byte[] json = ServerClient.json(body);
    boolean binaryCreated = false;
    JsonNode n;
    try {
      n = client.put(path(r), json).json();
    } catch (GovernException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
      binaryCreated =
          client.putFile("/api/v1/blobs/" + r.sha256(), binary).json().path("created").asBoolean();
      n = client.put(path(r), json).json();
    }
    return new Pushed(
        url(), binaryCreated, n.path("created").asBoolean(), n.at("/stored/ledgerSeq").asLong());
  }

  @Override
  public List<Release> releases(ServiceName service) {
    String p = "/api/v1/releases/" + service;
    List<Release> out = new ArrayList<>();
    for (JsonNode v : client.get(p).json().path("releases")) {
      out.add(release(v, p));
    }
    out.sort(Comparator.comparing(Release::recordedInstant).thenComparing(Release::id));
    return out;
  }

  @Override
  public List<Release> all() {
    List<Release> out = new ArrayList<>();
    String after = null;
    do {
      String p =
          "/api/v1/releases?limit=5000"
              + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
      JsonNode page = client.get(p).json();
      for (JsonNode v : page.path("releases")) {
        out.add(release(v, "/api/v1/releases"));
      }
      after = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (after != null);
    return out;
  }

  /** Has the server hash its stored binary of {@code r}. */
  Checked check(Release r) {
    JsonNode n = client.get(path(r)).json();
    return new Checked(n.path("verified").asBoolean(), n.path("storedSha256").asText(""));
  }

  /** The URL of the stored binary. */
  String binaryUrl(Release r) {
    return url() + "/api/v1/blobs/" + r.sha256();
  }

  /** Exit 4 when the server's copy no longer has the recorded SHA-256. */
  void verify(Release r) {
    Checked c = check(r);
    if (!c.verified()) {
      throw new GovernException(
          ErrorCode.CHECK_FAILED,
          "release "
              + r.id()
              + " of "
              + r.service()
              + ": the binary the server "
              + url()
              + " stores has SHA-256 "
              + c.storedSha256()
              + ", not the recorded "
              + r.sha256()
              + ": tampering, refused",
          "record the binary again from a trusted build and push that");
    }
  }

  private static String path(Release r) {
    return "/api/v1/releases/" + r.service() + "/" + r.id();
  }

  private Release release(JsonNode view, String where) {
    JsonNode rec = view.path("release");
    try {
      return Release.parse(JSON.writeValueAsBytes(rec), url() + where);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
