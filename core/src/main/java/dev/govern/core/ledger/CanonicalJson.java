package dev.govern.core.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form that ledger hashes are computed over (see
 * docs/adr/0002-ledger-canonical-json.md): object members sorted by name (UTF-16 code unit order),
 * no whitespace, strings with the shortest JSON escapes ({@code \" \\ \b \f \n \r \t}, other
 * control characters as {@code \}{@code u00xx}, everything else raw UTF-8), numbers only as
 * integers in the {@code long} range written in plain decimal, {@code null} members omitted.
 *
 * <p>It also parses one JSON value into plain Java values ({@link Map}, {@link List}, {@link
 * String}, {@link Long}, {@link Boolean}, {@code null}), rejecting duplicate member names and
 * non-integer numbers, so that parse then write is a function of the content alone.
 */
public final class CanonicalJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** A line that is not a JSON value of the form the ledger accepts. */
  public static final class MalformedJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  /** Parses one JSON object from {@code bytes[off, off+len)}. */
  public static Map<String, Object> parseObject(byte[] bytes, int off, int len) {
    try (JsonParser p = FACTORY.createParser(bytes, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedJsonException("not a JSON object");
      }
      Map<String, Object> m = readObject(p);
      if (p.nextToken() != null) {
        throw new MalformedJsonException("trailing content after the JSON object");
      }
      return m;
    } catch (IOException e) {
      throw new MalformedJsonException("not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Parses one JSON object from a string. */
  public static Map<String, Object> parseObject(String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return parseObject(b, 0, b.length);
  }

  private static Object readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(readValue(p, e));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        if (p.getNumberType() != JsonParser.NumberType.INT
            && p.getNumberType() != JsonParser.NumberType.LONG) {
          throw new MalformedJsonException("integer out of range: " + p.getText());
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        throw new MalformedJsonException("only integer numbers are allowed: " + p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new MalformedJsonException("unexpected JSON token " + t);
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      Object v = readValue(p, p.nextToken());
      if (m.containsKey(name)) {
        throw new MalformedJsonException("duplicate member \"" + name + "\"");
      }
      m.put(name, v);
    }
    return m;
  }

  /** The canonical UTF-8 bytes of {@code value}. */
  public static byte[] canonicalBytes(Object value) {
    StringBuilder sb = new StringBuilder(512);
    writeCanonical(value, sb);
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Appends the canonical form of {@code value} (a value from {@link #parseObject}). */
  public static void writeCanonical(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      String[] names = new String[map.size()];
      int n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          names[n++] = (String) e.getKey();
        }
      }
      Arrays.sort(names, 0, n);
      out.append('{');
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(names[i], out);
        out.append(':');
        writeCanonical(map.get(names[i]), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCanonical(list.get(i), out);
      }
      out.append(']');
    } else {
      writeScalar(value, out);
    }
  }

  /** Appends a scalar: string, integer, boolean or null. */
  static void writeScalar(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass());
    }
  }

  /** Appends {@code s} as a JSON string with the canonical escapes. */
  public static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
