package dev.govern.core.artifact.gomod;

import java.util.List;

/** Go's choice among replace lines: an exact {@code path version} beats a bare {@code path}. */
final class Replacements {
  private Replacements() {}

  static ModuleRef effective(List<Replacement> replace, String path, String version) {
    ModuleRef wildcard = null;
    ModuleRef exact = null;
    for (Replacement r : replace) {
      if (!r.old().path().equals(path)) {
        continue;
      }
      if (!r.old().hasVersion()) {
        wildcard = r.target();
      } else if (r.old().version().equals(version)) {
        exact = r.target();
      }
    }
    if (exact != null) {
      return exact;
    }
    return wildcard != null ? wildcard : new ModuleRef(path, version);
  }
}
