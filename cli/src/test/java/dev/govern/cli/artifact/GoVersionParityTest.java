package dev.govern.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.GoToolchain;
import dev.govern.core.testing.GoToolchains;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code go version -m} (Debian's Go 1.19, and the newest Go) and {@code govern
 * inspect} on the same tree of awkward names, nested directories and symlinks holding binaries that
 * toolchain built, and compares the output byte for byte.
 */
@Tag("slow")
class GoVersionParityTest {
  @TempDir Path home;
  @TempDir Path work;

  static Stream<GoToolchain> toolchains() {
    return Stream.of(GoToolchains.debian119(), GoToolchains.newest());
  }

  private static void link(Path target, TestBinary binary) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, binary.file());
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(binary.file(), target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static TestBinary built(GoToolchain tc, String program, String platform, Mode mode) {
    String[] p = platform.split("/");
    return TestBinaries.get(new dev.govern.core.testing.GoBuild(program, tc, p[0], p[1], mode));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolchains")
  void directoryOutputIsIdenticalToGoVersionM(GoToolchain tc) throws Exception {
    Path t = work.resolve("tree");
    link(t.resolve("B"), built(tc, "timeonly", "linux/386", Mode.DEFAULT));
    link(t.resolve("a"), built(tc, "moddep", "linux/amd64", Mode.DEFAULT));
    link(t.resolve("a.b"), built(tc, "vcsdemo", "linux/amd64", Mode.VCS));
    link(t.resolve("a-b"), built(tc, "timeonly", "windows/amd64", Mode.DEFAULT));
    link(t.resolve("a_b/inner"), built(tc, "timeonly", "darwin/arm64", Mode.DEFAULT));
    link(t.resolve("\u00e4"), built(tc, "timeonly", "linux/arm64", Mode.DEFAULT));
    link(t.resolve("deep/er/est/bin"), built(tc, "vcsdemo", "linux/amd64", Mode.VCS_DIRTY));
    Files.writeString(t.resolve("deep/readme"), "text");
    Path script = Files.writeString(t.resolve("deep/run"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(
        t.resolve("ln-file"), built(tc, "timeonly", "linux/amd64", Mode.PIE).file());
    Files.createSymbolicLink(t.resolve("ln-dir"), t.resolve("deep"));
    Files.createSymbolicLink(t.resolve("ln-dangling"), t.resolve("nowhere"));

    String arg = work + "/./tree//";
    GoToolchain.Output go = tc.run(work, TestBinaries.goEnv(tc), "version", "-m", arg);
    String want = go.out();
    assertThat(want)
        .contains("tree/a_b/inner: " + tc.version())
        .contains("tree/ln-file: " + tc.version());
    CliRunner.Result r = new CliRunner(home).run("inspect", arg);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(want);
    Files.delete(t.resolve("ln-file")); // points outside the temp dir: JUnit would warn
  }
}
