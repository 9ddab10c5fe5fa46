package dev.govern.cli.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The line format of the command model: one record per line, fields separated by tabs. A backslash
 * escapes tab ({@code \t}), newline ({@code \n}), carriage return ({@code \r}) and itself; a field
 * that is exactly {@code \0} is null.
 */
final class ModelLines {
  static final String NULL = "\\0";

  private ModelLines() {}

  static String join(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append('\t');
      }
      String f = fields.get(i);
      if (f == null) {
        b.append(NULL);
        continue;
      }
      for (int j = 0; j < f.length(); j++) {
        char c = f.charAt(j);
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
    }
    return b.toString();
  }

  /** The fields of one line; throws {@link IllegalArgumentException} on a bad escape. */
  static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean nul = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(nul ? null : b.toString());
        b.setLength(0);
        nul = false;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          throw new IllegalArgumentException("a backslash ends the line");
        }
        char e = line.charAt(++i);
        switch (e) {
          case '\\' -> b.append('\\');
          case 't' -> b.append('\t');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case '0' -> nul = true;
          default -> throw new IllegalArgumentException("unknown escape \\" + e);
        }
      } else {
        b.append(c);
      }
    }
    fields.add(nul ? null : b.toString());
    return fields.toArray(new String[0]);
  }
}
