package dev.govern.cli.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.config.Settings;
import dev.govern.core.evidence.RepositoryEvidence;
import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.upgrade.BuildContext;
import dev.govern.core.upgrade.CodeReader;
import dev.govern.core.upgrade.GodebugHistory;
import dev.govern.core.upgrade.Impact;
import dev.govern.core.upgrade.ImpactAnalysis;
import dev.govern.core.upgrade.ModuleBoundary;
import dev.govern.core.upgrade.ModuleCode;
import dev.govern.core.version.GoVersion;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what {@code impact}, {@code decide} and the gate's decision rule judge: a module or a
 * binary.
 */
public final class UpgradeSubjects {
  private UpgradeSubjects() {}

  /**
   * The code at {@code target} (a module folder, its go.mod, or a Go binary) as built now.
   *
   * @param from {@code --from}, or null to read the current version from the code
   * @param goos {@code --goos} or null for this machine's
   * @param goarch {@code --goarch} or null for this machine's
   */
  public static ImpactAnalysis.Code read(
      Path target,
      String from,
      String goos,
      String goarch,
      Settings settings,
      ReleaseFacts releases) {
    GoVersion fromVersion = null;
    if (from != null) {
      try {
        fromVersion = GoVersion.parse(from);
      } catch (GovernException e) {
        throw GovernException.usage("--from: \"" + from + "\" is not a Go version (e.g. go1.22.4)");
      }
    }
    Path p = target;
    if (Files.isRegularFile(p) && p.getFileName().toString().equals("go.mod")) {
      p = p.toAbsolutePath().getParent();
    }
    if (Files.isRegularFile(p)) {
      try (GoBinary bin = GoBinary.open(p, target.toString())) {
        return CodeReader.binary(bin, GodebugHistory.builtIn(), fromVersion);
      }
    }
    if (!Files.exists(p)) {
      throw GovernException.notFound(
          "no such file or directory: " + target, "give a module folder or a Go binary");
    }
    Map<String, String> env = settings.env();
    ModuleCode code = ModuleCode.load(p, env.get("GOWORK"));
    Impact.From current;
    if (fromVersion != null) {
      current = new Impact.From(fromVersion, "--from");
    } else {
      List<VersionEvidence> evidence =
          new ArrayList<>(RepositoryEvidence.scan(code.root()).evidence());
      code.workPath().ifPresent(w -> evidence.addAll(RepositoryEvidence.read(w)));
      current = CodeReader.current(evidence, releases);
    }
    BuildContext ctx = context(goos, goarch, env, current.toolchain());
    Path cache = modCache(env);
    Optional<ModuleBoundary.Boundary> boundary =
        Optional.of(ModuleBoundary.of(code.goMod(), code.root(), cache));
    return CodeReader.module(code, ctx, current, boundary);
  }

  /** This machine's platform unless flags or GOOS/GOARCH say otherwise; cgo as Go defaults it. */
  static BuildContext context(String goos, String goarch, Map<String, String> env, GoVersion t) {
    BuildContext host = BuildContext.host(t.minor());
    String os = goos != null ? goos : env.getOrDefault("GOOS", host.goos());
    String arch = goarch != null ? goarch : env.getOrDefault("GOARCH", host.goarch());
    boolean nativeBuild = os.equals(host.goos()) && arch.equals(host.goarch());
    String cgoVar = env.get("CGO_ENABLED");
    boolean cgo = cgoVar != null ? cgoVar.equals("1") : nativeBuild;
    return new BuildContext(os, arch, cgo, t.minor());
  }

  /** GOMODCACHE, else the first GOPATH entry's pkg/mod, else $HOME/go/pkg/mod. */
  static Path modCache(Map<String, String> env) {
    String c = env.get("GOMODCACHE");
    if (c != null && !c.isBlank()) {
      return Path.of(c);
    }
    String gopath = env.get("GOPATH");
    if (gopath != null && !gopath.isBlank()) {
      return Path.of(gopath.split(File.pathSeparator)[0], "pkg", "mod");
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), "go", "pkg", "mod");
  }
}
