package dev.govern.core.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code $GOVERN_HOME/bin} in step with the installed toolchains: the {@code go} and {@code
 * gofmt} shims, one {@code go1.22.4 → ../toolchains/go1.22.4/bin/go} link per installed toolchain
 * (so {@code GOTOOLCHAIN=path} finds them), and the {@code default} link from {@code state.json}.
 * Every file is replaced by one rename, so a running shell never sees a half-written shim.
 */
public final class Shims {
  /** The tools that get a resolving shim. */
  public static final List<String> TOOLS = List.of("go", "gofmt");

  private Shims() {}

  /**
   * Brings {@code bin/} and the default link up to date; call after every install, uninstall and
   * default switch. Idempotent: files already right are not touched.
   */
  public static void refresh(GovernHome home) {
    Path bin = home.bin();
    try {
      Files.createDirectories(bin);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + bin, e);
    }
    for (String tool : TOOLS) {
      writeExecutable(bin.resolve(tool), ShimScript.of(home, tool));
    }
    Set<String> installed = new HashSet<>();
    for (GoVersion v : new ToolchainStore(home).installed()) {
      String name = v.toString();
      installed.add(name);
      link(bin.resolve(name), versionLinkTarget(name));
    }
    for (Path stale : versionLinks(bin)) {
      if (!installed.contains(stale.getFileName().toString())) {
        delete(stale);
      }
    }
    new StateFile(home).read().defaultName().ifPresent(name -> DefaultLink.write(home, name));
  }

  /**
   * What is out of date in {@code bin/}, one sentence each; empty when refresh would do nothing.
   */
  public static List<String> problems(GovernHome home) {
    List<String> out = new ArrayList<>();
    for (String tool : TOOLS) {
      Path shim = home.bin().resolve(tool);
      if (!Files.isRegularFile(shim)) {
        out.add("the shim " + shim + " is missing");
      } else if (!Files.isExecutable(shim)) {
        out.add("the shim " + shim + " is not executable");
      } else if (!ShimScript.of(home, tool).equals(readQuietly(shim))) {
        out.add("the shim " + shim + " is out of date");
      }
    }
    for (GoVersion v : new ToolchainStore(home).installed()) {
      Path link = home.bin().resolve(v.toString());
      if (!Files.isSymbolicLink(link) || !targetOf(link).equals(versionLinkTarget(v.toString()))) {
        out.add(link + " (for GOTOOLCHAIN=path) is missing");
      }
    }
    return out;
  }

  private static Path versionLinkTarget(String name) {
    return Path.of("..", "toolchains", name, "bin", "go");
  }

  /** Symlinks in bin/ named like a toolchain that point into ../toolchains. */
  private static List<Path> versionLinks(Path bin) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(bin, "go[0-9]*")) {
      for (Path p : ds) {
        if (Files.isSymbolicLink(p) && targetOf(p).startsWith(Path.of("..", "toolchains"))) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + bin, e);
    }
    return out;
  }

  private static Path targetOf(Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException e) {
      return Path.of("");
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Writes an executable file by temp file, fsync and rename; skips it when already right. */
  static void writeExecutable(Path target, String content) {
    if (Files.isExecutable(target) && content.equals(readQuietly(target))) {
      return;
    }
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              dir,
              "." + target.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      // the umask may have narrowed the mode given at creation
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      AtomicFiles.moveAtomically(tmp, target);
      tmp = null;
      AtomicFiles.fsyncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        delete(tmp);
      }
    }
  }

  /** Points {@code link} at {@code target} by temp link and rename; skips it when already right. */
  static void link(Path link, Path target) {
    if (Files.isSymbolicLink(link) && targetOf(link).equals(target)) {
      return;
    }
    Path tmp =
        link.resolveSibling("." + link.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, target);
      AtomicFiles.moveAtomically(tmp, link);
    } catch (IOException e) {
      delete(tmp);
      throw new UncheckedIOException("cannot link " + link + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p, e);
    }
  }
}
