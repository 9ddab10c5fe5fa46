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

/**
 * The {@code go} and {@code toolchain} lines of a go.mod or go.work file as version evidence, read
 * with the real go.mod parser (a file that does not parse is an error naming its line).
 */
public final class GoModEvidence {
  private GoModEvidence() {}

  /** The requirements of a go.mod as they take effect; none for go.work files. */
  public static List<ModuleRequirement> requirements(Path file) {
    if (GoModParser.isWorkFileName(file)) {
      return List.of();
    }
    GoModFile m = GoModParser.read(file);
    List<ModuleRequirement> out = new ArrayList<>();
    for (Requirement r : m.require()) {
      ModuleRef eff = m.effective(r.path(), r.version());
      out.add(
          new ModuleRequirement(
              file, r.line(), eff.path(), eff.version() == null ? "" : eff.version()));
    }
    return out;
  }

  public static List<VersionEvidence> read(Path file) {
    GoDirective go;
    ToolchainDirective toolchain;
    if (GoModParser.isWorkFileName(file)) {
      GoWorkFile w = GoModParser.readWork(file);
      go = w.go();
      toolchain = w.toolchain();
    } else {
      GoModFile m = GoModParser.read(file);
      go = m.go();
      toolchain = m.toolchain();
    }
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
    return out;
  }
}
