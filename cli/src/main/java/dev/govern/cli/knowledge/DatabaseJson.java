package dev.govern.cli.knowledge;

import dev.govern.core.vuln.LoadedVulnDb;
import java.time.Instant;

/** Where the vulnerability data came from, in {@code --json} output. */
record DatabaseJson(
    String source,
    String kind,
    Instant modified,
    Instant fetched,
    int entries,
    java.util.List<String> warnings) {
  static DatabaseJson of(LoadedVulnDb db) {
    return new DatabaseJson(
        db.source(),
        db.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        db.database().modified().orElse(null),
        db.fetched().orElse(null),
        db.database().size(),
        db.warnings());
  }

  /** "4291 entries from SRC, modified 2026-08-21T…". */
  String describe() {
    return entries
        + " entries from "
        + source
        + (modified == null ? "" : ", modified " + modified)
        + (fetched == null ? "" : ", fetched " + fetched);
  }
}
