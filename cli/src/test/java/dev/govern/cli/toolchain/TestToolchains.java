package dev.govern.cli.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Installed toolchains for CLI tests: small sh stand-ins, or Debian's real Go 1.19. */
final class TestToolchains {
  /** Debian's Go 1.19 (its VERSION says go1.19.8). */
  static final Path REAL_GO = Path.of("/usr/lib/go-1.19");

  private TestToolchains() {}

  /** A stand-in whose bin/go answers {@code version} and {@code env GOROOT} like Go. */
  static Path fake(Path home, String name) throws IOException {
    Path root = home.resolve("toolchains").resolve(name);
    Files.createDirectories(root.resolve("bin"));
    Files.writeString(root.resolve("VERSION"), name + "\ntime 2024-06-04T00:00:00Z\n");
    for (String tool : new String[] {"go", "gofmt"}) {
      script(
          root.resolve("bin").resolve(tool),
          """
          #!/bin/sh
          case "$1" in
            version) echo "go version %1$s linux/amd64" ;;
            env) cd "${0%%/*}/.." && pwd -P ;;
            *) echo "RESOLVED %1$s %2$s GOTOOLCHAIN=$GOTOOLCHAIN" ;;
          esac
          """
              .formatted(name, tool));
    }
    return root;
  }

  /** {@code toolchains/go1.19.8 → /usr/lib/go-1.19}. */
  static Path realGo119(Path home) throws IOException {
    Path link = home.resolve("toolchains").resolve("go1.19.8");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, REAL_GO);
    return link;
  }

  static void script(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
