package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.CliRunner;
import dev.govern.core.ledger.Change;
import dev.govern.core.testing.FakeToolchains;
import dev.govern.core.testing.RequiredPrograms;
import dev.govern.core.toolchain.ProcessRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole "use" story with Debian's real Go 1.19.8 behind the shims: go version and a hello-world
 * build through {@code bin/go}, a pinned directory, default switches, a verified rollback and a
 * failed one that restores, and the bash shell function.
 */
@Tag("slow")
class ToolchainEndToEndTest {
  @TempDir Path tmp;
  Path home;
  Path hello;
  final List<Change> recorded = new ArrayList<>();

  /** The link to /usr/lib/go-1.19 points outside the temp dir: JUnit would warn on cleanup. */
  @AfterEach
  void dropTheLinkToRealGo() throws IOException {
    if (home != null) {
      Files.deleteIfExists(home.resolve("toolchains/go1.19.8"));
    }
  }

  @BeforeEach
  void realGoAndAStandIn() throws Exception {
    RequiredPrograms.go119(); // fails with the apt-get line when Debian's Go 1.19 is missing
    home = tmp.resolve(".govern");
    TestToolchains.realGo119(home);
    TestToolchains.fake(home, "go1.20.14");
    hello = tmp.resolve("src/hello");
    Files.createDirectories(hello);
    Files.writeString(hello.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
    Files.writeString(
        hello.resolve("main.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello from\", runtimeVersion()) }\n");
    Files.writeString(
        hello.resolve("version.go"),
        "package main\n\nimport \"runtime\"\n\nfunc runtimeVersion() string { return runtime.Version() }\n");
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", home.resolve("bin") + ":/usr/bin:/bin");
    env.put("HOME", tmp.toString());
    env.put("GOVERN_HOME", home.toString());
    env.put("GOCACHE", tmp.resolve("gocache").toString());
    env.put("GOPATH", tmp.resolve("gopath").toString());
    env.put("GOPROXY", "off");
    env.put("GOFLAGS", "-mod=mod");
    env.put("HOSTNAME", "e2e");
    return env;
  }

  CliRunner govern(Path cwd) {
    CliRunner r = new CliRunner(tmp).cwd(cwd).recorder(recorded::add);
    env().forEach(r::env);
    return r;
  }

  ProcessRun shell(Path cwd, String script) {
    return ProcessRun.run(List.of("/bin/sh", "-c", script), cwd, env(), Duration.ofMinutes(3));
  }

  @Test
  void realGoThroughTheShimPinSwitchAndRollBack() throws Exception {
    assertThat(govern(tmp).run("use", "1.19.8", "--default", "--reason", "baseline").exitCode())
        .isZero();

    ProcessRun version = shell(hello, "go version");
    assertThat(version.output()).isEqualTo("go version go1.19.8 linux/amd64\n");

    ProcessRun build = shell(hello, "go build -o hello . && ./hello && go env GOTOOLCHAIN GOROOT");
    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output())
        .startsWith("hello from go1.19.8\n")
        .endsWith(TestToolchains.REAL_GO + "\n");
    assertThat(shell(hello, "gofmt -l .").exitCode()).isZero();

    Path pinned = tmp.resolve("src/legacy/cmd/tool");
    Files.createDirectories(pinned);
    assertThat(govern(tmp.resolve("src/legacy")).run("pin", "1.20.14").exitCode()).isZero();
    assertThat(shell(pinned, "go version").output())
        .isEqualTo("go version go1.20.14 linux/amd64\n");
    assertThat(shell(hello, "go version").output()).isEqualTo("go version go1.19.8 linux/amd64\n");

    assertThat(govern(tmp).run("use", "1.20.14", "--default").exitCode()).isZero();
    assertThat(shell(hello, "go version").output()).isEqualTo("go version go1.20.14 linux/amd64\n");
    assertThat(shell(hello, "GOTOOLCHAIN=path go1.19.8 version").output())
        .isEqualTo("go version go1.19.8 linux/amd64\n");

    CliRunner.Result failed =
        govern(hello).run("rollback", "--reason", "smoke", "--smoke", "go vet ./... && exit 9");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("FAILED", "the default is go1.20.14 again");
    assertThat(shell(hello, "go version").output()).isEqualTo("go version go1.20.14 linux/amd64\n");

    Files.createDirectories(hello.resolve("ci"));
    Files.writeString(
        hello.resolve("ci/smoke_test.sh"), "set -e\ngo build -o smoke-bin .\n./smoke-bin\n");
    CliRunner.Result ok = govern(hello).run("rollback", "--reason", "1.20 breaks the build");
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).endsWith("rolled back go1.20.14 -> go1.19.8, verified\n");
    assertThat(shell(hello, "go version").output()).isEqualTo("go version go1.19.8 linux/amd64\n");

    Change rollback = recorded.get(recorded.size() - 1);
    assertThat(rollback.action()).isEqualTo("rollback");
    assertThat(rollback.evidence().head())
        .contains("go version go1.19.8 linux/amd64", "hello from go1.19.8");
    assertThat(recorded)
        .extracting(Change::action)
        .containsExactly("use-default", "pin", "use-default", "rollback-failed", "rollback");
  }

  @Test
  void theBashFunctionSwitchesOnlyTheCurrentShell() throws Exception {
    assertThat(Path.of("/bin/bash"))
        .as(RequiredPrograms.missing("/bin/bash", "bash"))
        .isExecutable();
    assertThat(govern(tmp).run("use", "1.19.8", "--default").exitCode()).isZero();
    Path launcher = tmp.resolve("launcher/govern");
    FakeToolchains.script(
        launcher,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' dev.govern.cli.Main \"$@\"\n");
    Map<String, String> env = env();
    env.put("PATH", launcher.getParent() + ":/usr/bin:/bin");
    ProcessRun r =
        ProcessRun.run(
            List.of(
                "/bin/bash",
                "-c",
                "eval \"$(govern init bash)\" && govern use 1.20.14 && go version"
                    + " && govern current && govern use --unset && go version"),
            hello,
            env,
            Duration.ofMinutes(2));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains(
            "govern: this shell now uses go1.20.14\n"
                + "go version go1.20.14 linux/amd64\n"
                + "go1.20.14 (set by GOVERN_GO_VERSION)\n")
        .endsWith("go version go1.19.8 linux/amd64\n");
    assertThat(
            ProcessRun.run(
                    List.of(home.resolve("bin/go").toString(), "version"),
                    hello,
                    env(),
                    Duration.ofMinutes(1))
                .output())
        .isEqualTo("go version go1.19.8 linux/amd64\n");
  }
}
