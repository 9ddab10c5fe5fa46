package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.GovernException;
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
 * two as the local toolchain, every case of Go's gotoolchain_local.txt ({@code select-cases.txt})
 * mapped onto real versions, and a few cases the table leaves out. For each, the local toolchain's
 * {@code go version} with GOTOOLCHAIN as given (switching to the toolchains it downloads from the
 * same proxy, proven with sum.golang.org) is compared with {@code go version} through govern's
 * shim: the same toolchain runs; or, where the go command chose a toolchain that exists nowhere
 * (its download fails), govern chose that same one and runs a newer installed one or names its
 * install; or both refuse the setting with the same words.
 */
@Tag("slow")
class RealGoToolchainRulesTest {
  private static final Pattern WANTED =
      Pattern.compile("go: downloading (\\S+) \\(|go: cannot find \"(\\S+)\" in PATH");

  @TempDir Path tmp;

  record Row(
      String from,
      String gotoolchain,
      String goMod,
      String goWork,
      boolean pathHasGovern,
      String go111module) {}

  /**
   * Go's test table on real versions: its made-up versions (go1.300 … go1.999, local go1.500) in
   * the same order around the three real toolchains: 1.400 is the old one, 1.500 the local one,
   * 1.600 and 1.700 the machine's Go; the others fall between or beyond them and exist nowhere (the
   * go command then tries to download them and names the version it chose). A custom local version
   * ({@code go1.500-bigcorp}) cannot be given to a real go binary: those rows run with the real
   * local toolchain.
   */
  record VersionMap(GoVersion old, GoVersion local, GoVersion newer) {
    private static final Pattern MADE_UP = Pattern.compile("1\\.(\\d{3})(\\.0)?(?![0-9])");

    String apply(String field) {
      Matcher m = MADE_UP.matcher(field);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, real(Integer.parseInt(m.group(1))));
      }
      m.appendTail(b);
      return b.toString();
    }

    private String real(int madeUp) {
      return switch (madeUp) {
        case 300 -> v(old.minor() - 1, 0);
        case 400 -> v(old.minor(), old.patch());
        case 499 ->
            local.patch() > 0 ? v(local.minor(), local.patch() - 1) : v(local.minor() - 1, 99);
        case 500 -> v(local.minor(), local.patch());
        case 501 -> v(local.minor(), local.patch() + 1);
        case 600, 700 -> v(newer.minor(), newer.patch());
        case 777 -> v(newer.minor() + 1, 0);
        case 800 -> v(newer.minor() + 1, 1);
        case 999 -> v(newer.minor() + 2, 0);
        default -> throw new IllegalArgumentException("no real version for 1." + madeUp);
      };
    }

    private static String v(int minor, int patch) {
      return "1." + minor + "." + patch;
    }
  }

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

      List<Row> rows = new ArrayList<>();
      VersionMap map = new VersionMap(two.get(0), two.get(1), machine);
      for (GoToolchainRulesTest.Case c : GoToolchainRulesTest.cases()) {
        String gt = map.apply(c.gotoolchain());
        rows.add(
            new Row(
                "line " + c.line(),
                gt,
                map.apply(c.goMod()),
                map.apply(c.goWork()),
                gt.contains("path"),
                null));
      }
      String o = old.substring(2);
      String n = newer.substring(2);
      // what the table leaves out: GOTOOLCHAIN unset and local, GO111MODULE=off, go lines that are
      // language versions (go 1.N asks for go1.N.0), one with no toolchain at all, forms on the
      // real names
      rows.add(new Row("extra", "-", "-", "-", false, null));
      rows.add(new Row("extra", "-", n + " none", "-", false, null));
      rows.add(new Row("extra", "local", n + " none", "-", false, null));
      rows.add(new Row("extra", "auto", n + " none", "-", false, "off"));
      rows.add(new Row("extra", "auto", "1." + machine.minor() + " none", "-", false, null));
      rows.add(new Row("extra", "auto", "1.99 none", "-", false, null));
      rows.add(new Row("extra", "auto", n + " " + old, "-", false, null));
      rows.add(new Row("extra", "path", o + " none", "-", true, null));
      rows.add(new Row("extra", old + "+auto", "1.20 default", "-", false, null));
      rows.add(new Row("extra", "auto", o + " none", o + " " + newer, false, null));
      rows.add(new Row("extra", "local+auto", n + " none", "-", false, null));
      rows.add(new Row("extra", "go1.2x", "-", "-", false, null));
      rows.add(new Row("extra", newer + "+local", "-", "-", false, null));

      Path goBin = home.toolchain(local).resolve("bin/go");
      List<String> report = new ArrayList<>();
      int i = 0;
      int ran = 0;
      int substituted = 0;
      int namedInstall = 0;
      int refusedAlike = 0;
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
        Resolution chosen = null;
        String refused = null;
        try {
          chosen = new Resolver(home).resolve(dir, env, List.of("version"));
        } catch (GovernException e) {
          refused = e.getMessage();
        }
        String what =
            r
                + ": go says ["
                + real.output().strip().replace("\n", " / ")
                + "], govern says ["
                + shim.output().strip()
                + "]";
        report.add(what);
        if (real.exitCode() == 0) {
          // the go command ran a toolchain (switching to it when needed): govern runs the same one
          String said = real.output().replaceAll("(?m)^go: downloading .*\n", "");
          assertThat(shim.output()).as(what).isEqualTo(said);
          assertThat(chosen).as(what).isNotNull();
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
          ran++;
          continue;
        }
        Matcher m = WANTED.matcher(real.output());
        if (!m.find()) {
          // the go command refused the setting: govern refuses it with the same words
          String[] lines = real.output().strip().split("\n");
          String msg = lines[lines.length - 1].replaceFirst("^go: ", "");
          assertThat(refused).as(what).isEqualTo(msg);
          assertThat(shim.exitCode() + " " + shim.output())
              .as(what)
              .isEqualTo("2 govern: " + msg + "\n");
          refusedAlike++;
          continue;
        }
        // the go command chose a toolchain it does not have (the proxy has none by that name):
        // govern chose the same one, and runs a newer installed one or names the exact install
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        assertThat(chosen).as(what).isNotNull();
        assertThat(chosen.wanted() != null ? chosen.wanted() : chosen.name())
            .as(what)
            .isEqualTo(target);
        if (shim.exitCode() == 0) {
          assertThat(chosen.wanted()).as(what).isEqualTo(target);
          assertThat(Gover.compare(Gover.fromToolchain(chosen.name()), Gover.fromToolchain(target)))
              .as(what)
              .isNotNegative();
          assertThat(shim.output()).as(what).startsWith("go version " + chosen.name() + " ");
          substituted++;
        } else {
          assertThat(shim.output())
              .as(what)
              .endsWith("run: govern install " + target.substring(2) + "\n");
          namedInstall++;
        }
      }
      report.add(
          rows.size()
              + " cases: "
              + ran
              + " ran the same toolchain, "
              + substituted
              + " chose the same missing toolchain (govern ran a newer installed one), "
              + namedInstall
              + " chose the same missing toolchain (govern named its install), "
              + refusedAlike
              + " refused alike");
      assertThat(ran + substituted + namedInstall + refusedAlike).isEqualTo(rows.size());
      System.out.println(String.join("\n", report));
    }
  }
}
