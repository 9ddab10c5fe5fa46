package dev.govern.core.vuln;

/** Whether a vulnerable symbol is linked into a binary. */
public enum Linked {
  /** At least one vulnerable function is in the binary's function table. */
  YES,
  /** The binary has a function table and none of the vulnerable functions is in it. */
  NO,
  /** Cannot tell: no function table (stripped or unread), or the finding names no symbols. */
  UNKNOWN;

  /** YES wins over UNKNOWN, UNKNOWN over NO. */
  Linked or(Linked other) {
    if (this == YES || other == YES) {
      return YES;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return NO;
  }
}
