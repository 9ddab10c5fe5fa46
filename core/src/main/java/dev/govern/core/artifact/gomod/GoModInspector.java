package dev.govern.core.artifact.gomod;

import java.nio.file.Path;

/** Reads a go.mod or go.work file (by its name) into its JSON-ready {@link GoModReport}. */
public final class GoModInspector {
  private GoModInspector() {}

  /**
   * Inspects one file: {@code *.work} is read as go.work, anything else as go.mod.
   *
   * @throws GoModSyntaxException when Go would reject the file (every error listed)
   * @throws dev.govern.core.GovernException NOT_FOUND, INVALID_INPUT (too large, a directory) or
   *     RUNTIME (unreadable)
   */
  public static GoModReport inspect(Path file) {
    if (GoModParser.isWorkFileName(file)) {
      return GoModReport.of(GoModParser.readWork(file));
    }
    return GoModReport.of(GoModParser.read(file));
  }
}
