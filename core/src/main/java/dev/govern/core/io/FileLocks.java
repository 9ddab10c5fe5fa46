package dev.govern.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks for read-modify-write of shared files, across processes (an OS file lock on a
 * lock file) and across threads of this process (the OS lock is per process).
 */
public final class FileLocks {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private FileLocks() {}

  /** A held lock; closing releases it. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Blocks until {@code lockFile} (created when missing) is held exclusively. */
  public static Held exclusive(Path lockFile) {
    return take(lockFile, true).orElseThrow();
  }

  /** Takes {@code lockFile} exclusively if no thread or process holds it; never waits. */
  public static Optional<Held> tryExclusive(Path lockFile) {
    return take(lockFile, false);
  }

  private static Optional<Held> take(Path lockFile, boolean wait) {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    if (local.isHeldByCurrentThread()) {
      // the OS lock is not reentrant: a second take by the holder would fail or deadlock
      if (!wait) {
        return Optional.empty();
      }
      throw new IllegalStateException("this thread already holds " + key);
    }
    if (wait) {
      local.lock();
    } else if (!local.tryLock()) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      Files.createDirectories(key.getParent());
      ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = wait ? ch.lock() : ch.tryLock();
      if (lock == null) {
        ch.close();
        local.unlock();
        return Optional.empty();
      }
      FileChannel channel = ch;
      return Optional.of(
          () -> {
            try {
              lock.release();
              channel.close();
            } catch (IOException e) {
              throw new UncheckedIOException("cannot release " + key, e);
            } finally {
              local.unlock();
            }
          });
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.unlock();
      throw new UncheckedIOException(
          "cannot lock " + key + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing is the release; nothing more to do
      }
    }
  }
}
