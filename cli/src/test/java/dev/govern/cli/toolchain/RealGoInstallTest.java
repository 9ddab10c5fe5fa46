package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.CliRunner;
import dev.govern.core.testing.IndexJson;
import dev.govern.core.testing.MirrorServer;
import dev.govern.core.testing.RequiredPrograms;
import dev.govern.core.testing.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with a real Go: Debian's /usr/lib/go-1.19 packed as a go.dev-style {@code
 * go1.19.8.linux-amd64.tar.gz} (symbolic links into /usr/share dereferenced, so the archive stands
 * alone), served over HTTP on 127.0.0.1, installed with govern, then run.
 */
@Tag("slow")
class RealGoInstallTest {
  static final Path DEBIAN_GO = Path.of("/usr/lib/go-1.19");
  static final String FILE = "go1.19.8.linux-amd64.tar.gz";

  private static MirrorServer server;

  @TempDir Path tmp;

  /** The packed archive, built once and kept under target/ for later runs. */
  static Path archive() throws Exception {
    Path cached = Path.of("target", "real-go", FILE).toAbsolutePath();
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    Files.createDirectories(cached.getParent());
    Path part = cached.resolveSibling(FILE + ".building");
    Process p =
        new ProcessBuilder(
                "tar",
                "--dereference",
                "--use-compress-program=gzip -1",
                "--transform=s,^go-1\\.19,go,",
                "-cf",
                part.toString(),
                "-C",
                DEBIAN_GO.getParent().toString(),
                DEBIAN_GO.getFileName().toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("tar failed to pack " + DEBIAN_GO);
    }
    Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE);
    return cached;
  }

  @BeforeAll
  static void serve() throws Exception {
    RequiredPrograms.go119(); // fails with the apt-get line when Debian's Go 1.19 is missing
    assertThat(Files.readString(DEBIAN_GO.resolve("VERSION"))).startsWith("go1.19.8");
    byte[] a = Files.readAllBytes(archive());
    server =
        new MirrorServer()
            .put(FILE, a)
            .put(
                "index.json",
                new IndexJson()
                    .release(
                        "go1.19.8",
                        true,
                        IndexJson.file(
                            FILE, "linux", "amd64", "go1.19.8", TarBuilder.sha256(a), a.length))
                    .bytes());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void installsThePackedDebianGoFromALoopbackMirrorAndItRuns() throws Exception {
    String base = server.base();
    CliRunner govern = new CliRunner(tmp);
    CliRunner.Result r = govern.run("install", "1.19", "--mirror", base);
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    Path root = tmp.resolve(".govern/toolchains/go1.19.8");
    assertThat(r.out()).isEqualTo("installed go1.19.8 in " + root + "\n");
    String go = root.resolve("bin/go").toString();
    assertThat(run(tmp, go, "version")).isEqualTo("go version go1.19.8 linux/amd64\n");
    assertThat(run(tmp, go, "env", "GOROOT").strip()).isEqualTo(root.toString());
    // the toolchain compiles a program on its own, with nothing of /usr/lib/go-1.19 needed
    Path mod = Files.createDirectories(tmp.resolve("hello"));
    Files.writeString(mod.resolve("go.mod"), "module hello\n\ngo 1.19\n");
    Files.writeString(
        mod.resolve("main.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello from govern\") }\n");
    ProcessBuilder pb =
        new ProcessBuilder(go, "run", ".").directory(mod.toFile()).redirectErrorStream(true);
    pb.environment().put("GOCACHE", tmp.resolve("gocache").toString());
    pb.environment().put("GOPATH", tmp.resolve("gopath").toString());
    pb.environment().put("GOTOOLCHAIN", "local");
    pb.environment().remove("GOROOT");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("hello from govern\n");
    assertThat(govern.run("list").out()).isEqualTo("go1.19.8\n");
  }
}
