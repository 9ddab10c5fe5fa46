package dev.govern.core.release;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the release index through the document cache: a fresh cached copy is used as is; an old one
 * is fetched again; when the network fails (or {@code --offline}) an old copy is used with a
 * warning, never silently.
 */
public final class ReleaseIndexLoader {
  /** The cache entry name of the release index. */
  public static final String CACHE_NAME = "release-index.json";

  private static final long MAX_INDEX_BYTES = 64L << 20;

  private final DocumentCache cache;
  private final UrlFetcher fetcher;
  private final Clock clock;

  public ReleaseIndexLoader(DocumentCache cache, UrlFetcher fetcher, Clock clock) {
    this.cache = cache;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /**
   * An index and where it came from.
   *
   * @param index the releases
   * @param source the URL it was fetched from
   * @param fetched when it was fetched
   * @param fromCache whether this run used a cached copy
   * @param warnings what the user must be told (stale data, unreachable source)
   */
  public record Loaded(
      ReleaseIndex index,
      String source,
      Instant fetched,
      boolean fromCache,
      List<String> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  /** Loads the index, using the cache when it is fresh (or when the network may not be used). */
  public Loaded load(ReleaseSources sources) {
    return load(sources, false);
  }

  /**
   * Loads the index; {@code refresh} fetches even a fresh cached copy (e.g. when a version the user
   * named exactly is missing from it).
   */
  public Loaded load(ReleaseSources sources, boolean refresh) {
    String source = sources.index().toString();
    Optional<DocumentCache.Entry> cached = cache.get(CACHE_NAME);
    Instant now = clock.instant();
    List<String> warnings = new ArrayList<>();
    if (sources.offline()) {
      DocumentCache.Entry e =
          cached.orElseThrow(
              () ->
                  GovernException.precondition(
                      "no cached release index in " + cache.dir() + " and --offline is set",
                      "run once without --offline, or use --mirror file:///path/to/mirror"));
      if (!e.source().equals(source)) {
        warnings.add("offline: using the release index cached from " + e.source());
      }
      if (e.age(now).compareTo(sources.maxAge()) > 0) {
        warnings.add("offline: the release index is " + describe(e.age(now)) + " old");
      }
      return new Loaded(read(e), e.source(), e.fetched(), true, warnings);
    }
    if (!refresh
        && cached.isPresent()
        && cached.get().source().equals(source)
        && cached.get().age(now).compareTo(sources.maxAge()) <= 0) {
      DocumentCache.Entry e = cached.get();
      return new Loaded(read(e), e.source(), e.fetched(), true, warnings);
    }
    byte[] data;
    try {
      data = fetcher.readAll(sources.index(), MAX_INDEX_BYTES);
    } catch (GovernException ex) {
      if (ex.code() != ErrorCode.NETWORK || cached.isEmpty()) {
        throw ex;
      }
      DocumentCache.Entry e = cached.get();
      warnings.add(
          ex.getMessage()
              + "; using the release index cached "
              + describe(e.age(now))
              + " ago from "
              + e.source());
      return new Loaded(read(e), e.source(), e.fetched(), true, warnings);
    }
    ReleaseIndex index = ReleaseIndex.parse(data, source);
    cache.put(CACHE_NAME, source, data, now, null);
    return new Loaded(index, source, now, false, warnings);
  }

  private static ReleaseIndex read(DocumentCache.Entry e) {
    try {
      return ReleaseIndex.parse(Files.readAllBytes(e.file()), e.file().toString());
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + e.file(), ex);
    }
  }

  /** A human age: 45s, 12m, 5h, 3d. */
  public static String describe(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return (s / 60) + "m";
    }
    if (s < 172800) {
      return (s / 3600) + "h";
    }
    return (s / 86400) + "d";
  }
}
