package dev.govern.core.release;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.regex.Pattern;

/**
 * What the user asked to install: an exact version ({@code 1.22.4}, {@code go1.22.4}, {@code
 * go1.23rc1}), a line ({@code 1.22}: its newest stable patch), or {@code latest} (the newest stable
 * release). Prereleases are chosen only when named exactly.
 *
 * @param text the spec as written
 * @param kind which of the three forms it is
 * @param version the exact version, or the line's language version (null for latest)
 */
public record ReleaseSpec(String text, Kind kind, GoVersion version) {
  /** The three forms of a spec. */
  public enum Kind {
    EXACT,
    LINE,
    LATEST
  }

  private static final Pattern LINE = Pattern.compile("(?:go)?\\d+\\.\\d+");

  /**
   * Parses a spec.
   *
   * @throws GovernException (usage) naming the text when it is not a Go version
   */
  public static ReleaseSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw GovernException.usage("missing version (e.g. 1.22.4, 1.22 or latest)");
    }
    String s = text.strip();
    if (s.equalsIgnoreCase("latest")) {
      return new ReleaseSpec(s, Kind.LATEST, null);
    }
    GoVersion v = GoVersion.parse(s);
    if (LINE.matcher(s).matches()) {
      return new ReleaseSpec(s, Kind.LINE, v.lang());
    }
    if (v.isLanguageVersion()) {
      throw GovernException.usage("not an installable Go version: \"" + text + "\"");
    }
    return new ReleaseSpec(s, Kind.EXACT, v);
  }

  /** Whether {@code v} is a candidate for this spec (exact equality, the same line, any). */
  public boolean admits(Release r) {
    return switch (kind) {
      case EXACT -> r.version().equals(version);
      case LINE ->
          r.stable()
              && r.version().isRelease()
              && r.version().major() == version.major()
              && r.version().minor() == version.minor();
      case LATEST -> r.stable() && r.version().isRelease();
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
