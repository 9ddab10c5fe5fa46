package dev.govern.core.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Passes a download through while appending every byte read to a file (so an interrupted download
 * can resume) and reporting progress. Reading is the only way bytes reach the file.
 */
final class TeeInputStream extends ReadThroughInputStream {
  private final FileChannel sink;
  private final DownloadProgress progress;
  private final Runnable perChunk;
  private final StallGuard guard;
  private long done;
  private long lastChunk;

  long done() {
    return done;
  }

  /**
   * @param sink where read bytes are appended, or null
   * @param startAt bytes already done before this stream (for progress)
   * @param perChunk called about every 256 KiB
   * @param guard ends reads that stall, or null
   */
  TeeInputStream(
      InputStream in,
      FileChannel sink,
      DownloadProgress progress,
      long startAt,
      Runnable perChunk,
      StallGuard guard) {
    super(in);
    this.guard = guard;
    this.sink = sink;
    this.progress = progress;
    this.done = startAt;
    this.lastChunk = startAt;
    this.perChunk = perChunk;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    if (guard != null) {
      guard.enter();
    }
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      if (guard != null && guard.exit(false)) {
        throw new DownloadInterruptedException(
            "no data arrived for " + guard.timeoutSeconds() + "s after " + done + " bytes", e);
      }
      throw new DownloadInterruptedException(
          "the download broke off after " + done + " bytes: " + e.getMessage(), e);
    }
    if (guard != null) {
      guard.exit(n > 0);
    }
    if (n > 0) {
      if (sink != null) {
        ByteBuffer buf = ByteBuffer.wrap(b, off, n);
        while (buf.hasRemaining()) {
          sink.write(buf);
        }
      }
      done += n;
      progress.advance(done);
      if (done - lastChunk >= (1 << 18)) {
        lastChunk = done;
        perChunk.run();
      }
    }
    return n;
  }
}
