package dev.govern.core.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node sits in the text (line, column, char
 * offset), so errors can name the place and edits can splice the text without reformatting it.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  /** Where a node starts or ends: 1-based line and column, 0-based char offset into the text. */
  record Mark(int line, int column, int offset) {}

  Mark start();

  Mark end();

  /** A word for error messages: "a mapping", "a list", "a scalar". */
  String describe();

  /**
   * A scalar.
   *
   * @param text its value as written (unquoted); empty for an empty value
   * @param isNull whether YAML reads it as null ({@code ~}, {@code null}, nothing)
   */
  record Scalar(String text, boolean isNull, Mark start, Mark end) implements YamlNode {
    /** The longest value {@link #describe} quotes: a whole file can read as one scalar. */
    static final int MAX_QUOTED = 60;

    @Override
    public String describe() {
      if (isNull) {
        return "nothing";
      }
      String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
      return "\"" + shown.replace('\n', ' ') + "\"";
    }
  }

  /** One key and its value. */
  record Member(Scalar key, YamlNode value) {}

  /**
   * A mapping, keys in document order.
   *
   * @param flow whether it is written {@code {a: 1}} rather than as indented lines
   */
  record Mapping(Map<String, Member> members, boolean flow, Mark start, Mark end)
      implements YamlNode {
    public Mapping {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, boolean flow, Mark start, Mark end) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
