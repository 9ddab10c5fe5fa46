package dev.govern.core.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes the SHA-256 of everything read through it (skips read through, so none is missed). */
final class Sha256InputStream extends ReadThroughInputStream {
  private final MessageDigest digest;
  private long count;

  Sha256InputStream(InputStream in) {
    super(in);
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      count += n;
    }
    return n;
  }

  /** Reads whatever is left, so the hash covers the whole stream. */
  void drain() throws IOException {
    byte[] buf = new byte[1 << 16];
    while (read(buf, 0, buf.length) >= 0) {
      // hashing happens in read
    }
  }

  long count() {
    return count;
  }

  /** The hash of what was read, lower-case hex. */
  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
