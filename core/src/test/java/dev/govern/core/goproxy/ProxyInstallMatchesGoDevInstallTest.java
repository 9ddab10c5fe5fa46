package dev.govern.core.goproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.archive.ArchiveEntry;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.archive.ZipEntries;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.testing.GoProxyServer;
import dev.govern.core.testing.TestToolchainCache;
import dev.govern.core.toolchain.DistributionModes;
import dev.govern.core.toolchain.DownloadProgress;
import dev.govern.core.toolchain.InstallProbe;
import dev.govern.core.toolchain.Installer;
import dev.govern.core.toolchain.ProcessRun;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toolchain installed from the module proxy is the tree a go.dev archive installs: compared file
 * by file (content and mode) with the machine's own Go, a go.dev install, after installing the same
 * version from its module form (the test cache, served on 127.0.0.1, proven with sum.golang.org).
 * The module form leaves out what cmd/distpack leaves out of it (api/, doc/, misc/, test/).
 */
@Tag("slow")
class ProxyInstallMatchesGoDevInstallTest {
  private static final List<String> NOT_IN_MODULES = List.of("api/", "doc/", "misc/", "test/");

  @TempDir Path tmp;

  @Test
  void theMachinesGoAndItsModuleFormInstallTheSameTree() throws Exception {
    Map<String, String> env =
        Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "GOTOOLCHAIN", "local");
    String[] goEnv =
        ProcessRun.run(
                List.of("go", "env", "GOROOT", "GOVERSION"), tmp, env, Duration.ofSeconds(60))
            .output()
            .split("\n");
    Path goroot = Path.of(goEnv[0]).toRealPath();
    GoVersion version = GoVersion.parse(goEnv[1]);
    Platform platform = Platform.current(null, null);
    assertThat(TestToolchainCache.toolchains(platform))
        .as(
            "the cache holds the machine's "
                + version
                + "; fill it with "
                + TestToolchainCache.FILL)
        .contains(version);

    Installer.Result r;
    try (GoProxyServer proxy = new GoProxyServer(TestToolchainCache.proxyFolder())) {
      Map<String, String> goEnvVars = new HashMap<>(Map.of("GOPROXY", proxy.url(), "GOENV", "off"));
      GovernHome home = new GovernHome(tmp.resolve("home"));
      ToolchainProxy p = new ToolchainProxy(GoEnv.of(goEnvVars), new UrlFetcher(), home, w -> {});
      ToolchainProxy.Origin o = p.origin(version, platform);
      r =
          new Installer(
                  new ToolchainStore(home),
                  new UrlFetcher(),
                  UnpackLimits.defaults(),
                  InstallProbe.NONE,
                  DownloadProgress.NONE)
              .install(version, o.zip());
    }
    String mv = ToolchainModule.version(version, platform);
    assertThat(r.h1())
        .isEqualTo(
            Files.readString(
                TestToolchainCache.proxyFolder()
                    .resolve("golang.org/toolchain/@v/" + mv + ".ziphash")));

    Map<String, String> installed = tree(r.root());
    Map<String, String> goDev = tree(goroot);
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> e : installed.entrySet()) {
      String there = goDev.get(e.getKey());
      if (there == null) {
        differences.add("only in the module install: " + e.getKey());
      } else if (!there.equals(e.getValue())) {
        differences.add(e.getKey() + ": go.dev " + there + ", module " + e.getValue());
      }
    }
    for (String f : goDev.keySet()) {
      if (!installed.containsKey(f) && NOT_IN_MODULES.stream().noneMatch(f::startsWith)) {
        differences.add("only in the go.dev install: " + f);
      }
    }
    // The machine's image edits GOROOT/go.env (GOTOOLCHAIN=local); every other file must agree.
    assertThat(differences).allMatch(d -> d.startsWith("go.env: "), "differences: " + differences);
    assertThat(installed.size()).isGreaterThan(5000);
  }

  @Test
  void everyCachedModuleZipOfGo121OnCarriesTheModesTheInstallerGives() throws Exception {
    Platform platform = Platform.current(null, null);
    int checked = 0;
    for (GoVersion v : TestToolchainCache.toolchains(platform)) {
      if (v.minor() < 21) {
        continue; // zips made before cmd/distpack carry no modes
      }
      String mv = ToolchainModule.version(v, platform);
      String prefix = ToolchainModule.zipPrefix(mv);
      try (ZipEntries z =
          ZipEntries.open(
              TestToolchainCache.proxyFolder().resolve("golang.org/toolchain/@v/" + mv + ".zip"))) {
        ArchiveEntry e;
        while ((e = z.next()) != null) {
          String rel = e.name().substring(prefix.length());
          assertThat(Integer.toOctalString(e.mode() & 0777))
              .as(mv + " " + rel)
              .isEqualTo(Integer.toOctalString(DistributionModes.of(rel)));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  /** Every regular file under {@code root}: relative path → mode and SHA-256. */
  static Map<String, String> tree(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          String mode =
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
          out.put(root.relativize(p).toString(), mode + " " + sha256(p));
        }
      }
    }
    return out;
  }

  static String sha256(Path p) throws Exception {
    java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    }
    return java.util.HexFormat.of().formatHex(d.digest());
  }
}
