package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;

/**
 * Bounded, positioned reads over the bytes of an executable (a file or an array). Every read is
 * checked against {@link #size()} before anything is allocated, so a length field read from the
 * file can never make the reader allocate more than the file holds.
 */
public interface ByteSource extends AutoCloseable {
  /** A name for messages (the path as the user gave it). */
  String name();

  /** The number of bytes. */
  long size();

  /**
   * Exactly {@code length} bytes at {@code offset}, as a buffer positioned at 0 in big-endian
   * order; the caller sets the order it needs.
   *
   * @throws NotAGoBinaryException (truncated) when the range is not inside the source
   */
  ByteBuffer read(long offset, int length);

  /** Like {@link #read} for a length computed in {@code long} (header tables: count × size). */
  default ByteBuffer readRange(long offset, long length) {
    checkRange(offset, length);
    if (length > Integer.MAX_VALUE) {
      throw truncated("range of " + length + " bytes is too large");
    }
    return read(offset, (int) length);
  }

  /** Up to {@code max} bytes at {@code offset} (fewer at the end of the source, none past it). */
  default ByteBuffer readUpTo(long offset, int max) {
    if (offset < 0 || offset >= size() || max <= 0) {
      return ByteBuffer.allocate(0);
    }
    return read(offset, (int) Math.min(max, size() - offset));
  }

  /**
   * A read-only view of a large range, memory-mapped when the source is a file. Same bounds rules
   * as {@link #read}.
   */
  default ByteBuffer view(long offset, long length) {
    if (length > Integer.MAX_VALUE) {
      throw truncated("range of " + length + " bytes is too large");
    }
    return read(offset, (int) length);
  }

  /** A source over {@code [offset, offset+length)} of this one (a slice of a universal file). */
  default ByteSource slice(long offset, long length) {
    checkRange(offset, length);
    return new SlicedSource(this, offset, length);
  }

  @Override
  default void close() {}

  /** Throws (truncated) unless {@code [offset, offset+length)} is inside the source. */
  default void checkRange(long offset, long length) {
    if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
      throw truncated(
          "needs bytes " + offset + ".." + (offset + length) + " of a " + size() + "-byte file");
    }
  }

  default NotAGoBinaryException truncated(String detail) {
    return new NotAGoBinaryException(name(), NotAGoBinaryException.Problem.TRUNCATED, detail);
  }

  default NotAGoBinaryException corrupt(String detail) {
    return new NotAGoBinaryException(name(), NotAGoBinaryException.Problem.CORRUPT, detail);
  }

  default NotAGoBinaryException unrecognized(String detail) {
    return new NotAGoBinaryException(
        name(), NotAGoBinaryException.Problem.UNRECOGNIZED_FORMAT, detail);
  }

  default NotAGoBinaryException notGo(String detail) {
    return new NotAGoBinaryException(name(), NotAGoBinaryException.Problem.NOT_GO, detail);
  }
}
