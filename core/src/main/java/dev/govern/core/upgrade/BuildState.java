package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.util.List;

/**
 * What decides a program's GODEBUG behaviour: the toolchain that builds it, the go version its
 * defaults follow, and the lines that set settings.
 *
 * @param toolchain the Go that builds
 * @param goVersion the go line of the main module or go.work, as written
 * @param moduleLines {@code godebug} lines of go.mod or go.work
 * @param packageLines {@code //go:debug} lines of the main package (or, for a binary, the entries
 *     its DefaultGODEBUG sets beyond its go line's defaults)
 */
public record BuildState(
    GoVersion toolchain,
    String goVersion,
    List<GodebugDirective> moduleLines,
    List<GodebugDirective> packageLines) {

  public BuildState {
    moduleLines = List.copyOf(moduleLines);
    packageLines = List.copyOf(packageLines);
  }

  /** The same code built by another toolchain. */
  public BuildState withToolchain(GoVersion t) {
    return new BuildState(t, goVersion, moduleLines, packageLines);
  }

  /** The same code with another go line. */
  public BuildState withGoVersion(String v) {
    return new BuildState(toolchain, v, moduleLines, packageLines);
  }

  /** The default GODEBUG the go command compiles in (empty before Go 1.21). */
  public java.util.Map<String, String> defaultGodebug(GodebugHistory history) {
    if (toolchain.minor() < GoVersion.FIRST_LANGUAGE_VERSION_LINE && toolchain.major() == 1) {
      return new java.util.TreeMap<>();
    }
    return DefaultGodebug.settings(history, toolchain, goVersion, moduleLines, packageLines);
  }
}
