package dev.govern.core.artifact.binary;

import dev.govern.core.artifact.gomod.GoRunes;

/**
 * Go's {@code strconv.Quote}, {@code Unquote} and {@code QuotedPrefix} over Java strings (a Go
 * string's bytes decoded as UTF-8), as the build-info text and the build-ID marker use them.
 */
public final class GoQuote {
  private GoQuote() {}

  /** {@code strconv.Quote}: double quotes, Go escapes for non-printable runes. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r == '"' || r == '\\') {
        b.append('\\').appendCodePoint(r);
      } else if (isPrint(r)) {
        b.appendCodePoint(r);
      } else {
        switch (r) {
          case 0x07 -> b.append("\\a");
          case '\b' -> b.append("\\b");
          case '\f' -> b.append("\\f");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          case 0x0b -> b.append("\\v");
          default -> {
            if (r < ' ' || r == 0x7f) {
              b.append(String.format("\\x%02x", r));
            } else if (Character.isSurrogate((char) r) && r < 0x10000) {
              b.append("\\ufffd");
            } else if (r < 0x10000) {
              b.append(String.format("\\u%04x", r));
            } else {
              b.append(String.format("\\U%08x", r));
            }
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Go's {@code unicode.IsPrint} (one definition, shared with the go.mod lexer). */
  static boolean isPrint(int r) {
    return GoRunes.isPrint(r);
  }

  /**
   * {@code strconv.QuotedPrefix}: the length of the quoted string ({@code "…"} or {@code `…`}) at
   * the start of {@code s}, or -1 when there is none.
   */
  public static int quotedPrefix(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    char q = s.charAt(0);
    if (q == '`') {
      int end = s.indexOf('`', 1);
      return end < 0 ? -1 : end + 1;
    }
    if (q != '"') {
      return -1;
    }
    int i = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\n') {
        return -1;
      }
      if (c == '\\') {
        int n = escapeLength(s, i);
        if (n < 0) {
          return -1;
        }
        i += n;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * {@code strconv.Unquote} for double- and back-quoted strings.
   *
   * @throws IllegalArgumentException when {@code s} is not exactly one valid quoted string
   */
  public static String unquote(String s) {
    if (s.length() < 2) {
      throw new IllegalArgumentException("not a quoted string");
    }
    char q = s.charAt(0);
    if (q != s.charAt(s.length() - 1)) {
      throw new IllegalArgumentException("not a quoted string");
    }
    String body = s.substring(1, s.length() - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("back quote inside a raw string");
      }
      return body.replace("\r", "");
    }
    if (q != '"') {
      throw new IllegalArgumentException("not a quoted string");
    }
    StringBuilder b = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"' || c == '\n') {
        throw new IllegalArgumentException("unescaped " + (c == '"' ? "quote" : "newline"));
      }
      if (c != '\\') {
        b.append(c);
        i++;
        continue;
      }
      int n = escapeLength(body, i);
      if (n < 0) {
        throw new IllegalArgumentException("bad escape");
      }
      appendEscape(b, body.substring(i, i + n));
      i += n;
    }
    return b.toString();
  }

  /** Length of the escape sequence starting with the backslash at {@code i}, or -1. */
  private static int escapeLength(String s, int i) {
    if (i + 1 >= s.length()) {
      return -1;
    }
    char e = s.charAt(i + 1);
    return switch (e) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"' -> 2;
      case 'x' -> hexDigits(s, i + 2, 2) ? 4 : -1;
      case 'u' -> hexDigits(s, i + 2, 4) && validRune(s, i + 2, 4) ? 6 : -1;
      case 'U' -> hexDigits(s, i + 2, 8) && validRune(s, i + 2, 8) ? 10 : -1;
      case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(s, i + 1) ? 4 : -1;
      default -> -1;
    };
  }

  private static boolean hexDigits(String s, int from, int n) {
    if (from + n > s.length()) {
      return false;
    }
    for (int k = from; k < from + n; k++) {
      if (Character.digit(s.charAt(k), 16) < 0 || s.charAt(k) > 'f') {
        return false;
      }
    }
    return true;
  }

  private static boolean validRune(String s, int from, int n) {
    long v = Long.parseLong(s.substring(from, from + n), 16);
    return v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF);
  }

  private static boolean octal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    int v = 0;
    for (int k = from; k < from + 3; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '7') {
        return false;
      }
      v = v * 8 + (c - '0');
    }
    return v <= 255;
  }

  private static void appendEscape(StringBuilder b, String esc) {
    char e = esc.charAt(1);
    switch (e) {
      case 'a' -> b.append('\u0007');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'n' -> b.append('\n');
      case 'r' -> b.append('\r');
      case 't' -> b.append('\t');
      case 'v' -> b.append('\u000b');
      case '\\' -> b.append('\\');
      case '"' -> b.append('"');
      case 'x' -> b.append((char) Integer.parseInt(esc.substring(2), 16));
      case 'u', 'U' -> b.appendCodePoint(Integer.parseInt(esc.substring(2), 16));
      default -> b.append((char) Integer.parseInt(esc.substring(1), 8));
    }
  }
}
