package dev.govern.core.governance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.govern.core.GovernException;
import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Mark;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import dev.govern.core.governance.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with positions, using Jackson's YAML parser (SnakeYAML
 * underneath). Duplicate keys and multi-document streams are errors naming file, line and column.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private final String where;
  private final String text;
  private final int[] charOffsetOfCodePoint;

  private YamlReader(String where, String text) {
    this.where = where;
    this.text = text;
    this.charOffsetOfCodePoint = codePointMap(text);
  }

  /** Parses {@code text}; {@code where} names the file in errors. Empty text gives null. */
  public static YamlNode read(String where, String text) {
    return new YamlReader(where, text).read();
  }

  private YamlNode read() {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      YamlNode root = node(p, t);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw error(mark(p.currentTokenLocation()), "only one YAML document is allowed");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      int nl = msg == null ? -1 : msg.indexOf('\n');
      if (nl >= 0) {
        msg = msg.substring(0, nl);
      }
      if (loc != null && loc.getLineNr() > 0) {
        throw GovernException.invalidInput(
            where + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": not valid YAML: " + msg);
      }
      throw GovernException.invalidInput(where + ": not valid YAML: " + msg);
    } catch (IOException e) {
      throw GovernException.invalidInput(where + ": cannot read: " + e.getMessage());
    }
  }

  private YamlNode node(JsonParser p, JsonToken t) throws IOException {
    Mark start = mark(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT:
        {
          boolean flow = start.offset() < text.length() && text.charAt(start.offset()) == '{';
          Map<String, Member> members = new LinkedHashMap<>();
          for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
            Mark ks = mark(p.currentTokenLocation());
            String name = p.currentName();
            Scalar key =
                new Scalar(
                    name,
                    false,
                    ks,
                    new Mark(ks.line(), ks.column() + name.length(), ks.offset() + name.length()));
            if (members.containsKey(name)) {
              throw error(ks, "duplicate key \"" + name + "\"");
            }
            YamlNode value = node(p, p.nextToken());
            members.put(name, new Member(key, value));
          }
          return new Mapping(members, flow, start, mark(p.currentLocation()));
        }
      case START_ARRAY:
        {
          boolean flow = start.offset() < text.length() && text.charAt(start.offset()) == '[';
          List<YamlNode> items = new ArrayList<>();
          for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
            items.add(node(p, k));
          }
          return new Sequence(items, flow, start, mark(p.currentLocation()));
        }
      case VALUE_NULL:
        return new Scalar(
            p.getText() == null ? "" : p.getText(), true, start, mark(p.currentLocation()));
      default:
        if (!t.isScalarValue()) {
          throw error(start, "unexpected YAML token " + t);
        }
        Mark end = mark(p.currentLocation());
        boolean empty = end.offset() == start.offset() && t == JsonToken.VALUE_STRING;
        return new Scalar(p.getText(), empty, start, end);
    }
  }

  private Mark mark(JsonLocation loc) {
    long cp = loc.getCharOffset();
    int off;
    if (cp < 0) {
      off = -1;
    } else if (charOffsetOfCodePoint == null) {
      off = (int) Math.min(cp, text.length());
    } else {
      off = charOffsetOfCodePoint[(int) Math.min(cp, charOffsetOfCodePoint.length - 1)];
    }
    return new Mark(loc.getLineNr(), loc.getColumnNr(), off);
  }

  private GovernException error(Mark m, String message) {
    return GovernException.invalidInput(where + ":" + m.line() + ":" + m.column() + ": " + message);
  }

  /** Maps code point index to char index when the text has surrogate pairs; null otherwise. */
  private static int[] codePointMap(String text) {
    int cps = text.codePointCount(0, text.length());
    if (cps == text.length()) {
      return null;
    }
    int[] map = new int[cps + 1];
    int ci = 0;
    for (int i = 0; i < cps; i++) {
      map[i] = ci;
      ci += Character.charCount(text.codePointAt(ci));
    }
    map[cps] = text.length();
    return map;
  }
}
