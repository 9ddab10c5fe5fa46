package dev.govern.cli.knowledge;

import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.facts.MatcherVulnFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.CurrentReleases;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.release.ReleaseIndexLoader;
import dev.govern.core.release.ReleaseSources;
import dev.govern.core.vuln.LoadedVulnDb;
import dev.govern.core.vuln.VulnDbLoader;
import dev.govern.core.vuln.VulnDbSource;
import dev.govern.core.vuln.VulnMatcher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Resolves the knowledge options (flag > GOVERN_* > config > default) and opens the sources. */
public final class KnowledgeSources {
  private KnowledgeSources() {}

  /** The vulnerability database named by {@code --vulndb}/{@code GOVERN_VULNDB}; warnings out. */
  public static LoadedVulnDb vulnDb(
      Settings settings, KnowledgeOptions options, Consumer<String> warn) {
    String source = settings.resolve(options.vulndb, "vulndb", VulnDbSource.DEFAULT);
    boolean offline = settings.flag(options.offline, "offline");
    VulnDbLoader loader =
        new VulnDbLoader(
            new UrlFetcher(), new DocumentCache(settings.home().cache()), Clock.systemUTC());
    LoadedVulnDb db = loader.load(source, offline);
    db.warnings().forEach(warn);
    return db;
  }

  /**
   * Vulnerability facts for the gate and the scan. Offline or unreachable, the cached copy or the
   * embedded snapshot (with a warning); with neither, offline gives a warning and no data (the
   * vulnerability rules then say "unknown"); online, a failure is an error.
   */
  public static VulnFacts vulnFacts(
      Settings settings, KnowledgeOptions options, Consumer<String> warn) {
    try {
      return new MatcherVulnFacts(new VulnMatcher(vulnDb(settings, options, warn).database()));
    } catch (GovernException e) {
      if (settings.flag(options.offline, "offline")) {
        warn.accept(e.getMessage() + "; vulnerabilities are not judged");
        return VulnFacts.NONE;
      }
      throw e;
    }
  }

  /** The release history govern carries. */
  public static ReleaseHistory releases() {
    return ReleaseHistory.builtIn();
  }

  /**
   * The release history for questions about {@code day}: the carried table, and for a day after it
   * was taken also the newer releases of the download index (cached, else fetched unless offline);
   * warnings out.
   */
  public static CurrentReleases.Loaded currentReleases(
      Settings settings, String mirror, boolean offline, LocalDate day, Consumer<String> warn) {
    DocumentCache cache = new DocumentCache(settings.home().cache());
    CurrentReleases.Loaded l =
        new CurrentReleases(
                new ReleaseIndexLoader(cache, new UrlFetcher(), Clock.systemUTC()),
                cache.dir(),
                Clock.systemUTC())
            .load(
                ReleaseHistory.builtIn(),
                ReleaseHistory.builtInAsOf(),
                day,
                ReleaseSources.from(settings, mirror, offline));
    l.warnings().forEach(warn);
    return l;
  }

  /** {@code --as-of}, else today (UTC). */
  public static LocalDate asOf(LocalDate flag) {
    return flag != null ? flag : LocalDate.now(ZoneOffset.UTC);
  }
}
