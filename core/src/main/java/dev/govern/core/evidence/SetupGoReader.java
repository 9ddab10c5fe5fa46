package dev.govern.core.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Go versions a GitHub Actions workflow asks {@code actions/setup-go} for: {@code
 * go-version} (literal or a {@code ${{ matrix.X }}} reference, resolved against the workflow's
 * matrix) and {@code go-version-file} (reported with the file it names, to be read by the caller).
 *
 * <p>Workflows are read line by line, by indentation, so every finding keeps its line number.
 */
public final class SetupGoReader {
  private static final Pattern USES =
      Pattern.compile("^(\\s*)(-\\s+)?uses:\\s*['\"]?actions/setup-go@");
  private static final Pattern KEY =
      Pattern.compile("^\\s*(?:-\\s+)?(go-version|go-version-file):\\s*(.*?)\\s*$");
  private static final Pattern MATRIX_REF =
      Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z0-9_-]+)\\s*}}");

  private SetupGoReader() {}

  /** A {@code go-version-file} reference: the workflow line and the file it names. */
  public record VersionFileRef(Path workflow, int line, String file) {}

  /** What one workflow file says. */
  public record Result(List<VersionEvidence> versions, List<VersionFileRef> versionFiles) {}

  public static boolean isWorkflow(Path file) {
    String n = file.getFileName().toString();
    Path parent = file.getParent();
    return (n.endsWith(".yml") || n.endsWith(".yaml"))
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("workflows")
        && parent.getParent() != null
        && parent.getParent().getFileName() != null
        && parent.getParent().getFileName().toString().equals(".github");
  }

  public static Result read(Path file) {
    List<String> lines = PinFileReader.lines(file);
    List<VersionEvidence> versions = new ArrayList<>();
    List<VersionFileRef> files = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher u = USES.matcher(lines.get(i));
      if (!u.find()) {
        continue;
      }
      int start = stepStart(lines, i, u);
      int dash = indent(lines.get(start));
      int end = start + 1;
      while (end < lines.size() && (blank(lines.get(end)) || indent(lines.get(end)) > dash)) {
        end++;
      }
      for (int j = start; j < end; j++) {
        Matcher k = KEY.matcher(lines.get(j));
        if (!k.find()) {
          continue;
        }
        String value = unquote(stripComment(k.group(2)));
        if (k.group(1).equals("go-version-file")) {
          files.add(new VersionFileRef(file, j + 1, value));
          continue;
        }
        Matcher ref = MATRIX_REF.matcher(value);
        if (ref.find()) {
          for (String v : matrixValues(lines, ref.group(1))) {
            versions.add(evidence(file, j + 1, v));
          }
        } else if (!value.isEmpty()) {
          versions.add(evidence(file, j + 1, value));
        }
      }
    }
    return new Result(versions, files);
  }

  private static VersionEvidence evidence(Path file, int line, String word) {
    LooseVersion.Reading r = LooseVersion.read(word);
    return new VersionEvidence(EvidenceKind.CI, file, line, word, r.version(), r.floating(), false);
  }

  /** The line where the step holding line {@code i} begins (the line with its list dash). */
  private static int stepStart(List<String> lines, int i, Matcher uses) {
    if (uses.group(2) != null) {
      return i;
    }
    int keyIndent = uses.group(1).length();
    for (int j = i - 1; j >= 0; j--) {
      String l = lines.get(j);
      if (blank(l)) {
        continue;
      }
      if (l.strip().startsWith("- ") && indent(l) < keyIndent) {
        return j;
      }
      if (indent(l) < keyIndent - 2) {
        break;
      }
    }
    return i;
  }

  /** Values of {@code matrix: <name>: [...]} or a block list under it. */
  private static List<String> matrixValues(List<String> lines, String name) {
    List<String> out = new ArrayList<>();
    Pattern key = Pattern.compile("^(\\s*)" + Pattern.quote(name) + ":\\s*(.*?)\\s*$");
    boolean inMatrix = false;
    int matrixIndent = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.strip().startsWith("matrix:")) {
        inMatrix = true;
        matrixIndent = indent(l);
        continue;
      }
      if (inMatrix && !blank(l) && indent(l) <= matrixIndent) {
        inMatrix = false;
      }
      if (!inMatrix) {
        continue;
      }
      Matcher m = key.matcher(l);
      if (!m.find()) {
        continue;
      }
      String rest = stripComment(m.group(2));
      if (rest.startsWith("[")) {
        for (String v : rest.replaceAll("[\\[\\]]", "").split(",")) {
          if (!v.isBlank()) {
            out.add(unquote(v.strip()));
          }
        }
      } else if (rest.isEmpty()) {
        int keyIndent = m.group(1).length();
        for (int j = i + 1; j < lines.size(); j++) {
          String item = lines.get(j);
          if (blank(item)) {
            continue;
          }
          if (indent(item) < keyIndent || !item.strip().startsWith("-")) {
            break;
          }
          out.add(unquote(stripComment(item.strip().substring(1)).strip()));
        }
      } else {
        out.add(unquote(rest));
      }
      return out;
    }
    return out;
  }

  private static boolean blank(String l) {
    String s = l.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  private static int indent(String l) {
    int n = 0;
    while (n < l.length() && l.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String stripComment(String s) {
    int hash = s.indexOf(" #");
    return (hash < 0 ? s : s.substring(0, hash)).strip();
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2
        && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
