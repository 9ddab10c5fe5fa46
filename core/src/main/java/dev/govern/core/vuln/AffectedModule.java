package dev.govern.core.vuln;

import java.util.List;
import java.util.Optional;

/**
 * One {@code affected} element of an OSV entry: a module, its vulnerable versions and packages.
 *
 * @param module the module path; {@code stdlib} and {@code toolchain} are the Go distribution
 * @param ranges the SEMVER ranges
 * @param versions explicitly listed affected versions (rare in the Go database)
 * @param packages the vulnerable packages
 */
public record AffectedModule(
    String module, List<OsvRange> ranges, List<String> versions, List<AffectedPackage> packages) {
  public AffectedModule {
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    packages = List.copyOf(packages);
  }

  /** Whether {@code version} is affected. */
  public boolean affects(OsvSemver version) {
    for (OsvRange r : ranges) {
      if (r.affects(version)) {
        return true;
      }
    }
    for (String v : versions) {
      if (OsvSemver.parse(v).compareTo(version) == 0) {
        return true; // explicit version lists are rare in the Go database: parsed on demand
      }
    }
    return false;
  }

  /** The lowest fixed version above {@code version} in any of the ranges. */
  public Optional<String> fixedAfter(OsvSemver version) {
    return ranges.stream()
        .map(r -> r.fixedAfter(version))
        .flatMap(Optional::stream)
        .min((a, b) -> OsvSemver.compare(a, b));
  }
}
