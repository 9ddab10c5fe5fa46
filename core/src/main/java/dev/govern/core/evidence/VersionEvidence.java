package dev.govern.core.evidence;

import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement about the Go version of a repository or artifact, with the file and line it came
 * from.
 *
 * @param kind where it came from (and how much it is worth)
 * @param file the file that says it
 * @param line the 1-based line, or 0 when the statement has no line (a binary)
 * @param text the version exactly as written ({@code 1.22}, {@code 1.22.4-alpine}, {@code stable})
 * @param version the version it names, when it names one; a line such as {@code 1.22} parses to the
 *     language version with {@code floating} set
 * @param floating true when the text names a moving target (a whole line such as {@code 1.22} or
 *     {@code 1.22.x}, {@code stable}, {@code latest}): the Go actually used is the newest of it
 * @param minimum true when the text is only a lower bound (a go.mod {@code go} line)
 */
public record VersionEvidence(
    EvidenceKind kind,
    Path file,
    int line,
    String text,
    Optional<GoVersion> version,
    boolean floating,
    boolean minimum) {
  public VersionEvidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(version, "version");
  }

  /** {@code path:line} for messages. */
  public String location() {
    return line > 0 ? file + ":" + line : file.toString();
  }
}
