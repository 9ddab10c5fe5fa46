package dev.govern.core.artifact.gomod;

/** A fatal lexical or block-structure error; Go stops at the first one and reports only it. */
final class ModSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient TextPosition position;

  ModSyntaxError(TextPosition position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  TextPosition position() {
    return position;
  }
}
