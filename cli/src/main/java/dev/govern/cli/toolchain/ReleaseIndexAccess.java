package dev.govern.cli.toolchain;

import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.config.Settings;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.ReleaseIndexLoader;
import dev.govern.core.release.ReleaseSources;
import java.time.Clock;
import java.util.function.Consumer;

/** Builds the release sources and loader from the knowledge options, printing their warnings. */
final class ReleaseIndexAccess {
  final ReleaseSources sources;
  private final ReleaseIndexLoader loader;
  private final Consumer<String> warn;

  ReleaseIndexAccess(
      Settings settings, KnowledgeOptions knowledge, UrlFetcher fetcher, Consumer<String> warn) {
    this.sources = ReleaseSources.from(settings, knowledge.mirror, knowledge.offline);
    this.loader =
        new ReleaseIndexLoader(
            new DocumentCache(settings.home().cache()), fetcher, Clock.systemUTC());
    this.warn = warn;
  }

  ReleaseIndexLoader.Loaded load(boolean refresh) {
    ReleaseIndexLoader.Loaded l = loader.load(sources, refresh);
    l.warnings().forEach(warn);
    return l;
  }
}
