package dev.govern.core.vuln;

import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.artifact.gomod.ModuleRef;
import dev.govern.core.artifact.gomod.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * go.mod facts for vulnerability matching from the real go.mod parser: the {@code go} and {@code
 * toolchain} lines and every requirement as it takes effect after {@code replace} (a module
 * replaced by a local directory keeps its required version: nothing published to match).
 */
public final class ParsedGoModReader implements GoModFactsReader {
  @Override
  public GoModFacts read(Path goMod) {
    GoModFile f = GoModParser.read(goMod);
    List<GoModFacts.Requirement> reqs = new ArrayList<>();
    for (Requirement r : f.require()) {
      ModuleRef eff = f.effective(r.path(), r.version());
      boolean versioned = eff.version() != null && !eff.version().isEmpty();
      reqs.add(
          new GoModFacts.Requirement(
              versioned ? eff.path() : r.path(),
              versioned ? eff.version() : r.version(),
              r.indirect()));
    }
    return new GoModFacts(
        goMod.toString(),
        Optional.ofNullable(f.go()).map(g -> g.version()),
        Optional.ofNullable(f.toolchain()).map(t -> t.name()),
        List.copyOf(reqs));
  }
}
