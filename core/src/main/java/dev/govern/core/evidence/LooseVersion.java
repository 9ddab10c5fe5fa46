package dev.govern.core.evidence;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the loose version words people write in Dockerfiles, CI files and pin files: {@code
 * 1.22.4}, {@code go1.22.4}, {@code 1.22}, {@code 1.22.x}, {@code ^1.22}, {@code >=1.21}, {@code
 * stable}.
 */
final class LooseVersion {
  private static final Pattern LEADING =
      Pattern.compile(
          "^[v^~>=]*\\s*(?:go)?(\\d+\\.\\d+(?:\\.\\d+|(?:alpha|beta|rc)\\d+)?)(\\.x|\\.\\*)?");

  private LooseVersion() {}

  /** What a version word means. */
  record Reading(Optional<GoVersion> version, boolean floating) {}

  static Reading read(String word) {
    String w = word.strip();
    Matcher m = LEADING.matcher(w);
    if (!m.find()) {
      return new Reading(Optional.empty(), true); // stable, oldstable, latest, ${VAR}
    }
    try {
      GoVersion v = GoVersion.parse(m.group(1));
      boolean twoPart = m.group(1).chars().filter(c -> c == '.').count() == 1 && !v.isPrerelease();
      boolean ranged = w.startsWith("^") || w.startsWith("~") || w.startsWith(">");
      return new Reading(
          Optional.of(twoPart ? v.lang() : v), twoPart || m.group(2) != null || ranged);
    } catch (GovernException e) {
      return new Reading(Optional.empty(), true);
    }
  }
}
