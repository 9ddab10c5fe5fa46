package dev.govern.core.goproxy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.sumdb.ChecksumDatabase;
import dev.govern.core.sumdb.GoSumDb;
import java.net.URI;
import java.util.List;

/**
 * Reaches a checksum database the way the go command does: at the URL GOSUMDB names, else through
 * the first proxy that answers {@code <proxy>/sumdb/<name>/supported} with success (a "not found"
 * moves on to the next proxy; {@code direct}, {@code off} or the end of the list mean the database
 * itself, {@code https://<name>/}). Decided on first use.
 */
final class SumdbRemote implements ChecksumDatabase.Remote {
  private final GoSumDb db;
  private final ProxyList proxies;
  private final List<URI> bases;
  private final UrlFetcher fetcher;
  private String base;

  SumdbRemote(GoSumDb db, ProxyList proxies, List<URI> bases, UrlFetcher fetcher) {
    this.db = db;
    this.proxies = proxies;
    this.bases = bases;
    this.fetcher = fetcher;
  }

  /** The database's base URL, ending in a slash. */
  synchronized String base() {
    if (base == null) {
      base = find();
    }
    return base;
  }

  private String find() {
    if (db.url() != null) {
      return slash(db.url().toString());
    }
    for (int i = 0; i < proxies.entries().size(); i++) {
      ProxyList.Entry e = proxies.entries().get(i);
      if (!e.isProxy()) {
        break;
      }
      String b = slash(bases.get(i).toString()) + "sumdb/" + db.name() + "/";
      try {
        fetcher.readAll(URI.create(b + "supported"), 1 << 16);
        return b;
      } catch (GovernException err) {
        if (err.code() != ErrorCode.NOT_FOUND && !e.fallBackOnError()) {
          throw new GovernException(
              err.code(),
              "cannot reach the checksum database "
                  + db.name()
                  + " through "
                  + bases.get(i)
                  + ": "
                  + err.getMessage(),
              null,
              err);
        }
      }
    }
    return slash(db.directUrl().toString());
  }

  @Override
  public byte[] get(String path, long maxBytes) {
    return fetcher.readAll(URI.create(base() + path), maxBytes);
  }

  private static String slash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }
}
