package dev.govern.core.deploy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;

/** The errors for a stored or laid-out binary that is not what was recorded (exit 4). */
final class Tampering {
  private Tampering() {}

  static GovernException mismatch(Release r, String where, String actual) {
    return new GovernException(
        ErrorCode.CHECK_FAILED,
        "release "
            + r.id()
            + " of "
            + r.service()
            + ": "
            + where
            + " has SHA-256 "
            + actual
            + ", not the recorded "
            + r.sha256()
            + ": tampering, refused",
        "record the binary again from a trusted build and deploy that");
  }

  static GovernException missing(Release r, String where) {
    return new GovernException(
        ErrorCode.CHECK_FAILED,
        "release "
            + r.id()
            + " of "
            + r.service()
            + ": "
            + where
            + " is missing: tampering, refused",
        "record the binary again from a trusted build and deploy that");
  }
}
