package dev.govern.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Programs the tests run. A test that needs one that is missing fails with the line that installs
 * it (never a silent skip): {@code dev/test-setup} installs them all on Debian.
 */
public final class RequiredPrograms {
  /** Debian's Go 1.19 (package golang-1.19-go). */
  public static final Path DEBIAN_GO_ROOT = Path.of("/usr/lib/go-1.19");

  private RequiredPrograms() {}

  /** {@code /usr/lib/go-1.19/bin/go}. */
  public static Path go119() {
    return require(DEBIAN_GO_ROOT.resolve("bin/go"), "golang-1.19-go");
  }

  /** Headless Chromium for the HTML report test. */
  public static Path chromium() {
    return require(Path.of("/usr/bin/chromium"), "chromium");
  }

  /** The C compiler for external linking (cgo). */
  public static Path gcc() {
    return onPath("gcc", "gcc");
  }

  /** git, for binaries stamped with VCS information. */
  public static Path git() {
    return onPath("git", "git");
  }

  /** {@code name} on PATH, else a failure naming the Debian package that provides it. */
  public static Path onPath(String name, String debianPackage) {
    return find(name)
        .orElseThrow(() -> new AssertionError(missing(name + " (on PATH)", debianPackage)));
  }

  /** {@code name} on PATH, if there is one. */
  public static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private static Path require(Path program, String debianPackage) {
    if (!Files.isExecutable(program)) {
      throw new AssertionError(missing(program.toString(), debianPackage));
    }
    return program;
  }

  /** The one line a failing test prints: what is missing and the command that installs it. */
  public static String missing(String what, String debianPackage) {
    return what
        + " is missing; install it with: sudo apt-get install -y "
        + debianPackage
        + "   (dev/test-setup installs everything the tests need)";
  }
}
