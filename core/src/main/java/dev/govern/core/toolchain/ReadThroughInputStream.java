package dev.govern.core.toolchain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte (a checksum, a copy): skipping reads through instead of leaving
 * holes, and mark/reset is not offered.
 */
abstract class ReadThroughInputStream extends FilterInputStream {
  ReadThroughInputStream(InputStream in) {
    super(in);
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
