package dev.govern.core.goproxy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.module.ModuleEscape;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.sumdb.ChecksumDatabase;
import dev.govern.core.sumdb.GoSumDb;
import dev.govern.core.toolchain.ArchiveOrigin;
import dev.govern.core.version.GoVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Go toolchains from the user's module proxies: the versions a proxy lists ({@code @v/list}), where
 * a toolchain's zip is, and the {@code h1:} hash the checksum database proves for it. Follows the
 * go command's rules for GOPROXY (fallbacks, {@code off}, {@code direct}), GONOPROXY/GOPRIVATE
 * (matching {@code golang.org/toolchain} leaves no proxy to ask), GONOSUMDB/GOSUMDB=off (no check,
 * with a warning), GOAUTH/.netrc and credentials in proxy URLs. GOINSECURE applies only to direct
 * fetches, which never serve toolchains, so it changes nothing here.
 */
public final class ToolchainProxy {
  private final GoEnv env;
  private final ProxyList proxies;
  private final UrlFetcher fetcher;
  private final GovernHome home;
  private final Consumer<String> warn;
  private final List<URI> bases = new ArrayList<>();
  private boolean offline;

  /** Where a toolchain's zip was found. */
  public record Located(GoVersion version, String moduleVersion, URI zip, String proxy) {}

  /** The checksum a zip must have, and what proved it. */
  public record Expected(String h1, String provenBy) {}

  /**
   * What to install: the zip to download and check, where it was found, and what proved its
   * checksum (empty when checks are off).
   */
  public record Origin(ArchiveOrigin.ModuleZip zip, Located located, Optional<Expected> expected) {}

  /**
   * Locates toolchain {@code v} for {@code p} on the proxies and proves its checksum in the
   * checksum database, before anything large is downloaded.
   */
  public Origin origin(GoVersion v, Platform p) {
    Located at;
    if (offline) {
      Path zip = home.downloads().resolve(ToolchainModule.downloadName(v, p));
      if (!Files.isRegularFile(zip)) {
        throw GovernException.precondition(
            "cannot install " + v + " offline: its module zip is not in " + home.downloads(),
            "run without --offline, or install from an archive with --archive FILE --sha256 HEX");
      }
      at = new Located(v, ToolchainModule.version(v, p), zip.toUri(), "the download cache");
    } else {
      at = locate(v, p);
    }
    Optional<Expected> expected = expected(at.moduleVersion());
    return new Origin(
        new ArchiveOrigin.ModuleZip(
            at.zip(),
            ToolchainModule.downloadName(v, p),
            ToolchainModule.zipPrefix(at.moduleVersion()),
            expected.map(Expected::h1).orElse(null)),
        at,
        expected);
  }

  public ToolchainProxy(GoEnv env, UrlFetcher fetcher, GovernHome home, Consumer<String> warn) {
    this.env = env;
    this.proxies = ProxyList.parse(env.goproxy());
    this.home = home;
    this.warn = warn;
    GoAuth auth = GoAuth.from(env);
    for (ProxyList.Entry e : proxies.entries()) {
      if (e.isProxy()) {
        URI u = UrlFetcher.toUri(e.url());
        if (u.getUserInfo() != null) {
          u = withoutUserInfo(u);
          auth.addProxyUser(u, UrlFetcher.toUri(e.url()).getRawUserInfo());
        }
        bases.add(u);
      } else {
        bases.add(null);
      }
    }
    this.fetcher = fetcher.withCredentials(auth);
  }

  /**
   * Never touches the network: a toolchain can then be installed only from its verified zip in
   * {@code downloads/}, proven from the checksum database's answers in the cache.
   */
  public ToolchainProxy offline() {
    this.offline = true;
    return this;
  }

  /** The GOPROXY value in effect, for messages. */
  public String goproxy() {
    return env.goproxy();
  }

  /** The toolchains for {@code p} that the proxies list, newest first. */
  public List<GoVersion> versions(Platform p) {
    String list =
        tryProxies(
            "list the versions of " + ToolchainModule.PATH,
            base -> new String(get(base, "@v/list", 16 << 20), StandardCharsets.UTF_8));
    List<GoVersion> out = new ArrayList<>();
    for (String line : list.split("\n")) {
      ToolchainModule.parse(line.strip(), p).ifPresent(out::add);
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /** Finds the proxy that has toolchain {@code v} for {@code p} ({@code .info}), and its zip. */
  public Located locate(GoVersion v, Platform p) {
    String mv = ToolchainModule.version(v, p);
    String[] proxy = new String[1];
    URI zip =
        tryProxies(
            "find " + v + " for " + p,
            base -> {
              get(base, "@v/" + ModuleEscape.escape(mv) + ".info", 64 << 10);
              proxy[0] = base.toString();
              return resolve(base, "@v/" + ModuleEscape.escape(mv) + ".zip");
            });
    return new Located(v, mv, zip, proxy[0]);
  }

  /**
   * The {@code h1:} hash the checksum database proves for the zip of {@code moduleVersion}; empty
   * (with a warning) when GOSUMDB=off or GONOSUMDB/GOPRIVATE covers {@code golang.org/toolchain}.
   */
  public Optional<Expected> expected(String moduleVersion) {
    if (ModulePatterns.matches(env.gonosumdb(), ToolchainModule.PATH)) {
      warn.accept(
          "GONOSUMDB="
              + env.gonosumdb()
              + " covers "
              + ToolchainModule.PATH
              + ": the toolchain is NOT checked against a checksum database");
      return Optional.empty();
    }
    Optional<GoSumDb> db = GoSumDb.parse(env.gosumdb());
    if (db.isEmpty()) {
      warn.accept("GOSUMDB=off: the toolchain is NOT checked against a checksum database");
      return Optional.empty();
    }
    ChecksumDatabase.Remote remote =
        offline
            ? (path, max) -> {
              throw GovernException.precondition(
                  "offline: the checksum database's answer "
                      + path
                      + " is not cached, so "
                      + moduleVersion
                      + " cannot be proven",
                  "run without --offline");
            }
            : new SumdbRemote(db.get(), proxies, bases, fetcher);
    ChecksumDatabase client =
        new ChecksumDatabase(
            db.get().key(), remote, home.cache().resolve("sumdb").resolve(db.get().name()));
    ChecksumDatabase.Proven proven = client.lookup(ToolchainModule.PATH, moduleVersion);
    if (proven.lines().isEmpty()) {
      throw new GovernException(
          ErrorCode.CHECK_FAILED,
          db.get().name() + " has no checksum for " + ToolchainModule.PATH + "@" + moduleVersion);
    }
    String[] f = proven.lines().get(0).split(" ");
    return Optional.of(
        new Expected(
            f[2],
            db.get().name()
                + " record "
                + proven.id()
                + " in the signed tree of size "
                + proven.tree().size()));
  }

  /**
   * Runs {@code op} against each proxy in turn, as the go command does: after {@code ,} only a "not
   * found" moves on, after {@code |} any error; {@code off} and {@code direct} end the list. The
   * error reported is the most helpful one: the end of the list ({@code direct}), else a proxy's
   * error other than "not found", else the last "not found".
   */
  private <T> T tryProxies(String what, Function<URI, T> op) {
    if (offline) {
      throw GovernException.precondition("cannot " + what + " offline", "run without --offline");
    }
    if (ModulePatterns.matches(env.gonoproxy(), ToolchainModule.PATH)) {
      throw GovernException.precondition(
          "cannot "
              + what
              + ": GONOPROXY="
              + env.gonoproxy()
              + " (or GOPRIVATE) covers "
              + ToolchainModule.PATH
              + ", so no proxy may be asked, and direct is not a source of toolchains",
          "take " + ToolchainModule.PATH + " out of GONOPROXY/GOPRIVATE");
    }
    GovernException best = null;
    int bestRank = 0; // 0: not found, 1: a proxy's other error, 2: direct
    for (int i = 0; i < proxies.entries().size(); i++) {
      ProxyList.Entry e = proxies.entries().get(i);
      if (e.isOff()) {
        if (bestRank == 0) {
          best =
              GovernException.notFound(
                  "cannot " + what + ": module lookup disabled by GOPROXY=off", null);
        }
        break;
      }
      if (e.isDirect()) {
        best =
            GovernException.notFound(
                "cannot "
                    + what
                    + ": no proxy in GOPROXY="
                    + env.goproxy()
                    + " has it, and direct is not a source of toolchains (only module proxies serve "
                    + ToolchainModule.PATH
                    + ")",
                "install from go.dev (--source go.dev) or use a proxy that mirrors proxy.golang.org");
        break;
      }
      try {
        return op.apply(bases.get(i));
      } catch (GovernException err) {
        boolean notFound = err.code() == ErrorCode.NOT_FOUND;
        if (!notFound) {
          best = err;
          bestRank = 1;
        } else if (bestRank == 0) {
          best = err;
        }
        if (!e.fallBackOnError() && !notFound) {
          break;
        }
      }
    }
    if (bestRank == 0
        && best != null
        && best.code() == ErrorCode.NOT_FOUND
        && !best.getMessage().startsWith("cannot ")) {
      throw GovernException.notFound(
          "cannot "
              + what
              + ": no proxy in GOPROXY="
              + env.goproxy()
              + " has it ("
              + best.getMessage()
              + ")",
          null);
    }
    throw best;
  }

  private byte[] get(URI base, String rel, long max) {
    return fetcher.readAll(resolve(base, rel), max);
  }

  private static URI resolve(URI base, String rel) {
    String b = base.toString();
    return URI.create(
        (b.endsWith("/") ? b : b + "/") + ModuleEscape.escape(ToolchainModule.PATH) + "/" + rel);
  }

  static URI withoutUserInfo(URI u) {
    try {
      return new URI(
          u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null);
    } catch (URISyntaxException e) {
      throw GovernException.invalidInput("invalid GOPROXY URL " + u.getHost());
    }
  }
}
