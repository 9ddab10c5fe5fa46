package dev.govern.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
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
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(key.getParent());
      FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.lock();
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      return () -> {
        try {
          lock.release();
          ch.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot release " + key, e);
        } finally {
          local.unlock();
        }
      };
    } catch (IOException e) {
      local.unlock();
      throw new UncheckedIOException("cannot lock " + key + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      local.unlock();
      throw e;
    }
  }
}
