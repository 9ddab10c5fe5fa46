package dev.govern.cli.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A release mirror folder (index.json plus archives) built with the system's {@code tar}: each
 * archive is a tiny go.dev-style toolchain whose {@code bin/go} prints its version.
 */
final class TestMirror {
  private final Path dir;
  private final Path work;
  private final List<String> releases = new ArrayList<>();

  TestMirror(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir.resolve("mirror"));
    this.work = Files.createDirectories(dir.resolve("mirror-work"));
  }

  String url() {
    return dir.toUri().toString();
  }

  /** Adds a release with a linux/amd64 archive; returns the archive. */
  Path release(String version, boolean stable) throws Exception {
    Path archive = toolchainArchive(work, version);
    Path served = dir.resolve(archive.getFileName());
    Files.copy(archive, served);
    releases.add(
        "{\"version\":\""
            + version
            + "\",\"stable\":"
            + stable
            + ",\"files\":[{\"filename\":\""
            + served.getFileName()
            + "\",\"os\":\"linux\",\"arch\":\"amd64\",\"version\":\""
            + version
            + "\",\"sha256\":\""
            + sha256(served)
            + "\",\"size\":"
            + Files.size(served)
            + ",\"kind\":\"archive\"}]}");
    Files.writeString(
        dir.resolve("index.json"), "[" + String.join(",", releases) + "]", StandardCharsets.UTF_8);
    return served;
  }

  /** A {@code <version>.linux-amd64.tar.gz} with go/VERSION and an executable go/bin/go. */
  static Path toolchainArchive(Path work, String version) throws Exception {
    Path src = Files.createDirectories(work.resolve(version));
    Files.createDirectories(src.resolve("go/bin"));
    Files.writeString(src.resolve("go/VERSION"), version + "\n");
    Path go = src.resolve("go/bin/go");
    Files.writeString(go, "#!/bin/sh\necho go version " + version + " linux/amd64\n");
    go.toFile().setExecutable(true, false);
    Path out = work.resolve(version + ".linux-amd64.tar.gz");
    Process p =
        new ProcessBuilder("tar", "-czf", out.toString(), "-C", src.toString(), "go")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("tar failed for " + version);
    }
    return out;
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
