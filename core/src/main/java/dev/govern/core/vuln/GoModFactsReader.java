package dev.govern.core.vuln;

import java.nio.file.Path;

/**
 * The seam between vulnerability matching and go.mod parsing: {@link ParsedGoModReader} reads
 * enough; the project's full go.mod parser can be adapted to this interface instead.
 */
@FunctionalInterface
public interface GoModFactsReader {
  /** Reads {@code goMod}; malformed input is an INVALID_INPUT {@code GovernException}. */
  GoModFacts read(Path goMod);
}
