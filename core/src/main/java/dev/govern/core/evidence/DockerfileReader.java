package dev.govern.core.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code FROM golang:<tag>} lines in a Dockerfile, following {@code ARG} defaults, line
 * continuations, {@code --platform} flags, registry prefixes and digests.
 */
public final class DockerfileReader {
  private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(?:--\\S+\\s+)*(\\S+)");
  private static final Pattern ARG = Pattern.compile("(?i)^ARG\\s+([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
  private static final Pattern VAR =
      Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}?");

  private DockerfileReader() {}

  /** Whether a file name is a Dockerfile by the usual conventions. */
  public static boolean isDockerfile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("dockerfile")
        || n.startsWith("dockerfile.")
        || n.endsWith(".dockerfile")
        || n.equals("containerfile");
  }

  /** Every {@code golang} base image of the file, in order. */
  public static List<VersionEvidence> read(Path file) {
    List<String> raw = PinFileReader.lines(file);
    Map<String, String> args = new HashMap<>();
    List<VersionEvidence> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(raw.get(i).strip());
      while (logical.length() > 0
          && logical.charAt(logical.length() - 1) == '\\'
          && i + 1 < raw.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(' ').append(raw.get(++i).strip());
      }
      String line = logical.toString().strip();
      if (line.startsWith("#")) {
        continue;
      }
      Matcher a = ARG.matcher(line);
      if (a.find()) {
        args.put(a.group(1), unquote(a.group(2)));
        continue;
      }
      Matcher f = FROM.matcher(line);
      if (f.find()) {
        String image = substitute(f.group(1), args);
        golangTag(image)
            .ifPresent(
                tag -> {
                  LooseVersion.Reading r = LooseVersion.read(tag);
                  out.add(
                      new VersionEvidence(
                          EvidenceKind.DOCKERFILE,
                          file,
                          first + 1,
                          "golang:" + tag,
                          r.version(),
                          r.floating(),
                          false));
                });
      }
    }
    return out;
  }

  /** The tag of a golang image reference ({@code latest} when none), or empty for other images. */
  static java.util.Optional<String> golangTag(String image) {
    String ref = image;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    String repo = slash < 0 ? ref : ref.substring(slash + 1);
    String prefix = slash < 0 ? "" : ref.substring(0, slash);
    if (!prefix.isEmpty()
        && !prefix.matches(
            "(docker\\.io/)?(library)?|docker\\.io|index\\.docker\\.io(/library)?|mirror\\.gcr\\.io(/library)?")) {
      return java.util.Optional.empty();
    }
    int colon = repo.indexOf(':');
    String name = colon < 0 ? repo : repo.substring(0, colon);
    if (!name.equals("golang")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(colon < 0 ? "latest" : repo.substring(colon + 1));
  }

  private static String substitute(String s, Map<String, String> args) {
    Matcher m = VAR.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = args.getOrDefault(m.group(1), m.group(2) == null ? m.group() : m.group(2));
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
