package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.evidence.EffectiveVersion;
import dev.govern.core.evidence.EvidenceKind;
import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.version.GoVersion;
import dev.govern.core.vuln.GoSymbolNames;
import dev.govern.core.vuln.LinkedFunctions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Turns a module folder or a binary into the {@link ImpactAnalysis.Code} an analysis judges. */
public final class CodeReader {
  private CodeReader() {}

  /**
   * The Go that builds a module now: the strongest evidence that names a version (the gate's
   * ranking); with only a go line, its minimum release ({@code 1.21} → {@code go1.21.0}).
   */
  public static Impact.From current(List<VersionEvidence> evidence, ReleaseFacts releases) {
    Optional<VersionEvidence> strongest = EffectiveVersion.strongest(evidence, releases);
    if (strongest.isEmpty()) {
      throw GovernException.precondition(
          "cannot tell which Go builds this module (no go line, toolchain line or pin)",
          "give the current version with --from");
    }
    VersionEvidence e = strongest.get();
    GoVersion v = EffectiveVersion.of(e, releases).orElseThrow();
    if (e.kind() == EvidenceKind.GO_LINE) {
      GoVersion min =
          v.isLanguageVersion()
              ? new GoVersion(v.major(), v.minor(), 0, GoVersion.Kind.RELEASE, GoVersion.ABSENT, "")
              : v;
      return new Impact.From(
          min,
          e.location() + " go line " + e.text() + " (nothing pins the toolchain; its minimum)");
    }
    return new Impact.From(v, e.location() + " " + e.kind().label() + " " + e.text());
  }

  /** A module's code as built by {@code from.toolchain()} for {@code ctx}. */
  public static ImpactAnalysis.Code module(
      ModuleCode code,
      BuildContext ctx,
      Impact.From from,
      Optional<ModuleBoundary.Boundary> boundary) {
    GoVersion t0 = from.toolchain();
    List<GoPackage> packages = code.packages(ctx.withGoMinor(t0.minor()));
    List<ImpactAnalysis.Program> programs = new ArrayList<>();
    List<GodebugDirective> directives = new ArrayList<>(code.moduleGodebug());
    List<String> notes = new ArrayList<>(code.problems());
    if (code.inWorkspace() && !code.goModGodebug().isEmpty()) {
      notes.add(
          "go.mod's godebug lines are ignored in a workspace: "
              + code.workPath().orElseThrow()
              + " decides");
    }
    TreeSet<String> imports = new TreeSet<>();
    for (GoPackage p : packages) {
      p.imports().forEach(i -> imports.add(i.path()));
      directives.addAll(p.goDebug());
      if (p.isMain()) {
        programs.add(
            new ImpactAnalysis.Program(
                p.importPath(),
                new BuildState(t0, code.goVersion(), code.moduleGodebug(), p.goDebug())));
      } else if (!p.goDebug().isEmpty()) {
        notes.add(
            p.importPath()
                + ": //go:debug lines outside package main set nothing (Go checks them, though)");
      }
    }
    if (programs.isEmpty()) {
      programs.add(
          new ImpactAnalysis.Program(
              code.modulePath() + " (no main package: the settings its users' go lines pick)",
              new BuildState(t0, code.goVersion(), code.moduleGodebug(), List.of())));
    }
    Impact.Subject subject =
        new Impact.Subject(Impact.Subject.Kind.MODULE, code.root().toString(), code.modulePath());
    return new ImpactAnalysis.Code(
        subject,
        from,
        programs,
        directives,
        List.copyOf(imports),
        ExposureJudge.imports(imports, StdImports.builtIn()),
        boundary,
        notes);
  }

  /**
   * A binary: the toolchain and DefaultGODEBUG from its build info, what it links from its function
   * table; the go line it was built with is inferred from DefaultGODEBUG.
   *
   * @param from a toolchain to assume instead of the recorded one, or null
   */
  public static ImpactAnalysis.Code binary(GoBinary bin, GodebugHistory history, GoVersion from) {
    BuildInfo info = bin.buildInfo();
    GoVersion recorded =
        info.goRelease()
            .orElseThrow(
                () ->
                    GovernException.precondition(
                        bin.name() + ": built with \"" + info.goVersion() + "\", not a Go release",
                        null));
    GoVersion t0 = from != null ? from : recorded;
    Map<String, String> compiled = DefaultGodebug.parse(info.setting("DefaultGODEBUG").orElse(""));
    List<String> notes = new ArrayList<>();
    String line = inferGoLine(history, recorded, compiled);
    List<GodebugDirective> explicit = new ArrayList<>();
    Map<String, String> defaults =
        DefaultGodebug.settings(history, recorded, line, List.of(), List.of());
    Path file = Path.of(bin.name());
    for (Map.Entry<String, String> e : compiled.entrySet()) {
      if (!e.getValue().equals(defaults.get(e.getKey()))) {
        explicit.add(
            new GodebugDirective(
                e.getKey(), e.getValue(), GodebugDirective.Origin.GO_DEBUG, file, 0));
      }
    }
    if (recorded.minor() >= GoVersion.FIRST_LANGUAGE_VERSION_LINE) {
      notes.add(
          "go line inferred from the binary's DefaultGODEBUG: "
              + line
              + (explicit.isEmpty()
                  ? ""
                  : "; settings beyond its defaults: "
                      + explicit.stream().map(GodebugDirective::text).toList()));
    } else {
      notes.add(recorded + " predates GODEBUG defaults by go line; go line assumed " + line);
    }
    LinkedFunctions fns;
    TreeSet<String> linked = new TreeSet<>();
    if (bin.functionTable().isPresent()) {
      List<String> names = bin.nameTable();
      fns = LinkedFunctions.of(names);
      notes.add(
          bin.name()
              + ": "
              + names.size()
              + " function names in its function table (inlined ones included)");
      for (String n : names) {
        String p = GoSymbolNames.packageOf(n);
        if (!p.isEmpty() && p.length() < n.length() && !p.contains(":") && !p.startsWith("_")) {
          linked.add(p);
        }
      }
    } else {
      fns = LinkedFunctions.unknown();
      notes.add(bin.name() + " has no function table: exposure is unknown");
    }
    String name = info.path().isEmpty() ? bin.name() : info.path();
    return new ImpactAnalysis.Code(
        new Impact.Subject(
            Impact.Subject.Kind.BINARY,
            bin.name(),
            info.mainModule().map(m -> m.path()).orElse("")),
        new Impact.From(t0, from != null ? "--from" : "build info of " + bin.name()),
        List.of(new ImpactAnalysis.Program(name, new BuildState(t0, line, List.of(), explicit))),
        explicit,
        List.copyOf(linked),
        ExposureJudge.linked(fns),
        Optional.empty(),
        notes);
  }

  /**
   * The go line that explains a binary's DefaultGODEBUG with the fewest extra entries: every
   * default of that line must be present; ties go to the newest line.
   */
  static String inferGoLine(
      GodebugHistory history, GoVersion toolchain, Map<String, String> compiled) {
    if (toolchain.minor() < GoVersion.FIRST_LANGUAGE_VERSION_LINE) {
      return toolchain.line();
    }
    String best = toolchain.line();
    int bestExtra = Integer.MAX_VALUE;
    for (int n = toolchain.minor(); n >= 16; n--) {
      String line = "1." + n;
      Map<String, String> d =
          DefaultGodebug.settings(history, toolchain, line, List.of(), List.of());
      if (!compiled.keySet().containsAll(d.keySet())) {
        continue;
      }
      int extra = 0;
      for (Map.Entry<String, String> e : compiled.entrySet()) {
        if (!e.getValue().equals(d.get(e.getKey()))) {
          extra++;
        }
      }
      if (extra < bestExtra) {
        best = line;
        bestExtra = extra;
      }
    }
    return best;
  }
}
