package dev.govern.core.upgrade;

import dev.govern.core.facts.Advisory;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.release.ReleaseFact;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes an {@link Impact}: the behaviour changes of each upgrade step as Go's rules decide them
 * (a toolchain bump changes only what the toolchain adds to or removes from its settings; the go
 * line bump changes every default that changed between the two go lines), judged against what the
 * code uses, with the blocking lines, the vulnerabilities fixed on the way and support.
 */
public final class ImpactAnalysis {
  private final GodebugHistory history;
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final LocalDate asOf;

  public ImpactAnalysis(
      GodebugHistory history, ReleaseFacts releases, VulnFacts vulns, LocalDate asOf) {
    this.history = history;
    this.releases = releases;
    this.vulns = vulns;
    this.asOf = asOf;
  }

  /** One program (main package) whose GODEBUG is judged, in its current state. */
  public record Program(String name, BuildState now) {}

  /**
   * What is known of the code, whatever it is.
   *
   * @param subject what it is
   * @param from the current toolchain and why
   * @param programs its main packages (for a library, the module itself)
   * @param directives every GODEBUG line in the code
   * @param imports what it imports or links
   * @param judge judges exposure
   * @param boundary the module upgrade boundary, for a module
   * @param notes what the reader should know
   */
  public record Code(
      Impact.Subject subject,
      Impact.From from,
      List<Program> programs,
      List<GodebugDirective> directives,
      List<String> imports,
      ExposureJudge judge,
      Optional<ModuleBoundary.Boundary> boundary,
      List<String> notes) {}

  /** The impact of moving {@code code} to {@code to}. */
  public Impact analyse(Code code, UpgradeTarget to) {
    GoVersion t0 = code.from().toolchain();
    GoVersion t1 = to.toolchain();
    Map<String, Impact.Change> toolchainStep = new LinkedHashMap<>();
    Map<String, Impact.Change> goLineStep = new LinkedHashMap<>();
    List<Impact.Program> programs = new ArrayList<>();
    List<String> notes = new ArrayList<>(code.notes());
    String fromGoLine = code.programs().isEmpty() ? "" : code.programs().get(0).now().goVersion();
    for (Program p : code.programs()) {
      BuildState a = p.now();
      BuildState b = a.withToolchain(t1);
      BuildState c = b.withGoVersion(to.goLineText());
      Map<String, String> da = a.defaultGodebug(history);
      Map<String, String> db = b.defaultGodebug(history);
      Map<String, String> dc = c.defaultGodebug(history);
      programs.add(
          new Impact.Program(
              p.name(),
              DefaultGodebug.string(da),
              DefaultGodebug.string(db),
              DefaultGodebug.string(dc)));
      for (GodebugSetting s : history.all()) {
        GodebugBehaviour.Value va = GodebugBehaviour.of(s, a, da);
        GodebugBehaviour.Value vb = GodebugBehaviour.of(s, b, db);
        GodebugBehaviour.Value vc = GodebugBehaviour.of(s, c, dc);
        if (!va.value().equals(vb.value())) {
          merge(
              toolchainStep, change(code, s, Impact.Step.TOOLCHAIN, va, vb, a.goVersion(), t1), p);
        }
        if (!vb.value().equals(vc.value())) {
          merge(goLineStep, change(code, s, Impact.Step.GO_LINE, vb, vc, to.goLineText(), t1), p);
        }
      }
    }
    GoVersion nowLine = goLine(fromGoLine);
    if (nowLine != null && nowLine.lang().compareTo(to.goLine()) > 0) {
      notes.add(
          "the go line "
              + fromGoLine
              + " is newer than the target "
              + to.toolchain()
              + ": that toolchain refuses to build this module");
    }
    boolean oneProgram = code.programs().size() <= 1;
    return new Impact(
        code.subject(),
        code.from(),
        fromGoLine,
        to,
        code.directives(),
        code.imports(),
        programs,
        finish(toolchainStep, oneProgram),
        finish(goLineStep, oneProgram),
        blocking(code.directives(), t0, t1),
        releasesBetween(t0, t1),
        remaining(t1),
        SupportFacts.of(t0, releases, asOf),
        SupportFacts.of(t1, releases, asOf),
        code.boundary(),
        List.copyOf(notes));
  }

  private static GoVersion goLine(String text) {
    try {
      return GoVersion.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Impact.Change change(
      Code code,
      GodebugSetting s,
      Impact.Step step,
      GodebugBehaviour.Value before,
      GodebugBehaviour.Value after,
      String goLineAfter,
      GoVersion target) {
    ExposureJudge.Judged j = code.judge().judge(s);
    return new Impact.Change(
        s,
        step,
        before,
        after,
        j.exposure(),
        j.why(),
        keep(s, before, goLineAfter, target),
        removal(s),
        List.of());
  }

  /** The line that keeps the behaviour of before: go.mod godebug from go 1.23, else //go:debug. */
  static Optional<String> keep(
      GodebugSetting s, GodebugBehaviour.Value before, String goLineAfter, GoVersion target) {
    if (s.removedBy(target) || !s.inTable(target)) {
      return Optional.empty();
    }
    GoVersion line = goLine(goLineAfter);
    boolean modGodebug = line != null && line.major() == 1 && line.minor() >= 23;
    String kv = s.name() + "=" + before.value();
    return Optional.of(
        modGodebug ? "godebug " + kv + " (go.mod)" : "//go:debug " + kv + " (package main)");
  }

  static Optional<String> removal(GodebugSetting s) {
    if (s.removed().isPresent()) {
      return Optional.of(s.removed().get().toString());
    }
    return s.removal();
  }

  private static void merge(Map<String, Impact.Change> into, Impact.Change c, Program p) {
    String key = c.setting().name() + "|" + c.before().value() + "|" + c.after().value();
    Impact.Change had = into.get(key);
    List<String> progs = new ArrayList<>(had == null ? List.of() : had.programs());
    progs.add(p.name());
    into.put(
        key,
        new Impact.Change(
            c.setting(),
            c.step(),
            c.before(),
            c.after(),
            c.exposure(),
            c.exposureWhy(),
            c.keep(),
            c.removal(),
            progs));
  }

  private static List<Impact.Change> finish(Map<String, Impact.Change> m, boolean oneProgram) {
    List<Impact.Change> out = new ArrayList<>();
    for (Impact.Change c : m.values()) {
      out.add(
          oneProgram
              ? new Impact.Change(
                  c.setting(),
                  c.step(),
                  c.before(),
                  c.after(),
                  c.exposure(),
                  c.exposureWhy(),
                  c.keep(),
                  c.removal(),
                  List.of())
              : c);
    }
    out.sort(
        java.util.Comparator.comparing((Impact.Change c) -> c.exposure())
            .thenComparing(c -> c.setting().name()));
    return out;
  }

  private List<Impact.Blocking> blocking(
      List<GodebugDirective> directives, GoVersion t0, GoVersion t1) {
    List<Impact.Blocking> out = new ArrayList<>();
    for (GodebugDirective d : directives) {
      Optional<String> later = DefaultGodebug.problem(history, t1, d);
      if (later.isPresent()) {
        boolean now =
            t0.minor() >= GoVersion.FIRST_LANGUAGE_VERSION_LINE
                && DefaultGodebug.problem(history, t0, d).isPresent();
        out.add(
            new Impact.Blocking(
                d,
                d.origin().label()
                    + " "
                    + (d.key().isEmpty() ? d.value() : d.text())
                    + ": "
                    + later.get()
                    + "; "
                    + t1
                    + " stops the build",
                now));
      }
    }
    return out;
  }

  private List<Impact.ReleaseStep> releasesBetween(GoVersion from, GoVersion to) {
    Set<String> open = new LinkedHashSet<>(ids(vulns.stdlib(from)));
    open.addAll(ids(vulns.toolchain(from)));
    List<Impact.ReleaseStep> out = new ArrayList<>();
    for (GoVersion r : releases.releases()) {
      if (r.isPrerelease()
          || r.compareIgnoringSuffix(from) <= 0
          || r.compareIgnoringSuffix(to) > 0) {
        continue;
      }
      Set<String> still = new TreeSet<>(ids(vulns.stdlib(r)));
      still.addAll(ids(vulns.toolchain(r)));
      List<String> fixes = new ArrayList<>();
      for (String id : open) {
        if (!still.contains(id)) {
          fixes.add(id);
        }
      }
      open.removeAll(fixes);
      Optional<ReleaseFact> fact =
          releases instanceof HistoryReleaseFacts h ? h.history().find(r) : Optional.empty();
      out.add(
          new Impact.ReleaseStep(
              r,
              fact.flatMap(ReleaseFact::date),
              fact.map(ReleaseFact::security).orElse(!fixes.isEmpty()),
              List.copyOf(fixes)));
    }
    return out;
  }

  private List<Advisory> remaining(GoVersion to) {
    List<Advisory> out = new ArrayList<>(vulns.stdlib(to));
    out.addAll(vulns.toolchain(to));
    return out;
  }

  private static List<String> ids(List<Advisory> list) {
    return list.stream().map(Advisory::id).distinct().toList();
  }
}
