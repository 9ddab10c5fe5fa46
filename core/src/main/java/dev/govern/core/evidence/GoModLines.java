package dev.govern.core.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code go} and {@code toolchain} lines of a go.mod or go.work file as version evidence. Only
 * these two directives matter here; the full grammar is the go.mod parser's business.
 */
public final class GoModLines {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*(go|toolchain)\\s+\"?([^\\s\"/]+)\"?\\s*(?://.*)?$");

  private GoModLines() {}

  public static List<VersionEvidence> read(Path file) {
    List<String> lines = PinFileReader.lines(file);
    List<VersionEvidence> out = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      String code = l.replaceAll("//.*", "").strip();
      if (code.endsWith("(")) {
        depth++;
        continue;
      }
      if (code.equals(")")) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      Matcher m = DIRECTIVE.matcher(l);
      if (depth > 0 || !m.find()) {
        continue;
      }
      String word = m.group(2);
      if (m.group(1).equals("toolchain")) {
        if (word.equals("default")) {
          continue;
        }
        VersionText.Reading r = VersionText.read(word);
        out.add(
            new VersionEvidence(
                EvidenceKind.TOOLCHAIN_LINE, file, i + 1, word, r.version(), false, false));
      } else {
        VersionText.Reading r = VersionText.read(word);
        java.util.Optional<dev.govern.core.version.GoVersion> v =
            r.version().map(x -> word.chars().filter(c -> c == '.').count() == 1 ? x.lang() : x);
        out.add(new VersionEvidence(EvidenceKind.GO_LINE, file, i + 1, word, v, false, true));
      }
    }
    return out;
  }
}
