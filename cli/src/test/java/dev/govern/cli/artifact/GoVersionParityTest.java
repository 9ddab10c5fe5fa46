package dev.govern.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code go version -m} (Debian's Go 1.19) and {@code govern inspect} on the same
 * tree of awkward names, nested directories and symlinks, and compares the output byte for byte.
 */
@Tag("slow")
class GoVersionParityTest {
  private static final Path GO = Path.of("/usr/lib/go-1.19/bin/go");

  @TempDir Path home;
  @TempDir Path work;

  private static Path fixture(String name) {
    return Path.of(System.getProperty("govern.shared")).resolve("fixtures").resolve(name);
  }

  private static void link(Path target, String fixture) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, fixture(fixture));
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(fixture(fixture), target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private String go(String arg) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(GO.toString(), "version", "-m", arg)
            .directory(work.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Test
  void directoryOutputIsIdenticalToGoVersionM() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(GO), "Go 1.19 is not installed");
    Path t = work.resolve("tree");
    link(t.resolve("B"), "timeonly-linux-386");
    link(t.resolve("a"), "moddep-linux-amd64");
    link(t.resolve("a.b"), "vcsdemo-linux-amd64");
    link(t.resolve("a-b"), "timeonly-windows-amd64.exe");
    link(t.resolve("a_b/inner"), "timeonly-darwin-arm64");
    link(t.resolve("\u00e4"), "timeonly-linux-arm64");
    link(t.resolve("deep/er/est/bin"), "vcsdemo-linux-amd64-dirty");
    Files.writeString(t.resolve("deep/readme"), "text");
    Path script = Files.writeString(t.resolve("deep/run"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(t.resolve("ln-file"), fixture("timeonly-linux-amd64-pie"));
    Files.createSymbolicLink(t.resolve("ln-dir"), t.resolve("deep"));
    Files.createSymbolicLink(t.resolve("ln-dangling"), t.resolve("nowhere"));

    String arg = work + "/./tree//";
    String want = go(arg);
    assertThat(want).contains("tree/a_b/inner: go1.19.8").contains("tree/ln-file: go1.19.8");
    CliRunner.Result r = new CliRunner(home).run("inspect", arg);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(want);
    Files.delete(t.resolve("ln-file")); // points outside the temp dir: JUnit would warn
  }
}
