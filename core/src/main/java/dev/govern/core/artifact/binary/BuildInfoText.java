package dev.govern.core.artifact.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * The module-info text of a Go binary ({@code path}, {@code mod}, {@code dep}, {@code =>}, {@code
 * build} lines), parsed and written the way Go's {@code runtime/debug} does.
 */
public final class BuildInfoText {
  private BuildInfoText() {}

  /** Thrown for text Go's parser rejects; the message reads like Go's. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(int line, String message) {
      super("could not parse Go build info: line " + line + ": " + message);
    }
  }

  /** Go's {@code debug.ParseBuildInfo}; {@code goVersion} is set from the separate string. */
  public static BuildInfo parse(String goVersion, String text) throws ParseException {
    String path = "";
    ModuleInfo main = null;
    List<ModuleInfo> deps = new ArrayList<>();
    List<BuildSetting> settings = new ArrayList<>();
    // which module the next "=>" replaces: -1 none, 0 main, k>0 deps[k-1]
    int last = -1;
    int lineNum = 1;
    int pos = 0;
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      if (nl < 0) {
        break;
      }
      String line = text.substring(pos, nl);
      pos = nl + 1;
      if (line.startsWith("path\t")) {
        path = line.substring(5);
      } else if (line.startsWith("mod\t")) {
        main = moduleLine(lineNum, line.substring(4));
        last = 0;
      } else if (line.startsWith("dep\t")) {
        deps.add(moduleLine(lineNum, line.substring(4)));
        last = deps.size();
      } else if (line.startsWith("=>\t")) {
        String[] elem = line.substring(3).split("\t", -1);
        if (elem.length != 3) {
          throw new ParseException(
              lineNum, "expected 3 columns for replacement; got " + elem.length);
        }
        if (last < 0) {
          throw new ParseException(lineNum, "replacement with no module on previous line");
        }
        ModuleInfo r = ModuleInfo.of(elem[0], elem[1], elem[2]);
        if (last == 0) {
          main = main.withReplacement(r);
        } else {
          deps.set(last - 1, deps.get(last - 1).withReplacement(r));
        }
        last = -1;
      } else if (line.startsWith("build\t")) {
        settings.add(buildLine(lineNum, line.substring(6)));
      }
      lineNum++;
    }
    return new BuildInfo(goVersion, path, main, deps, settings);
  }

  private static ModuleInfo moduleLine(int line, String rest) throws ParseException {
    String[] elem = rest.split("\t", -1);
    if (elem.length != 2 && elem.length != 3) {
      throw new ParseException(line, "expected 2 or 3 columns; got " + elem.length);
    }
    return ModuleInfo.of(elem[0], elem[1], elem.length == 3 ? elem[2] : "");
  }

  private static BuildSetting buildLine(int line, String kv) throws ParseException {
    if (kv.isEmpty()) {
      throw new ParseException(line, "build line missing '='");
    }
    String key;
    String rawValue;
    char c0 = kv.charAt(0);
    if (c0 == '=') {
      throw new ParseException(line, "build line with missing key");
    } else if (c0 == '`' || c0 == '"') {
      int n = GoQuote.quotedPrefix(kv);
      if (n < 0) {
        throw new ParseException(line, "invalid quoted key in build line");
      }
      if (n == kv.length()) {
        throw new ParseException(line, "build line missing '=' after quoted key");
      }
      char after = kv.charAt(n);
      if (after != '=') {
        throw new ParseException(
            line, "unexpected character after quoted key: " + GoQuote.quote(String.valueOf(after)));
      }
      try {
        key = GoQuote.unquote(kv.substring(0, n));
      } catch (IllegalArgumentException e) {
        throw new ParseException(line, "invalid quoted key in build line");
      }
      rawValue = kv.substring(n + 1);
    } else {
      int eq = kv.indexOf('=');
      if (eq < 0) {
        throw new ParseException(line, "build line missing '=' after key");
      }
      key = kv.substring(0, eq);
      rawValue = kv.substring(eq + 1);
      if (quoteKey(key)) {
        throw new ParseException(line, "unquoted key " + GoQuote.quote(key) + " must be quoted");
      }
    }
    String value = rawValue;
    if (!rawValue.isEmpty()) {
      char v0 = rawValue.charAt(0);
      if (v0 == '`' || v0 == '"') {
        try {
          value = GoQuote.unquote(rawValue);
        } catch (IllegalArgumentException e) {
          throw new ParseException(line, "invalid quoted value in build line");
        }
      } else if (quoteValue(value)) {
        throw new ParseException(
            line, "unquoted value " + GoQuote.quote(value) + " must be quoted");
      }
    }
    return new BuildSetting(key, value);
  }

  static boolean quoteKey(String key) {
    return key.isEmpty() || containsAny(key, "= \t\r\n\"`");
  }

  static boolean quoteValue(String value) {
    return containsAny(value, " \t\r\n\"`");
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code BuildInfo.String()} without the {@code go} line. */
  public static String format(BuildInfo bi) {
    StringBuilder b = new StringBuilder();
    if (!bi.path().isEmpty()) {
      b.append("path\t").append(bi.path()).append('\n');
    }
    if (bi.main() != null && !bi.main().isEmpty()) {
      module(b, "mod", bi.main());
    }
    for (ModuleInfo d : bi.deps()) {
      module(b, "dep", d);
    }
    for (BuildSetting s : bi.settings()) {
      String key = quoteKey(s.key()) ? GoQuote.quote(s.key()) : s.key();
      String value = quoteValue(s.value()) ? GoQuote.quote(s.value()) : s.value();
      b.append("build\t").append(key).append('=').append(value).append('\n');
    }
    return b.toString();
  }

  private static void module(StringBuilder b, String word, ModuleInfo m) {
    b.append(word).append('\t').append(m.path()).append('\t').append(m.version());
    if (m.replacement() == null) {
      b.append('\t').append(m.sum());
    } else {
      b.append('\n');
      module(b, "=>", m.replacement());
    }
    b.append('\n');
  }
}
