package dev.govern.cli.toolchain;

import dev.govern.core.toolchain.DownloadProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line download bar on stderr, redrawn at most ten times a second (terminals only). */
final class ProgressBar implements DownloadProgress {
  private final PrintWriter err;
  private String what = "";
  private long total = -1;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void start(String what, long total) {
    this.what = what;
    this.total = total;
    this.lastDraw = 0;
  }

  @Override
  public void advance(long done) {
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done != total) {
      return;
    }
    lastDraw = now;
    String mb = String.format(Locale.ROOT, "%.1f", done / 1048576.0);
    String line =
        total > 0
            ? String.format(
                Locale.ROOT,
                "%s %3d%% %s/%.1f MB",
                what,
                (int) (100 * done / total),
                mb,
                total / 1048576.0)
            : what + " " + mb + " MB";
    err.print("\r" + line + "\u001b[K");
    err.flush();
    drawn = true;
  }

  @Override
  public void finish() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }
}
