package dev.govern.core.toolchain;

import dev.govern.core.io.FileLocks;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The exclusive lock on one toolchain version, across threads and processes: the file {@code
 * toolchains/.go1.22.4.lock} (see {@link FileLocks}). Lock files are left in place: deleting them
 * would let two processes lock two different files of the same name.
 */
public final class VersionLock {
  private VersionLock() {}

  /** The lock file of {@code name} (e.g. go1.22.4) in {@code dir}. */
  public static Path fileOf(Path dir, String name) {
    return dir.resolve("." + name + ".lock");
  }

  /** Waits for and takes the lock. */
  public static FileLocks.Held acquire(Path lockFile) {
    return FileLocks.exclusive(lockFile);
  }

  /** Takes the lock if nobody holds it; a lock that cannot be taken at all counts as held. */
  public static Optional<FileLocks.Held> tryAcquire(Path lockFile) {
    try {
      return FileLocks.tryExclusive(lockFile);
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
