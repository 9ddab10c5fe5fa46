package dev.govern.core.vuln;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A database as loaded for one command, with where it came from and how old it is.
 *
 * @param database the entries
 * @param source the URL, directory or zip it was read from
 * @param kind what kind of source that is
 * @param fetched when a remote source was last fetched into the cache (empty for local sources)
 * @param warnings things the user must be told (stale data, failed refresh), one line each
 */
public record LoadedVulnDb(
    VulnDatabase database,
    String source,
    VulnDbSource.Kind kind,
    Optional<Instant> fetched,
    List<String> warnings) {
  public LoadedVulnDb {
    warnings = List.copyOf(warnings);
  }

  /** A short human age: "45 seconds", "12 minutes", "5 hours", "3 days". */
  public static String describeAge(Duration age) {
    long s = Math.max(0, age.getSeconds());
    if (s < 120) {
      return s + " seconds";
    }
    if (s < 2 * 3600) {
      return s / 60 + " minutes";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " hours";
    }
    return s / 86400 + " days";
  }
}
