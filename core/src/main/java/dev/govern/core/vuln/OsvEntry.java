package dev.govern.core.vuln;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the Go vulnerability database (OSV format).
 *
 * @param id the Go id, e.g. {@code GO-2023-2185}
 * @param aliases CVE and GHSA ids
 * @param summary the one-line summary
 * @param published when the entry was published, empty when the source says the zero time
 * @param modified when the entry last changed, empty when the source says the zero time
 * @param withdrawn when the entry was withdrawn, if it was
 * @param affected the affected modules
 * @param url the entry's page ({@code database_specific.url}), or empty
 */
public record OsvEntry(
    String id,
    List<String> aliases,
    String summary,
    Optional<Instant> published,
    Optional<Instant> modified,
    Optional<Instant> withdrawn,
    List<AffectedModule> affected,
    String url) {
  public OsvEntry {
    aliases = List.copyOf(aliases);
    affected = List.copyOf(affected);
  }

  public boolean isWithdrawn() {
    return withdrawn.isPresent();
  }
}
