package dev.govern.core.evidence;

import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.version.GoVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What Go a piece of evidence stands for once moving targets are resolved against the releases. */
public final class EffectiveVersion {
  private EffectiveVersion() {}

  /**
   * The version {@code e} means: exact versions as written; a floating line ({@code 1.22}, {@code
   * golang:1.22}) as the newest patch of that line; {@code stable}/{@code latest} as the newest
   * release; anything else unknown.
   */
  public static Optional<GoVersion> of(VersionEvidence e, ReleaseFacts releases) {
    if (e.version().isPresent()) {
      GoVersion v = e.version().get();
      return e.floating() ? releases.latestPatch(v).or(() -> Optional.of(v)) : Optional.of(v);
    }
    String t = e.text().toLowerCase(Locale.ROOT);
    if (t.endsWith("stable") && !t.endsWith("oldstable") || t.endsWith("latest")) {
      return releases.releases().stream().filter(r -> !r.isPrerelease()).reduce((a, b) -> b);
    }
    return Optional.empty();
  }

  /**
   * The strongest evidence that names a version: binary build info over images, CI and Dockerfile
   * pins over pin files, toolchain lines, and last the {@code go} line (a minimum).
   */
  public static Optional<VersionEvidence> strongest(
      List<VersionEvidence> evidence, ReleaseFacts releases) {
    return evidence.stream()
        .filter(e -> of(e, releases).isPresent())
        .max(Comparator.comparingInt((VersionEvidence e) -> e.kind().confidence()));
  }
}
