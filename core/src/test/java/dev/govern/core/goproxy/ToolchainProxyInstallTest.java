package dev.govern.core.goproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.testing.GoProxyServer;
import dev.govern.core.toolchain.DownloadProgress;
import dev.govern.core.toolchain.InstallProbe;
import dev.govern.core.toolchain.Installer;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs through a Go module proxy on 127.0.0.1 serving small toolchain modules made in the test,
 * with a checksum database signed by a test key: the tree, the checks, and every way the proxy list
 * and the proxies can fail.
 */
class ToolchainProxyInstallTest {
  static final Platform LINUX = new Platform("linux", "amd64");

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();
  final List<GoProxyServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(GoProxyServer::close);
  }

  GoProxyServer serve(Path folder) throws Exception {
    GoProxyServer s = new GoProxyServer(folder);
    servers.add(s);
    return s;
  }

  SyntheticToolchains synthetic() throws Exception {
    return new SyntheticToolchains(tmp.resolve("proxy")).add("go1.99.1").add("go1.99.2");
  }

  Installer.Result install(Map<String, String> env, String toolchain, UnpackLimits limits) {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    ToolchainProxy proxy = new ToolchainProxy(GoEnv.of(env), new UrlFetcher(), home, warnings::add);
    GoVersion v = GoVersion.parse(toolchain);
    ToolchainProxy.Origin o = proxy.origin(v, LINUX);
    return new Installer(
            new ToolchainStore(home),
            new UrlFetcher(),
            limits,
            InstallProbe.NONE,
            DownloadProgress.NONE)
        .install(v, o.zip());
  }

  Installer.Result install(Map<String, String> env, String toolchain) {
    return install(env, toolchain, UnpackLimits.defaults());
  }

  @Test
  void installsTheTreeAGoDevArchiveHasWithItsModesAndGoModFiles() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer proxy = serve(s.write());
    Installer.Result r = install(s.env(proxy.url()), "go1.99.1");
    Path root = r.root();
    assertThat(r.h1()).isEqualTo(s.h1s.get(SyntheticToolchains.mv("go1.99.1")));
    assertThat(root).isEqualTo(tmp.resolve("home/toolchains/go1.99.1"));
    assertThat(mode(root.resolve("bin/go"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(root.resolve("pkg/tool/linux_amd64/compile"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(root.resolve("src/make.bash"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(root.resolve("lib/wasm/go_js_wasm_exec"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(root.resolve("README.md"))).isEqualTo("rw-r--r--");
    assertThat(root.resolve("src/go.mod")).hasContent("module std");
    assertThat(root.resolve("src/cmd/go.mod")).hasContent("module cmd");
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("_go.mod");
    }
    assertThat(proxy.requests())
        .contains(
            "/sumdb/" + SyntheticToolchains.DB + "/supported",
            "/sumdb/" + SyntheticToolchains.DB + "/latest",
            "/sumdb/"
                + SyntheticToolchains.DB
                + "/lookup/golang.org/toolchain@v0.0.1-go1.99.1.linux-amd64",
            "/golang.org/toolchain/@v/v0.0.1-go1.99.1.linux-amd64.zip");
    assertThat(tmp.resolve("home/downloads/go1.99.1.linux-amd64.module.zip")).exists();
    assertThat(warnings).isEmpty();
  }

  @Test
  void listsTheVersionsOfThisPlatformNewestFirst() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer proxy = serve(s.write());
    ToolchainProxy p =
        new ToolchainProxy(
            GoEnv.of(s.env(proxy.url())), new UrlFetcher(), new GovernHome(tmp), warnings::add);
    assertThat(p.versions(LINUX))
        .containsExactly(GoVersion.parse("go1.99.2"), GoVersion.parse("go1.99.1"));
    assertThat(p.versions(new Platform("darwin", "arm64"))).isEmpty();
  }

  @Test
  void refusesAZipWhoseHashIsNotTheOneTheDatabaseProves() throws Exception {
    SyntheticToolchains s = new SyntheticToolchains(tmp.resolve("proxy")).add("go1.99.1");
    Map<String, byte[]> other = new LinkedHashMap<>();
    other.put("VERSION", "go1.99.3\n".getBytes(StandardCharsets.UTF_8));
    s.addRaw("go1.99.3", SyntheticToolchains.prefixed("go1.99.3", other), false);
    s.recordInstead("go1.99.3", s.h1s.get(SyntheticToolchains.mv("go1.99.1")));
    GoProxyServer proxy = serve(s.write());
    assertThatThrownBy(() -> install(s.env(proxy.url()), "go1.99.3"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("checksum mismatch for go1.99.3.linux-amd64.module.zip")
        .hasMessageContaining(
            "the checksum database has " + s.h1s.get(SyntheticToolchains.mv("go1.99.1")))
        .hasMessageContaining("the download was deleted")
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
    assertThat(tmp.resolve("home/toolchains/go1.99.3")).doesNotExist();
    assertThat(tmp.resolve("home/downloads/go1.99.3.linux-amd64.module.zip")).doesNotExist();
    assertThat(tmp.resolve("home/downloads/go1.99.3.linux-amd64.module.zip.partial"))
        .doesNotExist();
  }

  @Test
  void refusesAToolchainTheDatabaseDoesNotKnow() throws Exception {
    SyntheticToolchains s = new SyntheticToolchains(tmp.resolve("proxy")).add("go1.99.1");
    s.addRaw(
        "go1.99.4",
        SyntheticToolchains.prefixed("go1.99.4", Map.of("VERSION", new byte[] {'x'})),
        false);
    GoProxyServer proxy = serve(s.write());
    assertThatThrownBy(() -> install(s.env(proxy.url()), "go1.99.4"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining("lookup/golang.org/toolchain@v0.0.1-go1.99.4.linux-amd64");
    assertThat(proxy.count(".zip")).isZero(); // refused before the download
  }

  @Test
  void aTamperedSignedTreeIsRefusedBeforeTheDownload() throws Exception {
    SyntheticToolchains s = synthetic();
    Path folder = s.write();
    Path latest = folder.resolve("sumdb/" + SyntheticToolchains.DB + "/latest");
    Files.writeString(latest, Files.readString(latest).replaceFirst("\n(\\d+)\n", "\n1$1\n"));
    GoProxyServer proxy = serve(folder);
    assertThatThrownBy(() -> install(s.env(proxy.url()), "go1.99.1"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("the latest tree of " + SyntheticToolchains.DB)
        .hasMessageContaining("is invalid")
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.CHECK_FAILED);
    assertThat(proxy.count(".zip")).isZero();
  }

  @Test
  void goSumDbOffAndGoNoSumDbInstallUncheckedWithAWarning() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer proxy = serve(s.write());
    Map<String, String> env = s.env(proxy.url());
    env.put("GOSUMDB", "off");
    assertThat(install(env, "go1.99.1").h1())
        .isEqualTo(s.h1s.get(SyntheticToolchains.mv("go1.99.1")));
    assertThat(warnings)
        .containsExactly("GOSUMDB=off: the toolchain is NOT checked against a checksum database");
    warnings.clear();
    env.remove("GOSUMDB");
    env.put("GOPRIVATE", "*.corp.example");
    env.put("GONOSUMDB", "golang.org");
    install(env, "go1.99.2");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("GONOSUMDB=golang.org covers golang.org/toolchain");
    assertThat(proxy.count("/sumdb/")).isZero();
  }

  @Test
  void theDatabaseCanBeReachedAtTheUrlGoSumDbNames() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer proxy = serve(s.write());
    Map<String, String> env = s.env(proxy.url());
    env.put(
        "GOSUMDB", s.log.verifierKey() + " " + proxy.url() + "/sumdb/" + SyntheticToolchains.DB);
    install(env, "go1.99.1");
    assertThat(proxy.requests()).doesNotContain("/sumdb/" + SyntheticToolchains.DB + "/supported");
  }

  @Test
  void aCommaMovesOnOnlyAfterNotFoundAndABarAfterAnyError() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer good = serve(s.write());
    GoProxyServer missing = serve(tmp.resolve("empty"));
    GoProxyServer broken = serve(tmp.resolve("empty")).status("*", 500);
    Map<String, String> env = s.env(missing.url() + "," + good.url());
    assertThat(install(env, "go1.99.1").alreadyInstalled()).isFalse();
    assertThat(missing.count(".info")).isEqualTo(1);

    Map<String, String> comma = s.env(broken.url() + "," + good.url());
    assertThatThrownBy(() -> install(comma, "go1.99.2"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining(broken.url());

    Map<String, String> bar = s.env(broken.url() + "|" + good.url());
    assertThat(install(bar, "go1.99.2").version()).isEqualTo(GoVersion.parse("go1.99.2"));
  }

  @Test
  void offAndDirectEndTheListAndDirectIsNotASourceOfToolchains() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer good = serve(s.write());
    GoProxyServer missing = serve(tmp.resolve("empty"));
    assertThatThrownBy(() -> install(s.env(missing.url() + ",off," + good.url()), "go1.99.1"))
        .hasMessage("cannot find go1.99.1 for linux/amd64: module lookup disabled by GOPROXY=off");
    assertThatThrownBy(() -> install(s.env(missing.url() + ",direct"), "go1.99.1"))
        .hasMessageContaining("direct is not a source of toolchains")
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(good.requests()).isEmpty();
  }

  @Test
  void goNoProxyCoveringTheToolchainModuleLeavesNoProxyToAsk() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer good = serve(s.write());
    Map<String, String> env = s.env(good.url());
    env.put("GOPRIVATE", "golang.org");
    assertThatThrownBy(() -> install(env, "go1.99.1"))
        .hasMessageContaining("GONOPROXY=golang.org (or GOPRIVATE) covers golang.org/toolchain")
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.PRECONDITION);
    assertThat(good.requests()).isEmpty();
  }

  @Test
  void refusesCredentialsInAPlainHttpProxyUrl() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer good = serve(s.write());
    Map<String, String> env = s.env(good.url().replace("http://", "http://me:secret@"));
    assertThatThrownBy(() -> install(env, "go1.99.1"))
        .hasMessageStartingWith("refusing to pass credentials to insecure URL: http://127.0.0.1")
        .hasMessageNotContaining("secret");
  }

  @Test
  void zipSlipAndEntriesOutsideTheModuleAreRefusedWithNothingLeft() throws Exception {
    String[][] cases = {
      {
        "golang.org/toolchain@" + SyntheticToolchains.mv("go1.99.5") + "/../../../etc/x",
        "refers to a parent folder"
      },
      {
        "golang.org/toolchain@v0.0.1-go1.99.9.linux-amd64/VERSION",
        "is outside golang.org/toolchain@v0.0.1-go1.99.5"
      },
      {"/etc/passwd", "is outside"},
    };
    for (String[] c : cases) {
      if (Files.exists(tmp.resolve("home"))) {
        deleteTree(tmp.resolve("home")); // each case signs its database with a key of its own
      }
      Path folder = tmp.resolve("slip" + Math.abs(c[0].hashCode()));
      SyntheticToolchains s = new SyntheticToolchains(folder);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put(
          "golang.org/toolchain@" + SyntheticToolchains.mv("go1.99.5") + "/VERSION",
          "go1.99.5\n".getBytes(StandardCharsets.UTF_8));
      entries.put(c[0], "x".getBytes(StandardCharsets.UTF_8));
      s.addRaw("go1.99.5", entries, true);
      GoProxyServer proxy = serve(s.write());
      assertThatThrownBy(() -> install(s.env(proxy.url()), "go1.99.5"))
          .as(c[0])
          .isInstanceOf(GovernException.class)
          .hasMessageContaining("refusing to unpack go1.99.5.linux-amd64.module.zip")
          .hasMessageContaining(c[1]);
      assertThat(tmp.resolve("home/toolchains/go1.99.5")).doesNotExist();
      try (Stream<Path> left = Files.list(tmp.resolve("home/toolchains"))) {
        assertThat(
                left.filter(
                    p ->
                        !p.getFileName().toString().startsWith(".trash")
                            && !p.getFileName().toString().endsWith(".lock")))
            .isEmpty();
      }
    }
  }

  @Test
  void aDecompressionBombStopsAtTheLimit() throws Exception {
    SyntheticToolchains s = new SyntheticToolchains(tmp.resolve("proxy"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "golang.org/toolchain@" + SyntheticToolchains.mv("go1.99.6") + "/VERSION",
        "go1.99.6\n".getBytes(StandardCharsets.UTF_8));
    entries.put(
        "golang.org/toolchain@" + SyntheticToolchains.mv("go1.99.6") + "/zeros", new byte[8 << 20]);
    s.addRaw("go1.99.6", entries, true);
    GoProxyServer proxy = serve(s.write());
    assertThatThrownBy(
            () -> install(s.env(proxy.url()), "go1.99.6", new UnpackLimits(1 << 20, 100)))
        .hasMessageContaining("unpacks to more than 1048576 bytes");
    assertThat(tmp.resolve("home/toolchains/go1.99.6")).doesNotExist();
  }

  @Test
  void aSecondInstallUsesTheVerifiedZipInDownloadsAndNoNetworkForTheZip() throws Exception {
    SyntheticToolchains s = synthetic();
    GoProxyServer proxy = serve(s.write());
    Installer.Result first = install(s.env(proxy.url()), "go1.99.1");
    assertThat(first.downloadedBytes()).isPositive();
    deleteTree(first.root());
    Installer.Result again = install(s.env(proxy.url()), "go1.99.1");
    assertThat(again.downloadedBytes()).isZero();
    assertThat(again.h1()).isEqualTo(first.h1());
    assertThat(proxy.count(".zip")).isEqualTo(1);
  }

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  static void deleteTree(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
