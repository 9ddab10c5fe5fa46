package dev.govern.core.evidence;

import dev.govern.core.artifact.gomod.GoDirective;
import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.artifact.gomod.GoWorkFile;
import dev.govern.core.artifact.gomod.ModuleRef;
import dev.govern.core.artifact.gomod.Requirement;
import dev.govern.core.artifact.gomod.ToolchainDirective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code go} and {@code toolchain} lines of a go.mod or go.work file as version evidence, read
 * with the real go.mod parser (a file that does not parse is an error naming its line).
 */
public final class GoModEvidence {
  private GoModEvidence() {}

  /**
   * What one go.mod or go.work file says, from a single parse.
   *
   * @param modulePath the module path (empty for go.work)
   * @param evidence its {@code go} and {@code toolchain} lines
   * @param requirements its requirements as they take effect after {@code replace} (none for
   *     go.work)
   */
  public record Facts(
      Optional<String> modulePath,
      List<VersionEvidence> evidence,
      List<ModuleRequirement> requirements) {}

  /** Parses {@code file} once; a file that does not parse is an error naming its line. */
  public static Facts of(Path file) {
    if (GoModParser.isWorkFileName(file)) {
      GoWorkFile w = GoModParser.readWork(file);
      return new Facts(Optional.empty(), lines(file, w.go(), w.toolchain()), List.of());
    }
    GoModFile m = GoModParser.read(file);
    List<ModuleRequirement> reqs = new ArrayList<>();
    for (Requirement r : m.require()) {
      ModuleRef eff = m.effective(r.path(), r.version());
      reqs.add(
          new ModuleRequirement(
              file, r.line(), eff.path(), eff.version() == null ? "" : eff.version()));
    }
    return new Facts(m.modulePath(), lines(file, m.go(), m.toolchain()), List.copyOf(reqs));
  }

  private static List<VersionEvidence> lines(
      Path file, GoDirective go, ToolchainDirective toolchain) {
    List<VersionEvidence> out = new ArrayList<>();
    if (go != null) {
      out.add(
          new VersionEvidence(
              EvidenceKind.GO_LINE, file, go.line(), go.version(), go.minimum(), false, true));
    }
    if (toolchain != null && !toolchain.isDefault()) {
      out.add(
          new VersionEvidence(
              EvidenceKind.TOOLCHAIN_LINE,
              file,
              toolchain.line(),
              toolchain.name(),
              toolchain.version(),
              false,
              false));
    }
    return List.copyOf(out);
  }
}
