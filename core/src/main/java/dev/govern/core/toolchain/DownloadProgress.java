package dev.govern.core.toolchain;

/** Hears how far a download or verification pass has got (the command line draws a bar). */
public interface DownloadProgress {
  DownloadProgress NONE =
      new DownloadProgress() {
        @Override
        public void start(String what, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
      };

  /** A pass over {@code total} bytes (-1 when unknown) begins. */
  void start(String what, long total);

  /** {@code done} bytes of the pass are through. */
  void advance(long done);

  /** The pass ended (successfully or not). */
  void finish();
}
