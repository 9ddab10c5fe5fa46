package dev.govern.core.evidence;

import java.nio.file.Path;

/**
 * A module requirement of a go.mod, as it takes effect (after {@code replace}), with its line.
 *
 * @param file the go.mod
 * @param line the 1-based line of the require
 * @param path the module path that is built (the replacement's when one applies)
 * @param version its version, or empty for a directory replacement
 */
public record ModuleRequirement(Path file, int line, String path, String version) {}
