package dev.govern.core.artifact.binary;

/** The answer to "is function X linked into this binary?". */
public enum FunctionLinkage {
  /** X is a function of the table: it has code of its own. */
  FUNCTION("yes"),
  /** X has no code of its own but was inlined into a function that is linked. */
  INLINED("yes"),
  /** X is neither a function nor an inlined callee. */
  ABSENT("no"),
  /** The binary has no readable function table, so nothing can be said. */
  UNKNOWN("unknown");

  private final String answer;

  FunctionLinkage(String answer) {
    this.answer = answer;
  }

  /** {@code yes}, {@code no} or {@code unknown}. */
  public String answer() {
    return answer;
  }

  public boolean linked() {
    return this == FUNCTION || this == INLINED;
  }
}
