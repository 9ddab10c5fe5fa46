package dev.govern.core.governance;

import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import dev.govern.core.governance.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes one row of the environments table by splicing the file's text: only the values that
 * change are rewritten (or the missing keys inserted), so comments, order and layout of everything
 * else stay byte for byte as they were. Works for rows written as {@code {flow: style}} and as
 * indented blocks.
 */
public final class EnvironmentsEditor {
  private EnvironmentsEditor() {}

  private record Edit(int at, int end, String text) {}

  /** The new text of {@code file} with {@code row} set (added when new). */
  public static String set(GovernanceFile file, Environment row) {
    String text = file.text();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", row.version().toString());
    if (row.since() != null) {
      values.put("since", row.since().toString());
    }
    values.put("status", row.status().word());
    if (row.note() != null) {
      values.put("note", quote(row.note()));
    }
    List<Edit> edits = new ArrayList<>();
    Mapping root = file.root();
    Member envs = root == null ? null : root.members().get("environments");
    if (envs == null) {
      String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
      edits.add(
          new Edit(
              text.length(),
              text.length(),
              sep + "environments:\n  " + row.name() + ": " + flow(values) + "\n"));
    } else if (!(envs.value() instanceof Mapping table)) {
      // "environments:" with nothing after it: put the row on the next line
      int eol = endOfLine(text, envs.key().end().offset());
      Scalar empty = (Scalar) envs.value();
      int from = empty.start().offset();
      int to = Math.max(from, empty.end().offset());
      edits.add(new Edit(from, to, ""));
      edits.add(new Edit(eol, eol, "\n  " + row.name() + ": " + flow(values)));
    } else {
      Member existing = table.members().get(row.name());
      if (existing == null) {
        edits.add(insertMember(text, table, row.name(), flow(values)));
      } else if (existing.value() instanceof Mapping fields) {
        for (Map.Entry<String, String> v : values.entrySet()) {
          Member f = fields.members().get(v.getKey());
          if (f == null) {
            edits.add(insertMember(text, fields, v.getKey(), v.getValue()));
          } else if (f.value() instanceof Scalar s && s.start().offset() < s.end().offset()) {
            edits.add(new Edit(s.start().offset(), s.end().offset(), v.getValue()));
          } else {
            int colon = text.indexOf(':', f.key().end().offset());
            int from = colon + 1;
            int to = f.value() instanceof Scalar ? from : f.value().end().offset();
            edits.add(new Edit(from, to, " " + v.getValue()));
          }
        }
      } else {
        YamlNode v = existing.value();
        edits.add(
            new Edit(v.start().offset(), Math.max(v.start().offset(), lastEnd(v)), flow(values)));
      }
    }
    // apply from the end of the text backwards; at one position, the later edit first
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> edits.get(i).at())
            .thenComparingInt(i -> i)
            .reversed());
    StringBuilder sb = new StringBuilder(text);
    for (int i : order) {
      Edit e = edits.get(i);
      sb.replace(e.at(), e.end(), e.text());
    }
    return sb.toString();
  }

  /** Adds {@code key: value} as the last member of {@code m}, in its own style. */
  private static Edit insertMember(String text, Mapping m, String key, String value) {
    if (m.flow()) {
      int close = m.end().offset() - 1;
      while (close > 0 && text.charAt(close) != '}') {
        close--;
      }
      int before = close - 1;
      while (before > m.start().offset() && Character.isWhitespace(text.charAt(before))) {
        before--;
      }
      String sep = m.members().isEmpty() ? "" : ", ";
      return new Edit(before + 1, before + 1, sep + key + ": " + value);
    }
    Member first = m.members().values().iterator().next();
    String indent = " ".repeat(first.key().start().column() - 1);
    int last = 0;
    for (Member mm : m.members().values()) {
      last = Math.max(last, lastEnd(mm.value()));
      last = Math.max(last, mm.key().end().offset());
    }
    int eol = endOfLine(text, last);
    return new Edit(eol, eol, "\n" + indent + key + ": " + value);
  }

  /** The end offset of the last scalar or flow collection inside {@code n}. */
  private static int lastEnd(YamlNode n) {
    if (n instanceof Scalar s) {
      return s.end().offset();
    }
    if (n instanceof Mapping m) {
      if (m.flow() || m.members().isEmpty()) {
        return m.end().offset();
      }
      int e = 0;
      for (Member mm : m.members().values()) {
        e = Math.max(e, Math.max(mm.key().end().offset(), lastEnd(mm.value())));
      }
      return e;
    }
    Sequence q = (Sequence) n;
    if (q.flow() || q.items().isEmpty()) {
      return q.end().offset();
    }
    return lastEnd(q.items().get(q.items().size() - 1));
  }

  private static int endOfLine(String text, int from) {
    int nl = text.indexOf('\n', from);
    if (nl < 0) {
      return text.length();
    }
    return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
  }

  private static String flow(Map<String, String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> v : values.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(v.getKey()).append(": ").append(v.getValue());
    }
    return sb.append('}').toString();
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
