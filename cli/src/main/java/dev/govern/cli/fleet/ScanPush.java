package dev.govern.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.remote.ServerClient;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.fleet.ScanDocument;
import java.util.UUID;

/**
 * {@code govern scan --push URL}: {@code PUT /api/v1/scans/<id>} with the scan's JSON. The id is
 * chosen once per run, so the client's retries (and a CI job re-run with {@code --scan-id}) store
 * the scan once.
 */
final class ScanPush {
  record Pushed(String scanId, boolean created, int services, long ledgerSeq) {}

  private ScanPush() {}

  /** Fails before the scan when the URL or id is bad. */
  static void check(String url, String scanId, Settings settings) {
    ServerClient.of(url, settings);
    if (scanId != null && !scanId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw GovernException.usage(
          "--scan-id: not a scan id: \"" + scanId + "\" (letters, digits, . _ -, at most 64)");
    }
  }

  static Pushed push(String url, String scanId, ScanDocument doc, Settings settings) {
    String id = scanId != null ? scanId : UUID.randomUUID().toString();
    ServerClient client = ServerClient.of(url, settings);
    JsonNode r = client.put("/api/v1/scans/" + id, ServerClient.json(doc)).json();
    return new Pushed(
        id,
        r.path("created").asBoolean(),
        r.path("services").asInt(),
        r.path("ledgerSeq").asLong());
  }
}
