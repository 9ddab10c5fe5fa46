package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.version.GoVersion;
import java.util.Optional;

/**
 * Where an upgrade goes: the toolchain that will build and the go line the module will declare.
 *
 * @param toolchain a published Go release
 * @param goLine the language version of its line ({@code go1.23})
 */
public record UpgradeTarget(GoVersion toolchain, GoVersion goLine) {

  /** The target for a published release. */
  public static UpgradeTarget of(GoVersion release) {
    return new UpgradeTarget(release, release.lang());
  }

  /**
   * Resolves {@code --to}: a release ({@code go1.23.4}, {@code 1.23.4}) must be published; a line
   * ({@code 1.23}, {@code go1.23}) means its newest patch. A version that is not known is a
   * NOT_FOUND error, text that is no version a USAGE error.
   */
  public static UpgradeTarget resolve(String text, ReleaseFacts releases, String flag) {
    GoVersion v;
    try {
      v = GoVersion.parse(text.strip());
    } catch (GovernException e) {
      throw GovernException.usage(
          flag + ": \"" + text + "\" is not a Go version (e.g. 1.23, go1.23.4)");
    }
    if (v.isLanguageVersion() || v.isRelease() && v.patch() == 0 && v.minor() < 21) {
      Optional<GoVersion> newest = releases.latestPatch(v);
      if (newest.isPresent()) {
        return of(newest.get());
      }
    } else if (releases.releases().stream().anyMatch(r -> r.compareIgnoringSuffix(v) == 0)) {
      return of(v.withoutSuffix());
    }
    GoVersion newest =
        releases.releases().isEmpty()
            ? null
            : releases.releases().get(releases.releases().size() - 1);
    throw GovernException.notFound(
        flag
            + ": unknown Go version "
            + v
            + " (not a published release"
            + (newest == null ? "" : "; the newest known is " + newest)
            + ")",
        "give a published release such as " + (newest == null ? "go1.23.4" : newest.toString()));
  }

  /** The go line text the module will declare: {@code 1.23.0} (Go 1.21+), else {@code 1.20}. */
  public String goLineText() {
    return goLine.minor() >= GoVersion.FIRST_LANGUAGE_VERSION_LINE
        ? goLine.bare() + ".0"
        : goLine.bare();
  }
}
