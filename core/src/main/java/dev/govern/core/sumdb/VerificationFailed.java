package dev.govern.core.sumdb;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;

/**
 * The checksum database's answer could not be proven: a note that is malformed or not signed by the
 * database's key, tiles that do not hash to the signed tree, trees that contradict each other, or a
 * record that is not the one the tree holds. The message is one line naming the reason.
 */
public final class VerificationFailed extends GovernException {
  private static final long serialVersionUID = 1L;

  public VerificationFailed(String message) {
    super(
        ErrorCode.CHECK_FAILED,
        message,
        "the proxy, the checksum database or the cached copy is corrupt or tampered with");
  }
}
