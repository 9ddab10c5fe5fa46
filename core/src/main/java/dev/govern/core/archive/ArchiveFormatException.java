package dev.govern.core.archive;

import java.io.IOException;

/** The archive bytes are not a well-formed archive (damaged, truncated, unknown format). */
public final class ArchiveFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveFormatException(String message) {
    super(message);
  }
}
