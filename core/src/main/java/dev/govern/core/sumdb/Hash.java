package dev.govern.core.sumdb;

import java.util.Arrays;
import java.util.Base64;

/**
 * A SHA-256 hash of the checksum database's log (32 bytes), written in base64 as Go's tlog does.
 */
public final class Hash {
  /** Bytes in a hash. */
  public static final int SIZE = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A hash from its 32 bytes (copied). */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash has 32 bytes, not " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** The hash stored at {@code offset} of a tile's data. */
  static Hash at(byte[] data, int offset) {
    return new Hash(Arrays.copyOfRange(data, offset, offset + SIZE));
  }

  /** Parses base64 text; empty when it is not 32 bytes of standard base64. */
  public static java.util.Optional<Hash> parse(String base64) {
    try {
      byte[] b = Base64.getDecoder().decode(base64);
      return b.length == SIZE ? java.util.Optional.of(new Hash(b)) : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, SIZE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
