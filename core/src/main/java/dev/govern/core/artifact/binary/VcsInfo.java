package dev.govern.core.artifact.binary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The version-control facts cmd/go stamps into a binary built inside a checkout.
 *
 * @param system {@code git}, {@code hg}, {@code svn}, {@code fossil} or {@code bzr}
 * @param revision the commit (empty when not recorded)
 * @param time the commit time as written (RFC 3339, UTC), or empty
 * @param modified whether the tree had uncommitted changes; empty when not recorded
 */
public record VcsInfo(String system, String revision, String time, Optional<Boolean> modified) {
  /** The commit time, when it is present and valid RFC 3339. */
  public Optional<Instant> commitTime() {
    if (time.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(time));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
