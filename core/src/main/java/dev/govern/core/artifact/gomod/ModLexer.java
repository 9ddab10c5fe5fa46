package dev.govern.core.artifact.gomod;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The go.mod/go.work tokenizer. It keeps exactly one token of lookahead, like Go's parser, so that
 * when the block parser fails the position and the choice of first error match Go's.
 *
 * <p>Tokens: identifiers (runs of printable characters other than space and {@code ()[]{},}),
 * interpreted ({@code "…"}) and raw ({@code `…`}) strings, the punctuation {@code ()[]{},},
 * newlines, whole-line comments and end-of-line comments. {@code /* … *&#47;} comments, control
 * characters and unterminated strings are fatal errors.
 */
final class ModLexer {
  static final int EOF = -1;
  static final int EOL_COMMENT = -2;
  static final int IDENT = -3;
  static final int STRING = -4;
  static final int COMMENT = -5;

  private static final int SHARED_TOKEN_LENGTH = 64;
  private static final int SHARED_TOKEN_COUNT = 4096;

  /** A token; punctuation and newline tokens have their ASCII code as kind. */
  record Token(int kind, TextPosition pos, TextPosition end, String text) {}

  /** A comment: its start and its text from {@code //} to the end of the line. */
  record Comment(TextPosition start, String text) {}

  private final byte[] data;
  private int line = 1;
  private int column = 1;
  private int offset;
  private int lineStart;
  private int tokenStart;
  private TextPosition tokenPos;
  private Token next;
  private final ArrayDeque<Comment> suffixComments = new ArrayDeque<>();
  private final Map<String, String> shortTokens = new HashMap<>();

  ModLexer(byte[] data) {
    this.data = data;
    readToken();
  }

  static boolean isEol(int kind) {
    return kind == EOF || kind == EOL_COMMENT || kind == '\n';
  }

  int peek() {
    return next.kind();
  }

  Token lex() {
    Token t = next;
    readToken();
    return t;
  }

  /** The current read position (after the lookahead token), where Go reports parse errors. */
  TextPosition position() {
    return new TextPosition(line, column, offset);
  }

  /** End-of-line comments lexed and not yet taken by the parser, in file order. */
  ArrayDeque<Comment> suffixComments() {
    return suffixComments;
  }

  private ModSyntaxError error(String message) {
    return new ModSyntaxError(position(), message);
  }

  private boolean eof() {
    return offset >= data.length;
  }

  private int peekRune() {
    if (eof()) {
      return 0;
    }
    int b = data[offset] & 0xFF;
    return b < 0x80 ? b : GoRunes.rune(GoRunes.decode(data, offset, data.length));
  }

  private boolean peekPrefix(char a, char b) {
    return offset + 1 < data.length && data[offset] == a && data[offset + 1] == b;
  }

  private int readRune() {
    if (eof()) {
      throw error("internal lexer error: readRune at EOF");
    }
    int b = data[offset] & 0xFF;
    int r;
    int width;
    if (b < 0x80) {
      r = b;
      width = 1;
    } else {
      long packed = GoRunes.decode(data, offset, data.length);
      r = GoRunes.rune(packed);
      width = GoRunes.width(packed);
    }
    offset += width;
    if (r == '\n') {
      line++;
      column = 1;
      lineStart = offset;
    } else {
      column++;
    }
    return r;
  }

  private void startToken() {
    tokenStart = offset;
    tokenPos = position();
  }

  private void endToken(int kind) {
    String text;
    if (kind == COMMENT || kind == EOL_COMMENT) {
      int end = offset;
      if (end > tokenStart && data[end - 1] == '\n') {
        end--;
        if (end > tokenStart && data[end - 1] == '\r') {
          end--;
        }
      }
      text = GoRunes.decodeString(data, tokenStart, end);
    } else {
      text = shared(GoRunes.decodeString(data, tokenStart, offset));
    }
    next = new Token(kind, tokenPos, position(), text);
  }

  /**
   * One instance per distinct short token text: go.mod files repeat verbs, versions and
   * punctuation, and a large file must not hold a copy of each.
   */
  private String shared(String text) {
    if (text.length() > SHARED_TOKEN_LENGTH || shortTokens.size() >= SHARED_TOKEN_COUNT) {
      String known = shortTokens.get(text);
      return known != null ? known : text;
    }
    String known = shortTokens.putIfAbsent(text, text);
    return known != null ? known : text;
  }

  private void readToken() {
    while (!eof()) {
      int c = peekRune();
      if (c == ' ' || c == '\t' || c == '\r') {
        readRune();
        continue;
      }
      if (peekPrefix('/', '/')) {
        startToken();
        boolean suffix = hasTokenBefore(offset);
        readRune();
        readRune();
        while (!eof() && readRune() != '\n') {
          // the comment runs to the end of the line
        }
        if (!suffix) {
          endToken(COMMENT);
          return;
        }
        endToken(EOL_COMMENT);
        suffixComments.add(new Comment(next.pos(), next.text()));
        return;
      }
      if (peekPrefix('/', '*')) {
        throw error("mod files must use // comments (not /* */ comments)");
      }
      break;
    }
    startToken();
    if (eof()) {
      endToken(EOF);
      return;
    }
    int c = peekRune();
    switch (c) {
      case '\n', '(', ')', '[', ']', '{', '}', ',' -> {
        readRune();
        endToken(c);
        return;
      }
      case '"', '`' -> {
        readString(c);
        return;
      }
      default -> {
        // an identifier
      }
    }
    if (!isIdent(c)) {
      throw error("unexpected input character " + describeRune(c));
    }
    while (isIdent(peekRune())) {
      if (peekPrefix('/', '/')) {
        break;
      }
      if (peekPrefix('/', '*')) {
        throw error("mod files must use // comments (not /* */ comments)");
      }
      readRune();
    }
    endToken(IDENT);
  }

  private void readString(int quote) {
    readRune();
    while (true) {
      if (eof()) {
        throw new ModSyntaxError(tokenPos, "unexpected EOF in string");
      }
      if (peekRune() == '\n') {
        throw error("unexpected newline in string");
      }
      int c = readRune();
      if (c == quote) {
        break;
      }
      if (c == '\\' && quote != '`') {
        if (eof()) {
          throw new ModSyntaxError(tokenPos, "unexpected EOF in string");
        }
        readRune();
      }
    }
    endToken(STRING);
  }

  /** Whether anything other than white space precedes {@code at} on its line. */
  private boolean hasTokenBefore(int at) {
    int i = lineStart;
    while (i < at) {
      long r = GoRunes.decode(data, i, at);
      if (!GoRunes.isSpace(GoRunes.rune(r))) {
        return true;
      }
      i += GoRunes.width(r);
    }
    return false;
  }

  static boolean isIdent(int c) {
    if (c > ' ' && c < 0x7F) {
      return c != '(' && c != ')' && c != '[' && c != ']' && c != '{' && c != '}' && c != ',';
    }
    switch (c) {
      case ' ', '(', ')', '[', ']', '{', '}', ',' -> {
        return false;
      }
      default -> {
        return !GoRunes.isSpace(c) && GoRunes.isPrint(c);
      }
    }
  }

  /** A rune as Go's {@code %#q} shows it, e.g. {@code 'x'}, a backslash escape, or a hex escape. */
  private static String describeRune(int c) {
    String body =
        switch (c) {
          case 7 -> "\\a";
          case 8 -> "\\b";
          case '\f' -> "\\f";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          case 11 -> "\\v";
          case '\'' -> "\\'";
          case '\\' -> "\\\\";
          default -> {
            if (GoRunes.isPrint(c)) {
              yield new String(Character.toChars(c));
            } else if (c < 0x80) {
              yield String.format("\\x%02x", c);
            } else if (c <= 0xFFFF) {
              yield String.format("\\u%04x", c);
            } else {
              yield String.format("\\U%08x", c);
            }
          }
        };
    return "'" + body + "'";
  }
}
