package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one toolchain version, across threads and processes: the file {@code
 * toolchains/.go1.22.4.lock} locked with the OS (released by the OS when the process dies), plus a
 * per-file lock inside this JVM (the OS lock is per process). Lock files are left in place:
 * deleting them would let two processes lock two different files of the same name.
 */
public final class VersionLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private VersionLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code name} (e.g. go1.22.4) in {@code dir}. */
  public static Path fileOf(Path dir, String name) {
    return dir.resolve("." + name + ".lock");
  }

  /** Waits for and takes the lock. */
  public static VersionLock acquire(Path lockFile) {
    ReentrantLock local = localLock(lockFile);
    local.lock();
    FileChannel ch = null;
    try {
      ch = open(lockFile);
      FileLock l = ch.lock();
      return new VersionLock(local, ch, l);
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.unlock();
      throw GovernException.runtime("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** Takes the lock if nobody holds it. */
  public static Optional<VersionLock> tryAcquire(Path lockFile) {
    ReentrantLock local = localLock(lockFile);
    if (!local.tryLock()) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      ch = open(lockFile);
      FileLock l = ch.tryLock();
      if (l == null) {
        closeQuietly(ch);
        local.unlock();
        return Optional.empty();
      }
      return Optional.of(new VersionLock(local, ch, l));
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.unlock();
      return Optional.empty();
    }
  }

  private static ReentrantLock localLock(Path lockFile) {
    return IN_PROCESS.computeIfAbsent(
        lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
  }

  private static FileChannel open(Path lockFile) throws IOException {
    Files.createDirectories(lockFile.getParent());
    return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing releases the lock; nothing else to do
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the channel close below releases it too
    } finally {
      closeQuietly(channel);
      local.unlock();
    }
  }
}
