package dev.govern.core.toolchain;

import java.io.IOException;

/** The connection failed in the middle of a download: the partial file is kept for resuming. */
final class DownloadInterruptedException extends IOException {
  private static final long serialVersionUID = 1L;

  DownloadInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
