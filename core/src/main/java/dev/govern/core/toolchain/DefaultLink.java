package dev.govern.core.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The symlink {@code $GOVERN_HOME/default → toolchains/go1.22.4} that the shims follow when nothing
 * else selects a version, so they need not parse {@code state.json}. It is replaced by one rename,
 * so a shim sees the old default or the new one, never none.
 */
public final class DefaultLink {
  private DefaultLink() {}

  public static Path path(GovernHome home) {
    return home.root().resolve("default");
  }

  /** The toolchain name the link points at (whether or not it is installed); empty if no link. */
  public static Optional<String> read(GovernHome home) {
    Path link = path(home);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      Path target = Files.readSymbolicLink(link);
      Path name = target.getFileName();
      return name == null ? Optional.empty() : Optional.of(name.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default link " + link, e);
    }
  }

  /** Points the link at {@code toolchains/<name>} in one atomic rename. */
  public static void write(GovernHome home, String name) {
    Path link = path(home);
    Path target = home.root().relativize(home.toolchain(name));
    if (Files.isSymbolicLink(link) && read(home).orElse("").equals(name)) {
      return;
    }
    Path tmp = home.root().resolve(".default." + java.util.UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(home.root());
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, target);
      AtomicFiles.moveAtomically(tmp, link);
      AtomicFiles.fsyncDirectory(home.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch the default link " + link, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a stray temp link is harmless and named as such
      }
    }
  }

  /** Removes the link (no default). */
  public static void remove(GovernHome home) {
    try {
      Files.deleteIfExists(path(home));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the default link " + path(home), e);
    }
  }
}
