package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;

/** A window of another source; offsets are relative to the window start. */
final class SlicedSource implements ByteSource {
  private final ByteSource parent;
  private final long base;
  private final long size;

  SlicedSource(ByteSource parent, long base, long size) {
    this.parent = parent;
    this.base = base;
    this.size = size;
  }

  @Override
  public String name() {
    return parent.name();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public ByteBuffer read(long offset, int length) {
    checkRange(offset, length);
    return parent.read(base + offset, length);
  }

  @Override
  public ByteBuffer view(long offset, long length) {
    checkRange(offset, length);
    return parent.view(base + offset, length);
  }
}
