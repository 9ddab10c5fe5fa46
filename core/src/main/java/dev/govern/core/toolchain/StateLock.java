package dev.govern.core.toolchain;

import dev.govern.core.config.GovernHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code $GOVERN_HOME/.state.lock}, held while the default is read, changed
 * and recorded, so two concurrent {@code use --default} or {@code rollback} runs cannot lose each
 * other's history entries. A file lock is held per process, so threads of one process also take a
 * process-wide lock first.
 */
public final class StateLock implements AutoCloseable {
  private static final java.util.concurrent.locks.ReentrantLock IN_PROCESS =
      new java.util.concurrent.locks.ReentrantLock();

  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for the lock. */
  public static StateLock acquire(GovernHome home) {
    Path file = home.root().resolve(".state.lock");
    IN_PROCESS.lock();
    try {
      Files.createDirectories(home.root());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new StateLock(ch, ch.lock());
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException e) {
      IN_PROCESS.unlock();
      throw new UncheckedIOException("cannot lock " + file, e);
    } catch (RuntimeException e) {
      IN_PROCESS.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the state lock", e);
    } finally {
      IN_PROCESS.unlock();
    }
  }
}
