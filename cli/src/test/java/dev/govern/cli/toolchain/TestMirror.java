package dev.govern.cli.toolchain;

import dev.govern.core.testing.IndexJson;
import dev.govern.core.testing.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A release mirror folder (index.json plus archives): each archive is core's tiny go.dev-style
 * toolchain ({@link TarBuilder#toolchain}) whose {@code bin/go} prints its version.
 */
final class TestMirror {
  private final Path dir;
  private final IndexJson index = new IndexJson();

  TestMirror(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir.resolve("mirror"));
  }

  String url() {
    return dir.toUri().toString();
  }

  /** Adds a release with a linux/amd64 archive; returns the archive. */
  Path release(String version, boolean stable) throws IOException {
    byte[] archive = TarBuilder.toolchain(version).tarGz();
    Path served = Files.write(dir.resolve(version + ".linux-amd64.tar.gz"), archive);
    index.release(version, stable, archive);
    Files.write(dir.resolve("index.json"), index.bytes());
    return served;
  }

  /** A {@code <version>.linux-amd64.tar.gz} in {@code work}, outside any mirror. */
  static Path toolchainArchive(Path work, String version) throws IOException {
    return Files.write(
        work.resolve(version + ".linux-amd64.tar.gz"), TarBuilder.toolchain(version).tarGz());
  }

  static String sha256(Path file) throws IOException {
    return TarBuilder.sha256(Files.readAllBytes(file));
  }
}
