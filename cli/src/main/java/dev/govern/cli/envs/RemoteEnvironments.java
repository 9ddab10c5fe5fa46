package dev.govern.cli.envs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.remote.ServerClient;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.Environment;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environments table on a team server ({@code envs list|set --server URL}): read with its
 * ETags, written with {@code If-Match} so that a change made meanwhile by someone else is a 412,
 * never silently overwritten.
 */
final class RemoteEnvironments {
  /** A row and the ETag it was read with. */
  record Read(Environment row, String etag) {}

  /** What a write answered. */
  record Written(Environment row, long revision, long ledgerSeq) {}

  private final ServerClient client;

  RemoteEnvironments(String url, Settings settings) {
    this.client = ServerClient.of(url, settings);
  }

  String url() {
    return client.base().toString();
  }

  Map<String, Environment> all() {
    Map<String, Environment> out = new LinkedHashMap<>();
    for (JsonNode n : client.get("/api/v1/environments").json().path("environments")) {
      Environment e = row(n);
      out.put(e.name(), e);
    }
    return out;
  }

  Optional<Read> find(String name) {
    try {
      ServerClient.Response r = client.get("/api/v1/environments/" + name);
      return Optional.of(new Read(row(r.json()), r.etag()));
    } catch (GovernException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Writes {@code row}; {@code etag} null creates it. */
  Written write(Environment row, String etag, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", row.version().toString());
    body.put("status", row.status().word());
    if (row.since() != null) {
      body.put("since", row.since().toString());
    }
    if (row.note() != null) {
      body.put("note", row.note());
    }
    body.put("reason", reason);
    List<String> headers = new ArrayList<>();
    if (etag == null) {
      headers.addAll(List.of("If-None-Match", "*"));
    } else {
      headers.addAll(List.of("If-Match", etag));
    }
    JsonNode r =
        client
            .put(
                "/api/v1/environments/" + row.name(),
                ServerClient.json(body),
                headers.toArray(new String[0]))
            .json();
    return new Written(
        row(r.path("environment")),
        r.path("environment").path("revision").asLong(),
        r.path("ledgerSeq").asLong());
  }

  static Environment row(JsonNode n) {
    String since = n.path("since").isTextual() ? n.get("since").asText() : null;
    return new Environment(
        n.path("name").asText(),
        GoVersion.parse(n.path("version").asText()),
        since == null ? null : LocalDate.parse(since),
        EnvStatus.of(n.path("status").asText())
            .orElseThrow(() -> GovernException.runtime("the server sent an unknown status", null)),
        n.path("note").isTextual() ? n.get("note").asText() : null);
  }
}
