package dev.govern.cli.upgrade;

import dev.govern.cli.support.JsonDocument;
import dev.govern.core.facts.Advisory;
import dev.govern.core.upgrade.GodebugDirective;
import dev.govern.core.upgrade.Impact;
import dev.govern.core.upgrade.ModuleBoundary;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The {@code govern impact --json} document (schemaVersion 1). */
record ImpactJson(
    int schemaVersion,
    LocalDate asOf,
    String kind,
    String target,
    String module,
    FromJson from,
    ToJson to,
    List<ChangeJson> toolchainStep,
    List<ChangeJson> goLineStep,
    List<BlockingJson> blocking,
    List<DirectiveJson> directives,
    List<ProgramJson> programs,
    List<String> imports,
    List<ReleaseJson> releases,
    List<String> fixed,
    List<String> remaining,
    SupportJson fromSupport,
    SupportJson toSupport,
    BoundaryJson boundary,
    boolean vulnerabilityData,
    List<String> notes)
    implements JsonDocument {

  record FromJson(String toolchain, String source, String goLine) {}

  record ToJson(String toolchain, String goLine) {}

  record ChangeJson(
      String setting,
      String pkg,
      String step,
      String before,
      String beforeWhy,
      String after,
      String afterWhy,
      String exposure,
      String exposureWhy,
      String summary,
      String keep,
      String removal,
      String metric,
      List<String> programs) {}

  record BlockingJson(
      String file, int line, String origin, String setting, String reason, boolean alreadyNow) {}

  record DirectiveJson(String file, int line, String origin, String key, String value) {}

  record ProgramJson(String name, String before, String afterToolchain, String after) {}

  record ReleaseJson(String version, LocalDate date, boolean security, List<String> fixes) {}

  record SupportJson(String line, boolean supported, LocalDate endOfSupport, boolean estimated) {}

  record DependencyJson(
      String path,
      String version,
      String goLine,
      String replacedBy,
      boolean incompatible,
      boolean inCache) {}

  record BoundaryJson(
      String lowestGoLine,
      List<String> forcedBy,
      List<DependencyJson> flagged,
      List<String> missing,
      int dependencies,
      String modCache) {}

  static ImpactJson of(Impact i, LocalDate asOf, boolean vulnData) {
    return new ImpactJson(
        1,
        asOf,
        i.subject().kind().name().toLowerCase(Locale.ROOT),
        i.subject().name(),
        i.subject().modulePath(),
        new FromJson(i.from().toolchain().toString(), i.from().source(), i.fromGoLine()),
        new ToJson(i.to().toolchain().toString(), i.to().goLineText()),
        changes(i.toolchainStep()),
        changes(i.goLineStep()),
        i.blocking().stream()
            .map(
                b ->
                    new BlockingJson(
                        b.directive().file().toString(),
                        b.directive().line(),
                        b.directive().origin().label(),
                        b.directive().key(),
                        b.reason(),
                        b.alreadyNow()))
            .toList(),
        i.directives().stream().map(ImpactJson::directive).toList(),
        i.programs().stream()
            .map(p -> new ProgramJson(p.name(), p.before(), p.afterToolchain(), p.after()))
            .toList(),
        i.imports(),
        i.releases().stream()
            .map(
                r ->
                    new ReleaseJson(
                        r.version().toString(), r.date().orElse(null), r.security(), r.fixes()))
            .toList(),
        i.fixed(),
        i.remaining().stream().map(Advisory::id).distinct().toList(),
        support(i.fromSupport()),
        support(i.toSupport()),
        i.boundary().map(ImpactJson::boundary).orElse(null),
        vulnData,
        i.notes());
  }

  static DirectiveJson directive(GodebugDirective d) {
    return new DirectiveJson(d.file().toString(), d.line(), d.origin().label(), d.key(), d.value());
  }

  static List<ChangeJson> changes(List<Impact.Change> list) {
    return list.stream()
        .map(
            c ->
                new ChangeJson(
                    c.setting().name(),
                    c.setting().pkg(),
                    c.step() == Impact.Step.TOOLCHAIN ? "toolchain" : "go-line",
                    c.before().value(),
                    c.before().why(),
                    c.after().value(),
                    c.after().why(),
                    c.exposure().word(),
                    c.exposureWhy(),
                    c.setting().summary(),
                    c.keep().orElse(null),
                    c.removal().orElse(null),
                    c.setting().metricToWatch().orElse(null),
                    c.programs()))
        .toList();
  }

  static SupportJson support(Impact.Support s) {
    return new SupportJson(
        s.line().toString(), s.supported(), s.endOfSupport().orElse(null), s.estimated());
  }

  static BoundaryJson boundary(ModuleBoundary.Boundary b) {
    return new BoundaryJson(
        b.lowestGoLine().map(GoVersion::bare).orElse(null),
        b.forcedBy().stream().map(ModuleBoundary.Dependency::id).toList(),
        b.flagged().stream()
            .map(
                d ->
                    new DependencyJson(
                        d.path(),
                        d.version(),
                        d.goLine().orElse(null),
                        d.replacedBy().orElse(null),
                        d.incompatible(),
                        d.found()))
            .toList(),
        b.missing().stream().map(ModuleBoundary.Dependency::id).toList(),
        b.dependencies().size(),
        b.modCache().toString());
  }
}
