package dev.govern.core.artifact.gomod;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's interpreted string literals: {@code strconv.Unquote} for {@code "…"} and {@code %q}. */
final class GoQuoting {
  private GoQuoting() {}

  /**
   * Unquotes a double-quoted Go string literal; {@code null} on a syntax error (bad escape, stray
   * quote, newline).
   */
  static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return null;
    }
    String body = s.substring(1, s.length() - 1);
    if (body.indexOf('\\') < 0 && body.indexOf('"') < 0 && body.indexOf('\n') < 0) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"' || c == '\n') {
        return null;
      }
      if (c != '\\') {
        int cp = body.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= body.length()) {
        return null;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n > body.length()) {
            return null;
          }
          long v = 0;
          for (int k = 0; k < n; k++) {
            int d = Character.digit(body.charAt(i + k), 16);
            if (d < 0 || body.charAt(i + k) > 0x7F) {
              return null;
            }
            v = (v << 4) | d;
          }
          i += n;
          if (e == 'x') {
            out.write((int) v);
          } else {
            if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
              return null;
            }
            byte[] utf8 = new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8);
            out.write(utf8, 0, utf8.length);
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          if (i + 2 > body.length()) {
            return null;
          }
          for (int k = 0; k < 2; k++) {
            char d = body.charAt(i + k);
            if (d < '0' || d > '7') {
              return null;
            }
            v = (v << 3) | (d - '0');
          }
          i += 2;
          if (v > 255) {
            return null;
          }
          out.write(v);
        }
        default -> {
          return null;
        }
      }
    }
    byte[] bytes = out.toByteArray();
    return GoRunes.decodeString(bytes, 0, bytes.length);
  }

  /** A double-quoted, escaped rendering for messages, like Go's {@code %q}. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            r -> {
              switch (r) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                  if (GoRunes.isPrint(r)) {
                    b.appendCodePoint(r);
                  } else if (r < 0x80) {
                    b.append(String.format("\\x%02x", r));
                  } else if (r <= 0xFFFF) {
                    b.append(String.format("\\u%04x", r));
                  } else {
                    b.append(String.format("\\U%08x", r));
                  }
                }
              }
            });
    return b.append('"').toString();
  }
}
