package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One GODEBUG setting and its history (from Go's {@code doc/godebug.md} and {@code
 * internal/godebugs}).
 *
 * @param name the setting ({@code panicnil})
 * @param pkg the package that reads it ({@code runtime}); {@code cmd/go} for go command settings
 * @param packages every package whose behaviour it changes
 * @param introduced the release that introduced it
 * @param tableSince the first toolchain whose table lists it (the go command accepts it in {@code
 *     //go:debug} and {@code godebug} lines); empty for runtime-internal variables
 * @param backported patch releases of older lines that received it
 * @param changed the language version whose go line gets the new default: modules with an older go
 *     line get {@code old}; empty when no default ever changed
 * @param old the value that restores the behaviour before the change, if it is a compatibility
 *     setting
 * @param newValue the default after the change, if any
 * @param removed the release that deleted it (from then on the old behaviour is gone and a line
 *     that sets it stops the build)
 * @param removal the removal Go has announced, in Go's words ({@code Go 1.28 at the earliest})
 * @param afterRemoval the behaviour once a toolchain removed it (usually its new value)
 * @param opaque whether it does not count non-default uses in runtime/metrics
 * @param metric the runtime/metrics counter of non-default uses, if it has one
 * @param summary what it changes, in one or two sentences
 * @param apis exported functions and methods whose behaviour depends on it ({@code
 *     crypto/tls.Conn.Handshake})
 */
public record GodebugSetting(
    String name,
    String pkg,
    List<String> packages,
    GoVersion introduced,
    Optional<GoVersion> tableSince,
    List<GoVersion> backported,
    Optional<GoVersion> changed,
    Optional<String> old,
    Optional<String> newValue,
    Optional<GoVersion> removed,
    Optional<String> removal,
    Optional<String> afterRemoval,
    boolean opaque,
    Optional<String> metric,
    String summary,
    List<String> apis) {

  public GodebugSetting {
    Objects.requireNonNull(name, "name");
    packages = List.copyOf(packages);
    backported = List.copyOf(backported);
    apis = List.copyOf(apis);
  }

  /** The minor number of {@link #changed}, if any (21 for go1.21). */
  public Optional<Integer> changedMinor() {
    return changed.map(GoVersion::minor);
  }

  /**
   * Whether the table of toolchain {@code t} lists this setting: from {@link #tableSince}, or from
   * the first backport of {@code t}'s line, until {@link #removed}.
   */
  public boolean inTable(GoVersion t) {
    if (tableSince.isEmpty() || removedBy(t)) {
      return false;
    }
    if (t.compareIgnoringSuffix(tableSince.get()) >= 0) {
      return true;
    }
    for (GoVersion b : backported) {
      if (b.line().equals(t.line()) && t.compareIgnoringSuffix(b) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether toolchain {@code t} no longer has the setting. */
  public boolean removedBy(GoVersion t) {
    return removed.isPresent() && t.compareIgnoringSuffix(removed.get()) >= 0;
  }

  /** Whether toolchain {@code t} has the behaviour this setting controls at all. */
  public boolean existsIn(GoVersion t) {
    if (removedBy(t)) {
      return false;
    }
    if (t.compareIgnoringSuffix(introduced) >= 0) {
      return true;
    }
    return inTable(t);
  }

  /**
   * The runtime/metrics counter of non-default uses to watch: the table's, else Go's naming rule
   * for it; none for opaque settings, which count nothing.
   */
  public Optional<String> metricToWatch() {
    if (opaque) {
      return Optional.empty();
    }
    return Optional.of(metric.orElse("/godebug/non-default-behavior/" + name + ":events"));
  }
}
