package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.util.Objects;

/** Bytes held in memory (tests, fuzzing, data already read). */
public final class ArrayByteSource implements ByteSource {
  private final String name;
  private final byte[] bytes;

  public ArrayByteSource(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public ByteBuffer read(long offset, int length) {
    checkRange(offset, length);
    return ByteBuffer.wrap(bytes, (int) offset, length).slice();
  }

  @Override
  public ByteBuffer view(long offset, long length) {
    checkRange(offset, length);
    return ByteBuffer.wrap(bytes, (int) offset, (int) length).slice().asReadOnlyBuffer();
  }
}
