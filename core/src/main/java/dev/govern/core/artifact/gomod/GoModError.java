package dev.govern.core.artifact.gomod;

/**
 * One error found in a go.mod or go.work file.
 *
 * @param file the file name as given to the parser
 * @param line 1-based line
 * @param column 1-based column in characters (runes)
 * @param message what is wrong, one line, wording close to Go's
 */
public record GoModError(String file, int line, int column, String message) {

  static GoModError at(String file, TextPosition pos, String message) {
    return new GoModError(file, pos.line(), pos.column(), oneLine(message));
  }

  /** {@code file:line:column: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  private static String oneLine(String message) {
    StringBuilder b = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
