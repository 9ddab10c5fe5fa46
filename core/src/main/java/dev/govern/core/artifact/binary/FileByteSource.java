package dev.govern.core.artifact.binary;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read with positioned reads on one {@link FileChannel}; very large ranges are memory-mapped
 * instead of copied. Nothing is read that a caller did not ask for.
 */
public final class FileByteSource implements ByteSource {
  /**
   * Ranges at least this large are mapped rather than read into the heap. Mappings outlive the
   * channel until they are collected, so a scan of many files must not leave one per file behind
   * (the kernel limits how many a process may hold): function tables, a few MiB at most, are read.
   */
  private static final int MAP_THRESHOLD = 64 << 20;

  /** How much of the start of the file one read brings in (headers, program headers, notes). */
  private static final int HEAD_SIZE = 4096;

  private final String name;
  private final FileChannel channel;
  private final long size;

  /** The first bytes of the file, read once: every header read lands here. */
  private ByteBuffer head;

  private FileByteSource(String name, FileChannel channel, long size) {
    this.name = name;
    this.channel = channel;
    this.size = size;
  }

  /** Opens {@code file}; {@code name} is how messages refer to it. */
  public static FileByteSource open(Path file, String name) {
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
      try {
        return new FileByteSource(name, ch, ch.size());
      } catch (RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException e) {
      throw GovernException.runtime(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public ByteBuffer read(long offset, int length) {
    checkRange(offset, length);
    if (offset + length <= HEAD_SIZE) {
      if (head == null) {
        head = readFromChannel(0, (int) Math.min(HEAD_SIZE, size));
      }
      if (offset + length <= head.limit()) {
        return head.duplicate().position((int) offset).limit((int) offset + length).slice();
      }
    }
    return readFromChannel(offset, length);
  }

  private ByteBuffer readFromChannel(long offset, int length) {
    ByteBuffer buf = ByteBuffer.allocate(length);
    try {
      long pos = offset;
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos);
        if (n < 0) {
          throw truncated("file ended at " + pos + " while reading");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    return buf.flip();
  }

  @Override
  public ByteBuffer view(long offset, long length) {
    checkRange(offset, length);
    if (length < MAP_THRESHOLD) {
      return read(offset, (int) length);
    }
    if (length > Integer.MAX_VALUE) {
      throw truncated("range of " + length + " bytes is too large");
    }
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // read-only channel: nothing was written that closing could lose
    }
  }
}
