package dev.govern.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Copies a file to a new file, hashing what it copies, and forces the copy to disk. */
final class HashingCopy {
  private HashingCopy() {}

  /**
   * What was copied.
   *
   * @param sha256 of the bytes copied
   * @param size how many bytes
   */
  record Copied(String sha256, long size) {}

  /**
   * Copies {@code from} to {@code to} (which must not exist). {@code halfway} runs once after the
   * first chunk is written (the crash tests stop there).
   */
  static Copied copy(Path from, Path to, Runnable halfway) throws IOException {
    MessageDigest d = Digests.sha256();
    long size = 0;
    boolean signalled = false;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(from);
        FileChannel out =
            FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        while (b.hasRemaining()) {
          out.write(b);
        }
        size += n;
        if (!signalled) {
          signalled = true;
          halfway.run();
        }
      }
      out.force(true);
    }
    return new Copied(Digests.hex(d), size);
  }
}
