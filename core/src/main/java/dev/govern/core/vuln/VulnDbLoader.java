package dev.govern.core.vuln;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.FetchFailure;
import dev.govern.core.net.UrlFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the vulnerability database for a command, offline first. Local directories, zips and
 * tarballs are read directly. A remote database is mirrored into the cache and read from there: a
 * copy younger than {@link #REFRESH_AFTER} is used without touching the network; an older one is
 * refreshed (cheaply, when {@code index/db.json} says nothing changed). When the network may not be
 * used ({@code offline}) or cannot be reached, the newest of the cached copy and the snapshot
 * embedded in govern is used, with one warning line naming its date and age (offline: only once it
 * is older than {@link #STALE_AFTER}).
 */
public final class VulnDbLoader {
  /** A cached copy younger than this is used as is. */
  public static final Duration REFRESH_AFTER = Duration.ofHours(1);

  /** A copy older than this that could not be refreshed is used with a warning. */
  public static final Duration STALE_AFTER = Duration.ofHours(24);

  private final RemoteVulnDb remote;
  private final Clock clock;
  private final VulnDbSnapshots snapshots;
  private final Optional<EmbeddedVulnDb> embedded;

  public VulnDbLoader(UrlFetcher fetcher, DocumentCache cache, Clock clock) {
    this(fetcher, cache, clock, EmbeddedVulnDb.builtIn());
  }

  /** With a given embedded snapshot (or none, as in a build that carries none). */
  VulnDbLoader(
      UrlFetcher fetcher, DocumentCache cache, Clock clock, Optional<EmbeddedVulnDb> embedded) {
    this.remote = new RemoteVulnDb(fetcher, cache);
    this.clock = clock;
    this.snapshots = new VulnDbSnapshots(cache.dir().resolve("vulndb-snapshots"));
    this.embedded = embedded;
  }

  /**
   * Loads the database named by {@code sourceText} (a URL, a directory, a zip or tarball, {@code
   * embedded}; null for the default {@value VulnDbSource#DEFAULT}).
   *
   * @param offline never touch the network
   */
  public LoadedVulnDb load(String sourceText, boolean offline) {
    VulnDbSource source = VulnDbSource.of(sourceText);
    return switch (source.kind()) {
      case LAYOUT_DIRECTORY, OSV_DIRECTORY -> local(source, snapshots.directory(source.path()));
      case ZIP -> local(source, snapshots.zip(source.path()));
      case TARBALL -> local(source, snapshots.tarball(source.path()));
      case EMBEDDED -> embedded(List.of());
      case REMOTE -> remote(source, offline);
    };
  }

  private static LoadedVulnDb local(VulnDbSource source, VulnDatabase db) {
    return new LoadedVulnDb(
        db, source.path().toString(), source.kind(), Optional.empty(), List.of());
  }

  private LoadedVulnDb embedded(List<String> warnings) {
    EmbeddedVulnDb e =
        embedded.orElseThrow(
            () ->
                GovernException.notFound(
                    "this govern was built without an embedded vulnerability database",
                    "use --vulndb URL|DIR|ZIP"));
    return new LoadedVulnDb(
        snapshots.embedded(e), e.label(), VulnDbSource.Kind.EMBEDDED, Optional.empty(), warnings);
  }

  private LoadedVulnDb remote(VulnDbSource source, boolean offline) {
    Instant now = clock.instant();
    Optional<DocumentCache.Entry> cached = remote.cached(source.uri());
    if (offline) {
      return fallback(source, cached, now, null);
    }
    if (cached.isPresent() && cached.get().age(now).compareTo(REFRESH_AFTER) < 0) {
      return fromCache(source, cached.get(), List.of());
    }
    try {
      return fromCache(source, remote.sync(source.text(), now), List.of());
    } catch (GovernException e) {
      if (!(e.code() == ErrorCode.NETWORK || e.code() == ErrorCode.NOT_FOUND)
          || (cached.isEmpty() && embedded.isEmpty())) {
        throw e;
      }
      return fallback(source, cached, now, e);
    }
  }

  /**
   * The newest of the cached copy and the embedded snapshot (the cache on a tie), with the warning
   * that says which was used, its date and age, and why ({@code failure} null: offline).
   */
  private LoadedVulnDb fallback(
      VulnDbSource source,
      Optional<DocumentCache.Entry> cached,
      Instant now,
      GovernException failure) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    boolean useCache =
        cached.isPresent()
            && (embedded.isEmpty()
                || !dataTime(cached.get())
                    .isBefore(embedded.get().snapshot().atStartOfDay().toInstant(ZoneOffset.UTC)));
    if (!useCache && embedded.isEmpty()) {
      throw GovernException.precondition(
          "no cached copy of the vulnerability database " + source.text() + " (offline)",
          "run once without --offline, or use --vulndb DIR|ZIP");
    }
    String what =
        useCache
            ? "the copy cached "
                + LoadedVulnDb.describeAge(cached.get().age(now))
                + " ago ("
                + cached.get().fetched()
                + cached.get().modified().map(m -> ", database modified " + m).orElse("")
                + ")"
            : embedded.get().describe(today);
    List<String> warnings = new ArrayList<>();
    if (failure != null) {
      warnings.add(
          "cannot reach "
              + source.text()
              + " ("
              + FetchFailure.reason(failure)
              + "); using "
              + what
              + "; --vulndb DIR or --offline to choose");
    } else {
      Duration age =
          useCache
              ? cached.get().age(now)
              : Duration.between(
                  embedded.get().snapshot().atStartOfDay().toInstant(ZoneOffset.UTC), now);
      if (age.compareTo(STALE_AFTER) > 0) {
        warnings.add("using " + what + " instead of " + source.text() + "; offline");
      }
    }
    return useCache ? fromCache(source, cached.get(), warnings) : embedded(warnings);
  }

  /** When a cached copy's data is from: the database's modified time, else its fetch time. */
  private static Instant dataTime(DocumentCache.Entry e) {
    return e.modified().orElse(e.fetched());
  }

  private LoadedVulnDb fromCache(
      VulnDbSource source, DocumentCache.Entry use, List<String> warnings) {
    VulnDatabase db = snapshots.zip(use.file());
    if (db.modified().isEmpty() && use.modified().isPresent()) {
      db = VulnDatabase.of(db.entries(), use.modified());
    }
    return new LoadedVulnDb(db, source.text(), source.kind(), Optional.of(use.fetched()), warnings);
  }
}
