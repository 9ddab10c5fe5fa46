package dev.govern.core.upgrade;

import dev.govern.core.fleet.ScanStore;
import dev.govern.core.version.GoVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saved fleet scan says about a Go line: the share of services (with a known version)
 * already on it.
 *
 * @param scan the newest saved scan, if any
 */
public record FleetShare(Optional<ScanStore.SavedScan> scan) {

  public static FleetShare none() {
    return new FleetShare(Optional.empty());
  }

  /** Services with a known Go version. */
  public long known() {
    return scan.map(
            s ->
                s.services().stream()
                    .map(ScanStore.SavedService::go)
                    .filter(Objects::nonNull)
                    .count())
        .orElse(0L);
  }

  /** How many services run {@code v}'s line. */
  public long onLine(GoVersion v) {
    return scan.map(
            s ->
                s.services().stream()
                    .map(ScanStore.SavedService::go)
                    .filter(Objects::nonNull)
                    .filter(g -> line(g).equals(v.line()))
                    .count())
        .orElse(0L);
  }

  private static String line(String go) {
    try {
      return GoVersion.parse(go).line();
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** {@code no saved fleet scan} or {@code saved scan of 2026-08-20T…: 40 services}. */
  public String describe() {
    return scan.map(
            s ->
                "saved scan of "
                    + s.scannedAt()
                    + ": "
                    + s.services().size()
                    + " services, "
                    + known()
                    + " with a known Go")
        .orElse("no saved fleet scan");
  }
}
