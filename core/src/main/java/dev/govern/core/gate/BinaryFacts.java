package dev.govern.core.gate;

import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * What a built binary says about itself: the Go that compiled it and the module versions linked in.
 *
 * @param file the binary
 * @param goVersion the Go version in its build info
 * @param modules module dependencies as linked (after replacements)
 */
public record BinaryFacts(Path file, GoVersion goVersion, List<ModuleRef> modules) {
  /** A module path and version. */
  public record ModuleRef(String path, String version) {}
}
