package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.GovernException;
import dev.govern.core.goproxy.ToolchainModule;
import dev.govern.core.goproxy.ToolchainProxy;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.release.Release;
import dev.govern.core.release.ReleaseFile;
import dev.govern.core.release.ReleaseIndexLoader;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern list-remote}: releases of the download index, newest first. */
@Command(
    name = "list-remote",
    description =
        "List Go releases available to install (stable ones; --all adds prereleases), from go.dev or"
            + " the Go module proxy (--source proxy).")
public final class ListRemoteCommand extends BaseCommand {
  @Mixin KnowledgeOptions knowledge;

  @Mixin JsonFlag format;

  @Option(names = "--all", description = "Include betas and release candidates.")
  boolean all;

  @Option(names = "--os", paramLabel = "GOOS", description = "Archives for this OS.")
  String os;

  @Option(names = "--arch", paramLabel = "GOARCH", description = "Archives for this architecture.")
  String arch;

  @Option(
      names = "--source",
      paramLabel = "SRC",
      description =
          "go.dev (the release index, default) or proxy (the versions GOPROXY lists). Env GOVERN_SOURCE.")
  String source;

  /** One release in the {@code --json} document. */
  record Item(
      String version,
      boolean stable,
      boolean installed,
      String archive,
      String sha256,
      Long size,
      String module) {}

  /** The {@code --json} document. */
  record Listing(
      int schemaVersion,
      String source,
      String fetched,
      boolean fromCache,
      String platform,
      List<Item> releases)
      implements JsonDocument {}

  @Override
  protected int run() {
    Platform platform = Platform.current(os, arch);
    if (ProxySource.of(settings(), source).equals(ProxySource.PROXY)) {
      return fromProxy(platform);
    }
    ReleaseIndexAccess access =
        new ReleaseIndexAccess(settings(), knowledge, new UrlFetcher(), this::warn);
    ReleaseIndexLoader.Loaded loaded = access.load(false);
    ToolchainStore store = new ToolchainStore(settings().home());
    List<Item> items = new ArrayList<>();
    for (Release r : loaded.index().releases()) {
      if (!all && !r.stable()) {
        continue;
      }
      Optional<ReleaseFile> f = r.archiveFor(platform);
      items.add(
          new Item(
              r.version().toString(),
              r.stable(),
              store.isInstalled(r.version()),
              f.map(ReleaseFile::filename).orElse(null),
              f.map(ReleaseFile::sha256).orElse(null),
              f.map(ReleaseFile::size).orElse(null),
              null));
    }
    return print(items, platform, loaded.source(), loaded.fetched().toString(), loaded.fromCache());
  }

  /** The toolchains the module proxies list ({@code golang.org/toolchain/@v/list}). */
  private int fromProxy(Platform platform) {
    if (settings().flag(knowledge.offline, "offline")) {
      throw GovernException.usage("list-remote --source proxy needs the network (no --offline)");
    }
    ToolchainProxy proxy = ProxySource.proxy(settings(), false, this::warn);
    ToolchainStore store = new ToolchainStore(settings().home());
    List<Item> items = new ArrayList<>();
    for (GoVersion v : proxy.versions(platform)) {
      if (!all && !v.isRelease()) {
        continue;
      }
      items.add(
          new Item(
              v.toString(),
              v.isRelease(),
              store.isInstalled(v),
              null,
              null,
              null,
              ToolchainModule.PATH + "@" + ToolchainModule.version(v, platform)));
    }
    return print(items, platform, "GOPROXY=" + proxy.goproxy(), Instant.now().toString(), false);
  }

  private int print(
      List<Item> items, Platform platform, String from, String fetched, boolean fromCache) {
    if (format.json) {
      JsonOutput.print(
          out(), new Listing(1, from, fetched, fromCache, platform.toString(), List.copyOf(items)));
      return 0;
    }
    int width = items.stream().mapToInt(i -> i.version().length()).max().orElse(0);
    for (Item i : items) {
      List<String> notes = new ArrayList<>();
      if (!i.stable()) {
        notes.add("prerelease");
      }
      if (i.installed()) {
        notes.add("installed");
      }
      if (i.archive() == null && i.module() == null) {
        notes.add("no archive for " + platform);
      }
      String tail = notes.isEmpty() ? "" : "  (" + String.join(", ", notes) + ")";
      out().println((String.format("%-" + width + "s", i.version()) + tail).stripTrailing());
    }
    out().flush();
    return 0;
  }
}
