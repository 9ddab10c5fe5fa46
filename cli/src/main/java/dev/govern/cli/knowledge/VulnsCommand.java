package dev.govern.cli.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.version.GoVersion;
import dev.govern.core.vuln.Finding;
import dev.govern.core.vuln.GoModFacts;
import dev.govern.core.vuln.GoModFactsReader;
import dev.govern.core.vuln.LinkedFunctions;
import dev.govern.core.vuln.LoadedVulnDb;
import dev.govern.core.vuln.ParsedGoModReader;
import dev.govern.core.vuln.ScanTarget;
import dev.govern.core.vuln.VulnMatcher;
import dev.govern.core.vuln.VulnReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern vulns <version|dir|go.mod|binary>}: known vulnerabilities. */
@Command(
    name = "vulns",
    mixinStandardHelpOptions = true,
    description =
        "Known vulnerabilities of a Go version, a module (its go.mod) or a binary: standard"
            + " library, toolchain and module dependencies.")
public final class VulnsCommand extends BaseCommand {
  @Parameters(
      paramLabel = "TARGET",
      description = "A Go version (go1.21.3), a module directory or go.mod file, or a Go binary.")
  String target;

  @Option(
      names = "--goos",
      paramLabel = "OS",
      description = "Only findings that apply on this GOOS (default: every platform).")
  String goos;

  @Option(
      names = "--goarch",
      paramLabel = "ARCH",
      description = "Only findings that apply on this GOARCH (default: every platform).")
  String goarch;

  @Mixin KnowledgeOptions knowledge;
  @Mixin JsonFlag format;

  /** The go.mod reader; the project's full go.mod parser can replace this adapter. */
  private final GoModFactsReader goModReader = new ParsedGoModReader();

  /** The {@code --json} document. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(
      int schemaVersion,
      String target,
      String kind,
      String go,
      String goSource,
      DatabaseJson database,
      List<FindingJson> stdlib,
      List<FindingJson> toolchain,
      List<ModuleJson> modules)
      implements JsonDocument {}

  /** A module with findings. */
  record ModuleJson(String path, String version, List<FindingJson> findings) {}

  @Override
  protected int run() {
    ScanTarget t = resolveTarget();
    if (goos != null || goarch != null) {
      t =
          new ScanTarget(
              t.name(),
              t.kind(),
              t.go(),
              t.goNote(),
              t.modules(),
              goos != null ? goos : t.goos(),
              goarch != null ? goarch : t.goarch(),
              t.functions());
    }
    LoadedVulnDb db = KnowledgeSources.vulnDb(settings(), knowledge, this::warn);
    VulnReport report = VulnReport.scan(new VulnMatcher(db.database()), t);
    LinkedFunctions fns = t.functions();
    Report doc =
        new Report(
            1,
            t.name(),
            t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'),
            t.go().map(GoVersion::toString).orElse(null),
            t.goNote(),
            DatabaseJson.of(db),
            FindingJson.of(report.stdlib(), fns),
            FindingJson.of(report.toolchain(), fns),
            report.modules().stream()
                .map(m -> new ModuleJson(m.path(), m.version(), FindingJson.of(m.findings(), fns)))
                .toList());
    if (format.json) {
      JsonOutput.print(out(), doc);
    } else {
      printText(doc, report);
    }
    return 0;
  }

  private ScanTarget resolveTarget() {
    Path p = Path.of(target);
    if (Files.isDirectory(p)) {
      Path goMod = p.resolve("go.mod");
      if (!Files.isRegularFile(goMod)) {
        throw GovernException.notFound(
            "no go.mod in " + p, "give a Go version, a module directory or a Go binary");
      }
      return ScanTarget.goMod(target, goModReader.read(goMod));
    }
    if (Files.isRegularFile(p)) {
      if (p.getFileName().toString().equals("go.mod")) {
        return ScanTarget.goMod(target, goModReader.read(p));
      }
      return binaryTarget(p);
    }
    try {
      return ScanTarget.version(target, GoVersion.parse(target));
    } catch (GovernException e) {
      throw GovernException.usage(
          "not a Go version, a directory or a file: \""
              + target
              + "\" (e.g. go1.21.3, ., app.bin)");
    }
  }

  /**
   * A Go binary as a scan target.
   *
   * <p>The target is built from the build info (Go version, GOOS/GOARCH settings, every {@code dep}
   * with the replacement in effect) and the function table ({@link LinkedFunctions#of} of the
   * pclntab names, inlined ones included, or {@link LinkedFunctions#unknown()} when the binary has
   * none). Findings then carry linked = yes / no / unknown.
   */
  ScanTarget binaryTarget(Path file) {
    try (GoBinary bin = GoBinary.open(file, file.toString())) {
      BuildInfo info = bin.buildInfo();
      GoVersion go =
          info.goRelease()
              .orElseThrow(
                  () ->
                      GovernException.precondition(
                          file + ": built with \"" + info.goVersion() + "\", not a Go release",
                          null));
      List<GoModFacts.Requirement> deps = new ArrayList<>();
      for (ModuleInfo d : info.deps()) {
        ModuleInfo eff = d.effective();
        deps.add(new GoModFacts.Requirement(eff.path(), eff.version(), false));
      }
      LinkedFunctions functions =
          bin.functionTable().isPresent()
              ? LinkedFunctions.of(bin.nameTable())
              : LinkedFunctions.unknown();
      return ScanTarget.binary(
          file.toString(),
          go,
          deps,
          info.setting("GOOS").orElse(null),
          info.setting("GOARCH").orElse(null),
          functions);
    }
  }

  private void printText(Report doc, VulnReport report) {
    PrintWriter o = out();
    if (report.target().kind() == ScanTarget.Kind.VERSION) {
      o.printf("%s%n", doc.go());
    } else {
      o.printf(
          "%s: %s%s%n",
          doc.target(),
          doc.go() == null ? "no Go version" : doc.go(),
          doc.go() == null ? "" : " (" + doc.goSource() + ")");
    }
    o.printf(
        "%d standard library, %d toolchain, %d module vulnerabilities%s%n",
        report.stdlib().size(),
        report.toolchain().size(),
        report.modules().stream().mapToInt(m -> m.findings().size()).sum(),
        report.target().goos() == null && report.target().goarch() == null
            ? " (all platforms)"
            : " (on " + nvl(report.target().goos()) + "/" + nvl(report.target().goarch()) + ")");
    o.printf("database: %s%n", doc.database().describe());
    section(o, "Standard library (compiled into programs)", report.stdlib(), doc.stdlib());
    section(
        o,
        "Toolchain (go command, compiler, linker: a build-machine risk)",
        report.toolchain(),
        doc.toolchain());
    for (int i = 0; i < report.modules().size(); i++) {
      VulnReport.ModuleFindings m = report.modules().get(i);
      section(
          o,
          "Module " + m.path() + "@" + m.version(),
          m.findings(),
          doc.modules().get(i).findings());
    }
    o.flush();
  }

  private static void section(
      PrintWriter o, String title, List<Finding> findings, List<FindingJson> json) {
    if (findings.isEmpty()) {
      return;
    }
    o.printf("%n%s:%n", title);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      FindingJson j = json.get(i);
      String fixed =
          f.fixed().map(v -> "fixed in " + FindingJson.displayVersion(f, v)).orElse("no fix");
      String where = String.join(", ", platformPaths(f));
      o.printf(
          "  %-13s  %-18s  %s%s%n      %s%n",
          f.id(),
          fixed,
          where,
          j.linked() == null ? "" : "  linked: " + j.linked(),
          f.entry().summary());
    }
  }

  private static List<String> platformPaths(Finding f) {
    return f.packages().stream()
        .map(
            p -> {
              List<String> plat = new java.util.ArrayList<>(p.goos());
              plat.addAll(p.goarch());
              return p.path() + (plat.isEmpty() ? "" : " (" + String.join(",", plat) + ")");
            })
        .distinct()
        .toList();
  }

  private static String nvl(String s) {
    return s == null ? "any" : s;
  }
}
