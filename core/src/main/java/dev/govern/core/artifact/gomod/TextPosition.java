package dev.govern.core.artifact.gomod;

/**
 * A place in a go.mod or go.work file.
 *
 * @param line 1-based line
 * @param column 1-based column counted in runes (characters), as Go counts them
 * @param offset 0-based byte offset
 */
record TextPosition(int line, int column, int offset) {
  static final TextPosition START = new TextPosition(1, 1, 0);

  /** The position one ASCII character further on the same line. */
  TextPosition nextColumn() {
    return new TextPosition(line, column + 1, offset + 1);
  }
}
