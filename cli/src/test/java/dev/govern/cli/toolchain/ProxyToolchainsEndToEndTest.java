package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.govern.cli.CliRunner;
import dev.govern.core.release.Platform;
import dev.govern.core.testing.GoProxyServer;
import dev.govern.core.testing.TestToolchainCache;
import dev.govern.core.toolchain.ProcessRun;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story with real toolchains from a Go module proxy on 127.0.0.1 (the test cache, proven
 * with the real sum.golang.org key): install the two newest cached toolchains, switch between them
 * and Debian's Go 1.19 through the shims, build a program with each, and {@code govern inspect} it.
 */
@Tag("slow")
class ProxyToolchainsEndToEndTest {
  @TempDir Path tmp;
  Path home;
  GoProxyServer proxy;

  @AfterEach
  void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    if (home != null) {
      Files.deleteIfExists(home.resolve("toolchains/go1.19.8"));
    }
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", home.resolve("bin") + ":/usr/bin:/bin");
    env.put("HOME", tmp.toString());
    env.put("GOVERN_HOME", home.toString());
    env.put("GOCACHE", tmp.resolve("gocache").toString());
    env.put("GOPATH", tmp.resolve("gopath").toString());
    env.put("GOENV", "off");
    env.put("GOFLAGS", "-mod=mod");
    env.put("HOSTNAME", "e2e");
    return env;
  }

  CliRunner govern(Path cwd) {
    CliRunner r = new CliRunner(tmp).cwd(cwd);
    env().forEach(r::env);
    return r.env("GOPROXY", proxy.url());
  }

  ProcessRun shell(Path cwd, String script) {
    Map<String, String> env = env();
    env.put("GOPROXY", "off"); // builds need no module: nothing leaves the machine
    return ProcessRun.run(List.of("/bin/sh", "-c", script), cwd, env, Duration.ofMinutes(5));
  }

  @Test
  void installTwoFromTheProxySwitchWithDebiansGoBuildAndInspect() throws Exception {
    assumeTrue(Files.isExecutable(TestToolchains.REAL_GO.resolve("bin/go")), "needs golang-1.19");
    home = tmp.resolve(".govern");
    proxy = new GoProxyServer(TestToolchainCache.proxyFolder());
    Platform platform = Platform.current(null, null);
    String machineGo =
        ProcessRun.run(
                List.of("go", "env", "GOVERSION"),
                tmp,
                Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()),
                Duration.ofSeconds(30))
            .output()
            .strip();
    List<GoVersion> two = TestToolchainCache.newestTwo(platform, GoVersion.parse(machineGo));

    for (GoVersion v : two) {
      CliRunner.Result r =
          govern(tmp).run("install", v.bare(), "--source", "proxy", "--reason", "e2e");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("installed " + v, "proven by sum.golang.org record");
    }
    TestToolchains.realGo119(home);

    Path hello = tmp.resolve("src/hello");
    Files.createDirectories(hello);
    Files.writeString(hello.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
    Files.writeString(
        hello.resolve("main.go"),
        "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() { fmt.Println(\"hello from\", runtime.Version()) }\n");

    List<String> names = new ArrayList<>();
    names.add("go1.19.8");
    two.forEach(v -> names.add(v.toString()));
    for (String name : names) {
      CliRunner.Result use =
          govern(tmp).run("use", name.substring(2), "--default", "--reason", "e2e");
      assertThat(use.exitCode()).as(use.err()).isZero();
      assertThat(shell(hello, "go version").output()).startsWith("go version " + name + " ");
      String bin = "hello-" + name;
      ProcessRun build = shell(hello, "go build -o " + bin + " . && ./" + bin);
      assertThat(build.exitCode()).as(build.output()).isZero();
      assertThat(build.output()).isEqualTo("hello from " + name + "\n");
      String path = hello.resolve(bin).toString();
      CliRunner.Result inspect = govern(hello).run("inspect", path);
      assertThat(inspect.exitCode()).as(inspect.err()).isZero();
      ProcessRun goVersionM = shell(hello, "go version -m " + path);
      assertThat(inspect.out()).isEqualTo(goVersionM.output());
    }

    // a pin beats the default: the newest proxy toolchain in one folder, Debian's Go elsewhere
    assertThat(govern(tmp).run("use", "1.19.8", "--default").exitCode()).isZero();
    Path pinned = tmp.resolve("src/pinned");
    Files.createDirectories(pinned);
    assertThat(govern(pinned).run("pin", two.get(1).bare()).exitCode()).isZero();
    assertThat(shell(pinned, "go version").output()).startsWith("go version " + two.get(1) + " ");
    assertThat(shell(hello, "go version").output()).startsWith("go version go1.19.8 ");
    assertThat(shell(pinned, "GOTOOLCHAIN=path " + two.get(0) + " version").output())
        .startsWith("go version " + two.get(0) + " ");
  }
}
