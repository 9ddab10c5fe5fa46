package dev.govern.core.deploy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a release by what people type: a release id, a prefix (at least 4 hex digits) of the id,
 * the SHA-256 or the git revision, or the newest build on a Go line ({@code --go 1.21}). {@code
 * current} and {@code previous} depend on a target and are resolved by the caller.
 */
public final class ReleaseRef {
  /** The shortest prefix accepted. */
  public static final int MIN_PREFIX = 4;

  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final Pattern LINE = Pattern.compile("(?:go)?\\d+\\.\\d+");

  private ReleaseRef() {}

  /** Whether {@code ref} is one of the words that depend on a target. */
  public static boolean isRelative(String ref) {
    return ref.equals("current") || ref.equals("previous");
  }

  /** The one release {@code ref} names among {@code releases}; fails naming every match. */
  public static Release find(List<Release> releases, String ref) {
    String r = ref.strip().toLowerCase(Locale.ROOT);
    if (r.length() < MIN_PREFIX || !HEX.matcher(r).matches()) {
      throw GovernException.usage(
          "not a release reference: \""
              + ref
              + "\" (a release id, at least "
              + MIN_PREFIX
              + " hex digits of an id, SHA-256 or git revision, current, previous, or --go LINE)");
    }
    List<Release> exact = releases.stream().filter(x -> x.id().equals(r)).toList();
    if (!exact.isEmpty()) {
      return one(exact, ref);
    }
    List<Release> matches = new ArrayList<>();
    for (Release x : releases) {
      if (x.sha256().startsWith(r) || (!x.revision().isEmpty() && x.revision().startsWith(r))) {
        matches.add(x);
      }
    }
    return one(matches, ref);
  }

  /**
   * The newest recorded release built with Go {@code go}: a line ({@code 1.21}, {@code go1.21})
   * matches every release of the line, a full version ({@code 1.21.3}) only that version.
   */
  public static Release newestOnGo(List<Release> releases, String go) {
    GoVersion want = GoVersion.parse(go.strip());
    // "1.19" is a line here, although Go names the first 1.19 release so too
    boolean line = LINE.matcher(go.strip()).matches();
    Release best = null;
    for (Release r : releases) {
      boolean match =
          r.goRelease()
              .map(
                  v ->
                      line
                          ? v.major() == want.major() && v.minor() == want.minor()
                          : v.compareIgnoringSuffix(want) == 0)
              .orElse(false);
      if (match) {
        best = r; // releases are oldest first
      }
    }
    if (best == null) {
      throw GovernException.notFound(
          "no release built with Go " + (line ? want.line() : want.bare()) + " is recorded",
          "see which Go built each release: govern release list NAME");
    }
    return best;
  }

  private static Release one(List<Release> matches, String ref) {
    if (matches.isEmpty()) {
      throw GovernException.notFound(
          "no release matches \"" + ref + "\"",
          "see the recorded releases: govern release list NAME");
    }
    if (matches.size() > 1) {
      StringBuilder b = new StringBuilder();
      for (Release m : matches) {
        b.append(b.length() == 0 ? "" : "; ").append(m.service()).append(' ').append(m.label());
      }
      throw new GovernException(
          ErrorCode.USAGE,
          "\"" + ref + "\" matches " + matches.size() + " releases: " + b,
          "give more characters of the release id, or a release id itself");
    }
    return matches.get(0);
  }
}
