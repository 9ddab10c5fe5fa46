package dev.govern.core.vuln;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Optional;

/**
 * What is scanned for vulnerabilities: a Go version, a module (its go.mod) or a binary (its build
 * information and function table). Every kind of input is turned into one of these; a binary reader
 * builds one with {@link #binary}.
 *
 * @param name what the user named (a version, a directory, a file)
 * @param kind the kind of target
 * @param go the Go version whose standard library and toolchain are matched, if known
 * @param goNote where {@code go} came from, for people ("toolchain line", "build info")
 * @param modules the module dependencies to match
 * @param goos the target operating system, or null when unknown (every platform is reported)
 * @param goarch the target architecture, or null when unknown
 * @param functions the binary's function table, or null when the target is not a binary
 */
public record ScanTarget(
    String name,
    Kind kind,
    Optional<GoVersion> go,
    String goNote,
    List<GoModFacts.Requirement> modules,
    String goos,
    String goarch,
    LinkedFunctions functions) {
  /** The kinds of target. */
  public enum Kind {
    VERSION,
    GO_MOD,
    BINARY
  }

  public ScanTarget {
    modules = List.copyOf(modules);
  }

  /** A bare Go version. */
  public static ScanTarget version(String name, GoVersion v) {
    return new ScanTarget(
        name, Kind.VERSION, Optional.of(v), "as given", List.of(), null, null, null);
  }

  /**
   * A module from its go.mod. The Go version is the {@code toolchain} line's, else the {@code go}
   * line's minimum (a language version 1.N from Go 1.21 on counts as 1.N.0, the first release that
   * satisfies it); the toolchain that really builds the module may be newer.
   */
  public static ScanTarget goMod(String name, GoModFacts facts) {
    Optional<GoVersion> toolchain =
        facts.toolchain().filter(t -> !t.equals("default")).map(GoVersion::parse);
    Optional<GoVersion> go = facts.go().map(GoVersion::parse);
    Optional<GoVersion> use;
    String note;
    if (toolchain.isPresent() && (go.isEmpty() || !toolchain.get().isBefore(go.get()))) {
      use = toolchain;
      note = "go.mod toolchain line";
    } else if (go.isPresent()) {
      GoVersion g = go.get();
      use = Optional.of(g.isLanguageVersion() ? GoVersion.of(g.major(), g.minor(), 0) : g);
      note = "go.mod go line (a minimum: the toolchain that builds it may be newer)";
    } else {
      use = Optional.empty();
      note = "go.mod has no go or toolchain line";
    }
    return new ScanTarget(name, Kind.GO_MOD, use, note, facts.requires(), null, null, null);
  }

  /**
   * A Go binary, as the binary reader describes it.
   *
   * @param functions its function table, or {@link LinkedFunctions#unknown()} when it has none
   */
  public static ScanTarget binary(
      String name,
      GoVersion go,
      List<GoModFacts.Requirement> deps,
      String goos,
      String goarch,
      LinkedFunctions functions) {
    return new ScanTarget(
        name, Kind.BINARY, Optional.of(go), "build info", deps, goos, goarch, functions);
  }
}
