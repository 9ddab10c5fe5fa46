package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.config.GovernHome;
import dev.govern.core.testing.FakeToolchains;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The go command's toolchain selection rules, case by case from Go's own test data ({@code
 * select-cases.txt}, taken from cmd/go's gotoolchain_local.txt): the shim and {@code govern
 * current} run exactly what the go command would when it is installed; where the go command would
 * download, govern runs the newest installed toolchain at least as new, or names the exact install.
 */
class GoToolchainRulesTest {
  static final List<String> INSTALLED =
      List.of(
          "go1.300",
          "go1.400",
          "go1.400.0",
          "go1.499",
          "go1.500",
          "go1.500-bigcorp",
          "go1.501",
          "go1.501.0",
          "go1.600",
          "go1.600.0",
          "go1.600-right",
          "go1.700.0",
          "go1.800-bigcorp",
          "go1.999.0",
          "go1.999-wrong");

  /** One row of the table. */
  record Case(
      int line, String local, String gotoolchain, String goMod, String goWork, String expect) {
    @Override
    public String toString() {
      return "line "
          + line
          + ": "
          + local
          + " GOTOOLCHAIN="
          + gotoolchain
          + " go.mod["
          + goMod
          + "] go.work["
          + goWork
          + "] -> "
          + expect;
    }
  }

  @TempDir static Path tmp;
  static GovernHome home;

  @BeforeAll
  static void installEveryToolchainTheScriptSwitchesTo() throws IOException {
    home = new GovernHome(tmp.resolve("home"));
    for (String n : INSTALLED) {
      FakeToolchains.install(home, n);
    }
    Shims.refresh(home);
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in =
        GoToolchainRulesTest.class.getResourceAsStream("/gotoolchain/select-cases.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] f = l.split("\\|");
        out.add(
            new Case(i + 1, f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theShimAndGovernCurrentRunWhatTheGoCommandWould(Case c) throws Exception {
    DefaultLink.write(home, c.local());
    Path dir = Files.createTempDirectory(tmp, "m");
    writeModuleFile(dir.resolve("go.mod"), "module m", c.goMod());
    writeModuleFile(dir.resolve("go.work"), "use .", c.goWork());
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "PWD", dir.toString()));
    if (!c.gotoolchain().equals("-")) {
      env.put("GOTOOLCHAIN", c.gotoolchain());
    }
    ProcessRun shim =
        ProcessRun.run(
            List.of("/bin/sh", home.bin().resolve("go").toString(), "version"),
            dir,
            env,
            Duration.ofSeconds(20));
    if (c.expect().startsWith("error: ")) {
      String msg = c.expect().substring("error: ".length());
      assertThat(shim.exitCode() + " " + shim.output()).isEqualTo("2 govern: " + msg + "\n");
      assertThatThrownBy(() -> new Resolver(home).resolve(dir, env, List.of("version")))
          .hasMessage(msg);
      return;
    }
    assertThat(shim.exitCode() + " " + shim.output())
        .isEqualTo("0 go version " + c.expect() + " linux/amd64\n");
    assertThat(new Resolver(home).resolve(dir, env, List.of("version")).name())
        .isEqualTo(c.expect());
  }

  @Test
  void whereTheGoCommandWouldDownloadTheNewestInstalledToolchainAtLeastAsNewRuns()
      throws Exception {
    GovernHome h = new GovernHome(tmp.resolve("fewer"));
    for (String n : List.of("go1.500", "go1.650", "go1.800-bigcorp", "go1.750")) {
      FakeToolchains.install(h, n);
    }
    Shims.refresh(h);
    DefaultLink.write(h, "go1.500");
    Path dir = Files.createTempDirectory(tmp, "m");
    writeModuleFile(dir.resolve("go.mod"), "module m", "1.700 none");
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "PWD", dir.toString());
    ProcessRun shim =
        ProcessRun.run(
            List.of("/bin/sh", h.bin().resolve("go").toString(), "build"),
            dir,
            env,
            Duration.ofSeconds(20));
    assertThat(shim.output()).isEqualTo("RESOLVED go1.800-bigcorp go GOTOOLCHAIN=local\n");
    Resolution r = new Resolver(h).resolve(dir, env, List.of("build"));
    assertThat(r.name()).isEqualTo("go1.800-bigcorp");
    assertThat(r.note())
        .isEqualTo(
            dir.resolve("go.mod")
                + " asks for go1.700.0 (go 1.700); go1.500 (set by the global default) is older; go1.700.0 is not installed: go1.800-bigcorp is the newest installed toolchain at least as new");

    writeModuleFile(dir.resolve("go.mod"), "module m", "1.900 none");
    ProcessRun none =
        ProcessRun.run(
            List.of("/bin/sh", h.bin().resolve("go").toString(), "build"),
            dir,
            env,
            Duration.ofSeconds(20));
    String msg =
        "go1.900.0 is required by "
            + dir.resolve("go.mod")
            + " (go 1.900) but not installed, nor any newer toolchain; run: govern install 1.900.0";
    assertThat(none.exitCode() + " " + none.output()).isEqualTo("3 govern: " + msg + "\n");
    assertThat(new Resolver(h).resolve(dir, env, List.of("build")).notInstalledMessage())
        .isEqualTo(msg);
  }

  @Test
  void goEnvGoToolchainAndGo111ModuleOffRunTheLocalToolchainAsTheGoCommandDoes() throws Exception {
    DefaultLink.write(home, "go1.500");
    Path dir = Files.createTempDirectory(tmp, "m");
    writeModuleFile(dir.resolve("go.mod"), "module m", "1.700 none");
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "PWD", dir.toString()));
    ProcessRun envCmd =
        ProcessRun.run(
            List.of("/bin/sh", home.bin().resolve("go").toString(), "env", "GOTOOLCHAIN"),
            dir,
            env,
            Duration.ofSeconds(20));
    assertThat(envCmd.output()).isEqualTo(home.toolchain("go1.500").toRealPath() + "\n");
    env.put("GO111MODULE", "off");
    ProcessRun off =
        ProcessRun.run(
            List.of("/bin/sh", home.bin().resolve("go").toString(), "version"),
            dir,
            env,
            Duration.ofSeconds(20));
    assertThat(off.output()).isEqualTo("go version go1.500 linux/amd64\n");
  }

  static void writeModuleFile(Path file, String head, String spec) throws IOException {
    Files.deleteIfExists(file);
    if (spec.equals("-")) {
      return;
    }
    String[] f = spec.split("\\s+");
    StringBuilder b = new StringBuilder(head).append("\n\ngo ").append(f[0]).append('\n');
    if (!f[1].equals("none")) {
      b.append("toolchain ").append(f[1]).append('\n');
    }
    Files.writeString(file, b.toString());
  }
}
