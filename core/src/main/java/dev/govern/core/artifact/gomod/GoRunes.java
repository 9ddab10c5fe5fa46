package dev.govern.core.artifact.gomod;

/**
 * UTF-8 decoding and character classes exactly as Go's {@code unicode/utf8} and {@code unicode}
 * packages define them, so that columns, token boundaries and trimming agree with Go's parser. An
 * invalid byte decodes to U+FFFD with width 1, as in Go.
 */
public final class GoRunes {
  static final int RUNE_ERROR = 0xFFFD;

  private GoRunes() {}

  /** Decodes the rune at {@code i} (below {@code limit}); returns {@code rune | (width << 32)}. */
  static long decode(byte[] b, int i, int limit) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return pack(b0, 1);
    }
    int need;
    int lo = 0x80;
    int hi = 0xBF;
    int rune;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      rune = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      rune = b0 & 0x0F;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      rune = b0 & 0x07;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return pack(RUNE_ERROR, 1);
    }
    if (i + need >= limit) {
      return pack(RUNE_ERROR, 1); // truncated sequence
    }
    for (int k = 1; k <= need; k++) {
      int c = b[i + k] & 0xFF;
      int min = k == 1 ? lo : 0x80;
      int max = k == 1 ? hi : 0xBF;
      if (c < min || c > max) {
        return pack(RUNE_ERROR, 1);
      }
      rune = (rune << 6) | (c & 0x3F);
    }
    return pack(rune, need + 1);
  }

  private static long pack(int rune, int width) {
    return ((long) width << 32) | rune;
  }

  static int rune(long packed) {
    return (int) packed;
  }

  static int width(long packed) {
    return (int) (packed >>> 32);
  }

  /** Decodes {@code b[from, to)} as Go would convert it to runes, invalid bytes becoming U+FFFD. */
  static String decodeString(byte[] b, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = b[i] >= 0;
    }
    if (ascii) {
      return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    StringBuilder s = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        s.append((char) c);
        i++;
        continue;
      }
      long r = decode(b, i, to);
      s.appendCodePoint(rune(r));
      i += width(r);
    }
    return s.toString();
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int r) {
    if (r < 0x80) {
      return r == ' ' || (r >= '\t' && r <= '\r');
    }
    switch (r) {
      case '\t',
          '\n',
          0x0B,
          '\f',
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return r >= 0x2000 && r <= 0x200A;
      }
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  public static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
    }
    if (r < 0 || r > Character.MAX_CODE_POINT) {
      return false;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int r = s.codePointAt(start);
      if (!isSpace(r)) {
        break;
      }
      start += Character.charCount(r);
    }
    while (end > start) {
      int r = s.codePointBefore(end);
      if (!isSpace(r)) {
        break;
      }
      end -= Character.charCount(r);
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Fields}: the non-empty runs between white space. */
  static java.util.List<String> fields(String s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0;
    int start = -1;
    while (i < s.length()) {
      int r = s.codePointAt(i);
      if (isSpace(r)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(r);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }
}
