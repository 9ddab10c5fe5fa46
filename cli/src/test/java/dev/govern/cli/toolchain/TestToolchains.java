package dev.govern.cli.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.testing.FakeToolchains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installed toolchains for CLI tests: core's sh stand-ins, or Debian's real Go 1.19. */
final class TestToolchains {
  /** Debian's Go 1.19 (its VERSION says go1.19.8). */
  static final Path REAL_GO = Path.of("/usr/lib/go-1.19");

  private TestToolchains() {}

  /** A stand-in toolchain under {@code home} (a {@code .govern} folder); see FakeToolchains. */
  static Path fake(Path home, String name) throws IOException {
    return FakeToolchains.install(new GovernHome(home), name);
  }

  /** {@code toolchains/go1.19.8 → /usr/lib/go-1.19}. */
  static Path realGo119(Path home) throws IOException {
    Path link = home.resolve("toolchains").resolve("go1.19.8");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, REAL_GO);
    return link;
  }
}
