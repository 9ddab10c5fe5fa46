package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.goproxy.GoEnv;
import dev.govern.core.goproxy.ToolchainProxy;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.testing.GoProxyServer;
import dev.govern.core.testing.TestToolchainCache;
import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * govern's choice against the real go command's: three real toolchains (the two newest cached ones
 * and the machine's Go, installed by govern from a Go module proxy on 127.0.0.1), the newer of the
 * two as the local toolchain, and the cases of Go's gotoolchain_local.txt mapped onto them. For
 * each, {@code go version} of the local toolchain with GOTOOLCHAIN as given (switching to the
 * toolchains it downloads from the same proxy, proven with sum.golang.org) must print what {@code
 * go version} through govern's shim prints; where the go command would download a toolchain that
 * does not exist, govern names that same version.
 */
@Tag("slow")
class RealGoToolchainRulesTest {
  private static final Pattern DOWNLOADING = Pattern.compile("go: downloading (\\S+) \\(");

  @TempDir Path tmp;

  record Row(
      String gotoolchain, String goMod, String goWork, boolean pathHasGovern, String go111module) {}

  @Test
  void governRunsWhatTheGoCommandRuns() throws Exception {
    Platform platform = Platform.current(null, null);
    Map<String, String> sys =
        Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "GOTOOLCHAIN", "local");
    GoVersion machine =
        GoVersion.parse(
            ProcessRun.run(List.of("go", "env", "GOVERSION"), tmp, sys, Duration.ofSeconds(30))
                .output()
                .strip());
    List<GoVersion> two = TestToolchainCache.newestTwo(platform, machine);
    String old = two.get(0).toString();
    String local = two.get(1).toString();
    String newer = machine.toString();
    GovernHome home = new GovernHome(tmp.resolve("home"));
    Path cache = TestToolchainCache.proxyFolder();
    try (GoProxyServer proxy = new GoProxyServer(cache)) {
      for (GoVersion v : List.of(two.get(0), two.get(1), machine)) {
        ToolchainProxy p =
            new ToolchainProxy(
                GoEnv.of(Map.of("GOPROXY", proxy.url(), "GOENV", "off")),
                new UrlFetcher(),
                home,
                w -> {});
        new Installer(
                new ToolchainStore(home),
                new UrlFetcher(),
                UnpackLimits.defaults(),
                InstallProbe.NONE,
                DownloadProgress.NONE)
            .install(v, p.origin(v, platform).zip());
      }
      Shims.refresh(home);
      // the go command proves its downloads against the same signed tree govern's tests use
      Path gopath = tmp.resolve("gopath");
      Files.createDirectories(gopath.resolve("pkg/sumdb/sum.golang.org"));
      Files.copy(
          cache.resolve("sumdb/sum.golang.org/latest"),
          gopath.resolve("pkg/sumdb/sum.golang.org/latest"));

      String o = old.substring(2);
      String n = newer.substring(2);
      List<Row> rows =
          List.of(
              new Row("-", "-", "-", false, null),
              new Row("auto", "-", "-", false, null),
              new Row("path", "-", "-", true, null),
              new Row(newer, "-", "-", false, null),
              new Row(old, "-", "-", false, null),
              new Row(newer + "+auto", "-", "-", false, null),
              new Row(old + "+auto", "-", "-", false, null),
              new Row(newer + "+path", "-", "-", true, null),
              new Row(old + "+path", "-", "-", true, null),
              new Row("auto", n + " none", "-", false, null),
              new Row("auto", o + " none", "-", false, null),
              new Row("auto", n + " " + old, "-", false, null),
              new Row("auto", o + " default", "-", false, null),
              new Row("auto", n + " default", "-", false, null),
              new Row("path", n + " none", "-", true, null),
              new Row("path", o + " none", "-", true, null),
              new Row("path", n + " default", "-", true, null),
              new Row(old + "+auto", "1.20 default", "-", false, null),
              new Row(newer + "+auto", "1.20 default", "-", false, null),
              new Row("auto", o + " " + newer, "-", false, null),
              new Row("auto", n + " none", o + " default", false, null),
              new Row("auto", o + " none", o + " " + newer, false, null),
              new Row("-", n + " none", "-", false, null),
              new Row("local", n + " none", "-", false, null),
              new Row("auto", n + " none", "-", false, "off"),
              new Row("auto", "1." + machine.minor() + " none", "-", false, null),
              new Row("auto", "1.99 none", "-", false, null));

      Path goBin = home.toolchain(local).resolve("bin/go");
      List<String> report = new ArrayList<>();
      int i = 0;
      for (Row r : rows) {
        Path dir = tmp.resolve("m" + i++);
        Files.createDirectories(dir);
        GoToolchainRulesTest.writeModuleFile(dir.resolve("go.mod"), "module m", r.goMod());
        GoToolchainRulesTest.writeModuleFile(dir.resolve("go.work"), "use .", r.goWork());
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.toString());
        env.put("GOENV", "off");
        env.put("GOPATH", gopath.toString());
        env.put("GOMODCACHE", tmp.resolve("modcache").toString());
        env.put("GOCACHE", tmp.resolve("gocache").toString());
        env.put("GOFLAGS", "-modcacherw");
        env.put("GOPROXY", proxy.url());
        env.put("PWD", dir.toString());
        if (!r.gotoolchain().equals("-")) {
          env.put("GOTOOLCHAIN", r.gotoolchain());
        }
        if (r.go111module() != null) {
          env.put("GO111MODULE", r.go111module());
        }
        env.put("PATH", (r.pathHasGovern() ? home.bin() + ":" : "") + "/usr/bin:/bin");
        ProcessRun real =
            ProcessRun.run(List.of(goBin.toString(), "version"), dir, env, Duration.ofMinutes(5));

        env.put("PATH", home.bin() + ":/usr/bin:/bin");
        env.put(Resolver.VARIABLE, local.substring(2));
        ProcessRun shim =
            ProcessRun.run(
                List.of(home.bin().resolve("go").toString(), "version"),
                dir,
                env,
                Duration.ofMinutes(5));
        Resolution chosen = new Resolver(home).resolve(dir, env, List.of("version"));

        String what =
            r
                + ": go says ["
                + real.output().strip()
                + "], govern says ["
                + shim.output().strip()
                + "]";
        report.add(what);
        if (real.exitCode() == 0) {
          String said = real.output().replaceAll("(?m)^go: downloading .*\n", "");
          assertThat(shim.output()).as(what).isEqualTo(said);
          assertThat(chosen.name()).as(what).isEqualTo(said.split(" ")[2]);
          if (!r.gotoolchain().equals("-")) {
            ProcessRun realEnv =
                ProcessRun.run(
                    List.of(goBin.toString(), "env", "GOTOOLCHAIN"),
                    dir,
                    env,
                    Duration.ofMinutes(1));
            ProcessRun shimEnv =
                ProcessRun.run(
                    List.of(home.bin().resolve("go").toString(), "env", "GOTOOLCHAIN"),
                    dir,
                    env,
                    Duration.ofMinutes(1));
            assertThat(shimEnv.output()).as(what).isEqualTo(realEnv.output());
          }
        } else {
          Matcher m = DOWNLOADING.matcher(real.output());
          assertThat(m.find()).as(what).isTrue();
          String target = m.group(1);
          assertThat(chosen.note()).as(what).contains("asks for " + target + " ");
          if (shim.exitCode() == 0) {
            // govern runs the newest installed toolchain at least as new as the one Go wanted
            assertThat(
                    Gover.compare(Gover.fromToolchain(chosen.name()), Gover.fromToolchain(target)))
                .as(what)
                .isPositive();
            assertThat(shim.output()).as(what).startsWith("go version " + chosen.name() + " ");
          } else {
            assertThat(shim.output())
                .as(what)
                .endsWith("run: govern install " + target.substring(2) + "\n");
          }
        }
      }
      System.out.println(String.join("\n", report));
    }
  }
}
