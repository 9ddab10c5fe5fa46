package dev.govern.server.approval;

import dev.govern.core.governance.GovernanceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The governance file the server judges requests by ({@code govern serve --governance FILE}): read
 * again when it changes on disk, so a merged change of the rules applies without a restart. No
 * file: an empty governance (every environment gets {@code ApprovalRule.defaultRule()}, no trusted
 * keys).
 */
public final class GovernanceSource {
  private record Cached(FileTime modified, long size, GovernanceFile file) {}

  private final Path file;
  private volatile Cached cached;

  public GovernanceSource(Path file) {
    this.file = file;
    if (file != null) {
      current(); // a bad file fails at start, naming its line
    }
  }

  public Path file() {
    return file;
  }

  public GovernanceFile current() {
    if (file == null) {
      return GovernanceFile.parse(Path.of("(no governance file)"), "");
    }
    try {
      FileTime m = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      Cached c = cached;
      if (c == null || !c.modified().equals(m) || c.size() != size) {
        c = new Cached(m, size, GovernanceFile.load(file));
        cached = c;
      }
      return c.file();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the governance file " + file + ": " + e, e);
    }
  }
}
