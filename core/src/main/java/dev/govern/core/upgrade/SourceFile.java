package dev.govern.core.upgrade;

import java.nio.file.Path;

/**
 * A Go source file of a module and its header.
 *
 * @param file the file
 * @param header what its top says
 */
public record SourceFile(Path file, GoFileHeader header) {
  public String fileName() {
    return file.getFileName().toString();
  }

  /** Whether Go builds this file for {@code ctx}. */
  public boolean builtFor(BuildContext ctx) {
    return ctx.fileNameMatches(fileName()) && header.constraint().eval(ctx);
  }
}
