package dev.govern.core.vuln;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the vulnerability database for a command, offline first. Local directories and zips are
 * read directly. A remote database is mirrored into the cache and read from there: a copy younger
 * than {@link #REFRESH_AFTER} is used without touching the network; an older one is refreshed
 * (cheaply, when {@code index/db.json} says nothing changed). When the network cannot be used
 * ({@code offline}) or fails, the cached copy is used, with a warning naming its age once it is
 * older than {@link #STALE_AFTER} or when a refresh failed.
 */
public final class VulnDbLoader {
  /** A cached copy younger than this is used as is. */
  public static final Duration REFRESH_AFTER = Duration.ofHours(1);

  /** A copy older than this that could not be refreshed is used with a warning. */
  public static final Duration STALE_AFTER = Duration.ofHours(24);

  private final RemoteVulnDb remote;
  private final Clock clock;
  private final VulnDbSnapshots snapshots;

  public VulnDbLoader(UrlFetcher fetcher, DocumentCache cache, Clock clock) {
    this.remote = new RemoteVulnDb(fetcher, cache);
    this.clock = clock;
    this.snapshots = new VulnDbSnapshots(cache.dir().resolve("vulndb-snapshots"));
  }

  /**
   * Loads the database named by {@code sourceText} (a URL, a directory, a zip; null for the default
   * {@value VulnDbSource#DEFAULT}).
   *
   * @param offline never touch the network
   */
  public LoadedVulnDb load(String sourceText, boolean offline) {
    VulnDbSource source = VulnDbSource.of(sourceText);
    return switch (source.kind()) {
      case LAYOUT_DIRECTORY, OSV_DIRECTORY -> local(source, snapshots.directory(source.path()));
      case ZIP -> local(source, snapshots.zip(source.path()));
      case REMOTE -> remote(source, offline);
    };
  }

  private static LoadedVulnDb local(VulnDbSource source, VulnDatabase db) {
    return new LoadedVulnDb(
        db, source.path().toString(), source.kind(), Optional.empty(), List.of());
  }

  private LoadedVulnDb remote(VulnDbSource source, boolean offline) {
    Instant now = clock.instant();
    URI base = source.uri();
    Optional<DocumentCache.Entry> cached = remote.cached(base);
    List<String> warnings = new ArrayList<>();
    DocumentCache.Entry use;
    if (offline) {
      use =
          cached.orElseThrow(
              () ->
                  GovernException.precondition(
                      "no cached copy of the vulnerability database "
                          + source.text()
                          + " (offline)",
                      "run once without --offline, or use --vulndb DIR|ZIP"));
      if (use.age(now).compareTo(STALE_AFTER) > 0) {
        warnings.add(staleWarning(source, use, now, "offline"));
      }
    } else if (cached.isPresent() && cached.get().age(now).compareTo(REFRESH_AFTER) < 0) {
      use = cached.get();
    } else {
      try {
        use = remote.sync(source.text(), now);
      } catch (GovernException e) {
        if (cached.isEmpty()
            || !(e.code() == ErrorCode.NETWORK || e.code() == ErrorCode.NOT_FOUND)) {
          throw e;
        }
        use = cached.get();
        warnings.add(staleWarning(source, use, now, "cannot refresh it: " + e.getMessage()));
      }
    }
    VulnDatabase db = snapshots.zip(use.file());
    if (db.modified().isEmpty() && use.modified().isPresent()) {
      db = VulnDatabase.of(db.entries(), use.modified());
    }
    return new LoadedVulnDb(db, source.text(), source.kind(), Optional.of(use.fetched()), warnings);
  }

  private static String staleWarning(
      VulnDbSource source, DocumentCache.Entry e, Instant now, String why) {
    return "using vulnerability data from "
        + source.text()
        + " fetched "
        + LoadedVulnDb.describeAge(e.age(now))
        + " ago ("
        + e.fetched()
        + e.modified().map(m -> ", database modified " + m).orElse("")
        + "); "
        + why;
  }
}
