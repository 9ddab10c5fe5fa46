package dev.govern.core.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository's CODEOWNERS ({@code CODEOWNERS}, {@code .github/CODEOWNERS} or {@code
 * docs/CODEOWNERS}): gitignore-style patterns, the last matching one wins.
 */
public final class CodeOwners {
  private static final List<String> PLACES =
      List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  private record Rule(Pattern pattern, String owners) {}

  private final List<Rule> rules;

  private CodeOwners(List<Rule> rules) {
    this.rules = rules;
  }

  /** The CODEOWNERS of the repository rooted at {@code repo}, if it has one. */
  public static Optional<CodeOwners> of(Path repo) {
    for (String place : PLACES) {
      Path f = repo.resolve(place);
      if (Files.isRegularFile(f)) {
        try {
          return Optional.of(parse(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static CodeOwners parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 2) {
        continue; // a pattern without owners clears ownership; nothing to report
      }
      rules.add(
          new Rule(compile(f[0]), String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length))));
    }
    return new CodeOwners(rules);
  }

  /** The owners of a path relative to the repository root ({@code svc/api/main.go} or a folder). */
  public Optional<String> owners(String relativePath) {
    String p = relativePath.replace('\\', '/');
    String owners = null;
    for (Rule r : rules) {
      if (r.pattern().matcher(p).matches() || r.pattern().matcher(p + "/").matches()) {
        owners = r.owners();
      }
    }
    return Optional.ofNullable(owners);
  }

  /**
   * gitignore-style: {@code /x} anchors at the root, {@code x/} is a folder, {@code **} any depth.
   */
  static Pattern compile(String glob) {
    boolean anchored = glob.startsWith("/") || glob.substring(0, glob.length() - 1).contains("/");
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
          if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
            i++;
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // a pattern names a file or a folder and everything below it
    re.append(g.endsWith("/") ? ".*" : "(?:/.*)?");
    return Pattern.compile(re.toString());
  }
}
