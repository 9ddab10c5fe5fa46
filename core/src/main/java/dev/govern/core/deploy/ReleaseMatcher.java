package dev.govern.core.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds the recorded releases of a binary: by Go build ID and size (no hashing, so {@code govern
 * ps} stays cheap), and by SHA-256 for releases recorded without a build ID or when the hash is at
 * hand.
 */
public final class ReleaseMatcher {
  private final List<Release> releases;

  public ReleaseMatcher(List<Release> releases) {
    this.releases = List.copyOf(releases);
  }

  /** The releases of a binary with these facts and size; {@code sha256} is asked only if needed. */
  public List<Release> match(BinaryFacts facts, long size, Supplier<String> sha256) {
    List<Release> out = new ArrayList<>();
    boolean needHash = false;
    for (Release r : releases) {
      if (r.size() != size) {
        continue;
      }
      if (!r.buildId().isEmpty() && r.buildId().equals(facts.buildId())) {
        out.add(r);
      } else if (r.buildId().isEmpty() || facts.buildId().isEmpty()) {
        needHash = true;
      }
    }
    if (out.isEmpty() && needHash) {
      return bySha256(sha256.get());
    }
    return out;
  }

  /** The releases of the binary with this SHA-256 (one per service it was recorded for). */
  public List<Release> bySha256(String sha256) {
    return releases.stream().filter(r -> r.sha256().equals(sha256)).toList();
  }

  /** The SHA-256 of a file, for the suppliers above. */
  public static String sha256(java.nio.file.Path file) {
    return Digests.sha256(file);
  }
}
