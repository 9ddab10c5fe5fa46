package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.GovernException;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.goproxy.ToolchainProxy;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.release.ReleaseIndex;
import dev.govern.core.release.ReleaseIndexLoader;
import dev.govern.core.release.ReleaseSpec;
import dev.govern.core.toolchain.ArchiveOrigin;
import dev.govern.core.toolchain.DownloadProgress;
import dev.govern.core.toolchain.InstallProbe;
import dev.govern.core.toolchain.Installer;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern install <spec>}: download, verify, unpack and publish a Go toolchain. */
@Command(
    name = "install",
    description = {
      "Install a Go toolchain: 1.22.4, go1.22.4, 1.22 (newest patch), latest.",
      "From go.dev: verifies the SHA-256 from the release index. From the Go module proxy"
          + " (--source proxy): verifies the h1: hash the checksum database proves.",
      "Unpacks into $GOVERN_HOME/toolchains."
    })
public final class InstallCommand extends BaseCommand {
  private static final Pattern ARCHIVE_NAME =
      Pattern.compile(
          "(go\\d+(?:\\.\\d+)*(?:(?:alpha|beta|rc)\\d+)?)\\.[a-z0-9]+-[a-z0-9]+\\.(?:tar\\.gz|zip)");

  @Parameters(
      arity = "0..1",
      paramLabel = "VERSION",
      description = "1.22.4, go1.22.4, 1.22, latest, go1.23rc1 (optional with --archive).")
  String spec;

  @Mixin KnowledgeOptions knowledge;

  @Mixin JsonFlag format;

  @Option(
      names = "--os",
      paramLabel = "GOOS",
      description = "Install for this OS (default: this one).")
  String os;

  @Option(
      names = "--arch",
      paramLabel = "GOARCH",
      description = "Install for this architecture (amd64, arm64, armv6l…; default: this one).")
  String arch;

  @Option(
      names = "--archive",
      paramLabel = "FILE",
      description = "Install from this local .tar.gz or .zip (air-gapped); needs --sha256.")
  Path archive;

  @Option(names = "--sha256", paramLabel = "HEX", description = "The SHA-256 of --archive.")
  String sha256;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit ledger.")
  String reason;

  @Option(
      names = "--source",
      paramLabel = "SRC",
      description =
          "go.dev (release index and archives, default) or proxy (GOPROXY, checked with GOSUMDB). Env GOVERN_SOURCE.")
  String source;

  /** The {@code --json} document. */
  record Installed(
      int schemaVersion,
      String version,
      String root,
      boolean alreadyInstalled,
      String archive,
      String sha256,
      long downloadedBytes,
      String source,
      String h1,
      String checksumDatabase)
      implements JsonDocument {}

  private String usedSource;
  private String provenBy;

  @Override
  protected int run() {
    ToolchainStore store = new ToolchainStore(settings().home());
    UrlFetcher fetcher = new UrlFetcher();
    GoVersion version;
    ArchiveOrigin origin;
    if (archive != null) {
      if (sha256 == null) {
        throw GovernException.usage("--archive needs --sha256 HEX (the archive's published hash)");
      }
      version = spec != null ? exact(spec) : fromFileName(archive);
      origin = new ArchiveOrigin.Local(archive.toAbsolutePath(), sha256);
      usedSource = "archive";
    } else if (ProxySource.of(settings(), source).equals(ProxySource.PROXY)) {
      if (sha256 != null) {
        throw GovernException.usage("--sha256 goes with --archive FILE");
      }
      if (spec == null) {
        throw GovernException.usage("missing VERSION (e.g. 1.22.4, 1.22 or latest)");
      }
      if (knowledge.mirror != null) {
        throw GovernException.usage(
            "--mirror is a go.dev release mirror; with --source proxy set GOPROXY instead");
      }
      ReleaseSpec rs = ReleaseSpec.parse(spec);
      if (rs.kind() == ReleaseSpec.Kind.EXACT && store.isInstalled(rs.version())) {
        return report(Installer.Result.already(rs.version(), store.root(rs.version())));
      }
      Platform platform = Platform.current(os, arch);
      ToolchainProxy proxy =
          ProxySource.proxy(settings(), settings().flag(knowledge.offline, "offline"), this::warn);
      version = ProxySource.resolve(proxy, rs, platform);
      if (store.isInstalled(version)) {
        return report(Installer.Result.already(version, store.root(version)));
      }
      ToolchainProxy.Origin o = proxy.origin(version, platform);
      origin = o.zip();
      usedSource = "proxy " + o.located().proxy();
      provenBy = o.expected().map(ToolchainProxy.Expected::provenBy).orElse(null);
    } else {
      if (sha256 != null) {
        throw GovernException.usage("--sha256 goes with --archive FILE");
      }
      if (spec == null) {
        throw GovernException.usage("missing VERSION (e.g. 1.22.4, 1.22 or latest)");
      }
      ReleaseSpec rs = ReleaseSpec.parse(spec);
      if (rs.kind() == ReleaseSpec.Kind.EXACT && store.isInstalled(rs.version())) {
        return report(Installer.Result.already(rs.version(), store.root(rs.version())));
      }
      Platform platform = Platform.current(os, arch);
      usedSource = "go.dev";
      ReleaseIndexAccess access =
          new ReleaseIndexAccess(settings(), knowledge, fetcher, this::warn);
      ReleaseIndexLoader.Loaded loaded = access.load(false);
      ReleaseIndex.Resolved resolved;
      try {
        resolved = loaded.index().resolve(rs, platform);
      } catch (GovernException e) {
        if (!loaded.fromCache() || access.sources.offline()) {
          throw e;
        }
        // a cached index may predate the release: look again at the source
        resolved = access.load(true).index().resolve(rs, platform);
      }
      version = resolved.version();
      origin =
          new ArchiveOrigin.Remote(
              access.sources.archive(resolved.file().filename()),
              resolved.file().filename(),
              resolved.file().sha256(),
              resolved.file().size());
    }
    DownloadProgress progress =
        io().interactive() && !format.json ? new ProgressBar(err()) : DownloadProgress.NONE;
    Installer installer =
        new Installer(store, fetcher, UnpackLimits.from(settings()), InstallProbe.NONE, progress)
            .idleTimeout(idleTimeout());
    Installer.Result result = installer.install(version, origin);
    if (!result.alreadyInstalled()) {
      recorder()
          .record(
              new Change(
                  "install",
                  ToolchainWiring.hostSubject(settings()),
                  null,
                  version.toString(),
                  reason,
                  Evidence.of(
                      "sha256 " + result.archive(),
                      0,
                      "sha256 "
                          + result.sha256()
                          + (result.h1() == null
                              ? ""
                              : "\nh1 "
                                  + result.h1()
                                  + "\nchecksum database "
                                  + (provenBy == null ? "off (not checked)" : provenBy))
                          + "\nsource "
                          + usedSource
                          + "\ngo/VERSION "
                          + version)));
      ToolchainWiring.listener(settings()).onInstalled(version, result.root());
    }
    int code = report(result);
    installer.cleanUp();
    return code;
  }

  private int report(Installer.Result r) {
    if (format.json) {
      JsonOutput.print(
          out(),
          new Installed(
              1,
              r.version().toString(),
              r.root().toString(),
              r.alreadyInstalled(),
              r.archive(),
              r.sha256(),
              r.downloadedBytes(),
              r.alreadyInstalled() ? null : usedSource,
              r.h1(),
              provenBy));
    } else if (r.alreadyInstalled()) {
      out().println(r.version() + " is already installed in " + r.root());
    } else {
      out().println("installed " + r.version() + " in " + r.root());
      if (r.h1() != null) {
        out()
            .println(
                "  "
                    + r.h1()
                    + (provenBy != null
                        ? " proven by " + provenBy
                        : " (NOT checked against a checksum database)"));
      }
    }
    out().flush();
    return 0;
  }

  private java.time.Duration idleTimeout() {
    String v = settings().get("download-idle-timeout").orElse(null);
    if (v == null) {
      return Installer.DEFAULT_IDLE_TIMEOUT;
    }
    try {
      return java.time.Duration.parse(v.startsWith("P") ? v : "PT" + v);
    } catch (java.time.format.DateTimeParseException e) {
      throw GovernException.invalidInput(
          "bad download-idle-timeout \"" + v + "\" (expected a duration such as 60s or 2m)");
    }
  }

  private static GoVersion exact(String text) {
    ReleaseSpec rs = ReleaseSpec.parse(text);
    if (rs.kind() != ReleaseSpec.Kind.EXACT) {
      throw GovernException.usage(
          "with --archive name the exact version (e.g. 1.22.4), not \"" + text + "\"");
    }
    return rs.version();
  }

  private static GoVersion fromFileName(Path file) {
    Matcher m = ARCHIVE_NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw GovernException.usage(
          "cannot tell the version from the name "
              + file.getFileName()
              + "; name it: install 1.22.4 --archive FILE --sha256 HEX");
    }
    return GoVersion.parse(m.group(1));
  }
}
