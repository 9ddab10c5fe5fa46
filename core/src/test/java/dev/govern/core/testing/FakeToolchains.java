package dev.govern.core.testing;

import dev.govern.core.config.GovernHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Toolchains for tests: a directory per version whose {@code bin/go} is a small sh script. It
 * answers {@code go version} like Go does, {@code go env GOROOT} with its own directory, and
 * anything else with {@code RESOLVED <name> GOTOOLCHAIN=<value>} (what the property tests compare).
 */
public final class FakeToolchains {
  private FakeToolchains() {}

  public static Path install(GovernHome home, String name) throws IOException {
    Path root = home.toolchain(name);
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

  /** Writes an executable script. */
  public static void script(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
