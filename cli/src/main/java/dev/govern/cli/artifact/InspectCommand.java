package dev.govern.cli.artifact;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BinaryScan;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.ExecutableWalk;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.artifact.binary.NotAGoBinaryException;
import dev.govern.core.artifact.binary.PclnTable;
import dev.govern.core.artifact.gomod.GoModInspector;
import dev.govern.core.artifact.gomod.GoModReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govern inspect <file|dir>…}: the Go version, modules and build settings of Go binaries,
 * printed exactly as {@code go version -m} prints them; optionally the build ID and the function
 * table.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show which Go built a binary, with its modules and build settings (like go version -m).",
      "A directory is walked like go version -m walks it; files that are not Go binaries are "
          + "skipped quietly (--verbose says why)."
    })
public final class InspectCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Go binaries or directories.")
  List<String> paths;

  @Option(names = "--symbols", description = "Also list the functions of the pclntab.")
  boolean symbols;

  @Option(names = "--buildid", description = "Also print the Go build ID.")
  boolean buildId;

  @Option(
      names = "--linked",
      paramLabel = "FUNC",
      description =
          "Say whether this function (e.g. net/http.(*Client).Do) is linked, even inlined: "
              + "yes, no or unknown (no function table). Repeatable.")
  List<String> linked = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads for directory scans (default: one per processor).")
  Integer threads;

  @Mixin JsonFlag format;

  /** What one file produced: text for the terminal, or the JSON entry. */
  private record Rendered(String text, InspectReport.Binary json) {}

  /** The {@code --json} document for go.mod and go.work files. */
  record ModulesJson(int schemaVersion, List<GoModReport> modules) implements JsonDocument {}

  @Override
  protected int run() {
    List<String> goMods = paths.stream().filter(InspectCommand::isGoModFile).toList();
    if (!goMods.isEmpty()) {
      if (goMods.size() != paths.size()) {
        throw GovernException.usage(
            "inspect go.mod/go.work files in a separate call from binaries");
      }
      return inspectGoMods(goMods);
    }
    // arguments in order: a directory to walk, or a file given explicitly
    List<ExecutableWalk.Entry> plan = new ArrayList<>();
    Set<ExecutableWalk.Entry> explicit = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<ExecutableWalk.Entry> dirs = Collections.newSetFromMap(new IdentityHashMap<>());
    List<InspectReport.Problem> errors = new ArrayList<>();
    boolean failed = false;
    for (String arg : paths) {
      Path p = Path.of(arg);
      String fileName = p.getFileName() == null ? "" : p.getFileName().toString();
      ExecutableWalk.Entry e = new ExecutableWalk.Entry(arg, p, null);
      if (Files.isDirectory(p)) {
        plan.add(e);
        dirs.add(e);
      } else if (Files.exists(p)) {
        plan.add(e);
        explicit.add(e);
      } else {
        GovernException g = GovernException.notFound(arg + ": no such file or directory", null);
        if (paths.size() == 1) {
          throw g;
        }
        failed = true;
        report(g, errors);
      }
    }
    if (plan.size() == 1 && explicit.contains(plan.get(0)) && errors.isEmpty()) {
      // a single file: its failure is the command's failure (one error line, exit 3)
      ExecutableWalk.Entry e = plan.get(0);
      Rendered r;
      try (GoBinary b = GoBinary.open(e.path(), e.name())) {
        r = render(b);
      }
      emit(List.of(r), List.of(), List.of());
      return 0;
    }
    List<Rendered> done = new ArrayList<>();
    List<InspectReport.Problem> skipped = new ArrayList<>();
    boolean[] anyFailed = {failed};
    int n = threads == null ? BinaryScan.defaultThreads() : Math.max(1, threads);
    BinaryScan.run(
        each -> {
          for (ExecutableWalk.Entry e : plan) {
            if (dirs.contains(e)) {
              ExecutableWalk.walk(e.path(), e.name(), each);
            } else {
              each.accept(e);
            }
          }
        },
        n,
        this::render,
        o -> {
          ExecutableWalk.Entry e = o.entry();
          if (o.value() != null) {
            if (format.json) {
              done.add(o.value());
            } else {
              out().print(o.value().text());
            }
          } else if (o.failure() == null) {
            skip(e.name(), e.skipped(), skipped);
          } else if (explicit.contains(e) || !quiet(o.failure())) {
            anyFailed[0] |= explicit.contains(e);
            report(o.failure(), errors);
          } else {
            skip(e.name(), o.failure().getMessage(), skipped);
          }
        });
    emit(done, skipped, errors);
    return anyFailed[0] ? ErrorCode.PRECONDITION.exitCode() : 0;
  }

  private static boolean isGoModFile(String arg) {
    Path name = Path.of(arg).getFileName();
    String n = name == null ? "" : name.toString();
    return n.equals("go.mod")
        || n.equals("go.work")
        || n.endsWith(".go.mod")
        || n.endsWith(".go.work");
  }

  /** go.mod and go.work files: their parse as Go's own parser gives it. */
  private int inspectGoMods(List<String> files) {
    List<GoModReport> reports = new ArrayList<>();
    for (String f : files) {
      reports.add(GoModInspector.inspect(cwd().resolve(f)));
    }
    if (format.json) {
      JsonOutput.print(out(), new ModulesJson(1, reports));
      return 0;
    }
    for (GoModReport r : reports) {
      out().println(r.file() + ": " + r.kind());
      if (r.module() != null) {
        out().println("\tmodule\t" + r.module().path());
      }
      if (r.go() != null) {
        out().println("\tgo\t" + r.go() + " (minimum " + r.minimumGo() + ")");
      }
      if (r.toolchain() != null) {
        out().println("\ttoolchain\t" + r.toolchain());
      }
      if (r.require() != null) {
        r.require()
            .forEach(
                q ->
                    out()
                        .println(
                            "\trequire\t"
                                + q.path()
                                + "\t"
                                + q.version()
                                + (q.indirect() ? "\t// indirect" : "")));
      }
      r.replace()
          .forEach(
              q ->
                  out()
                      .println(
                          "\treplace\t"
                              + q.old().path()
                              + (q.old().version().isEmpty() ? "" : "@" + q.old().version())
                              + " => "
                              + q.target().path()
                              + (q.target().version().isEmpty()
                                  ? ""
                                  : "@" + q.target().version())));
    }
    out().flush();
    return 0;
  }

  /** Not Go at all (quiet in scans) rather than a broken executable (reported). */
  private static boolean quiet(GovernException g) {
    return g instanceof NotAGoBinaryException n
        && (n.problem() == NotAGoBinaryException.Problem.NOT_GO
            || n.problem() == NotAGoBinaryException.Problem.UNRECOGNIZED_FORMAT);
  }

  private void skip(String name, String reason, List<InspectReport.Problem> skipped) {
    String why = reason.startsWith(name + ": ") ? reason.substring(name.length() + 2) : reason;
    skipped.add(new InspectReport.Problem(name, why));
    if (verbose() && !format.json) {
      err().println(name + ": " + why);
    }
  }

  private void report(GovernException g, List<InspectReport.Problem> errors) {
    String msg = g.getMessage();
    String file = g instanceof NotAGoBinaryException n ? n.file() : "";
    if (file.isEmpty() && msg.indexOf(": ") > 0) {
      file = msg.substring(0, msg.indexOf(": "));
    }
    String reason = msg.startsWith(file + ": ") ? msg.substring(file.length() + 2) : msg;
    errors.add(new InspectReport.Problem(file, reason));
    err().println(io().ansi().string("@|red,bold govern: error:|@ ") + msg);
  }

  private void emit(
      List<Rendered> done,
      List<InspectReport.Problem> skipped,
      List<InspectReport.Problem> errors) {
    if (format.json) {
      JsonOutput.print(
          out(),
          new InspectReport(
              InspectReport.SCHEMA_VERSION,
              done.stream().map(Rendered::json).toList(),
              skipped,
              errors));
    } else {
      for (Rendered r : done) {
        out().print(r.text());
      }
    }
    out().flush();
    err().flush();
  }

  /** Reads what the options ask for; runs on scan threads. */
  private Rendered render(GoBinary b) {
    BuildInfo bi = b.buildInfo();
    String id = buildId ? b.buildId().orElse("") : null;
    Map<String, String> answers = null;
    if (!linked.isEmpty()) {
      answers = new LinkedHashMap<>();
      for (String f : linked) {
        answers.put(f, b.linkage(f).answer());
      }
    }
    List<String> funcs = symbols ? b.functionNames() : null;
    List<String> inlinedOnly = null;
    if (symbols) {
      Set<String> fs = new HashSet<>(funcs);
      Set<String> seen = new HashSet<>();
      inlinedOnly = new ArrayList<>();
      for (String name : b.nameTable()) {
        if (!fs.contains(name) && seen.add(name)) {
          inlinedOnly.add(name);
        }
      }
    }
    if (format.json) {
      InspectReport.FunctionTable table = null;
      if (symbols || !linked.isEmpty()) {
        PclnTable t = b.functionTable().orElse(null);
        table =
            t == null
                ? null
                : new InspectReport.FunctionTable(
                    t.layout().label(), t.functionCount(), funcs, inlinedOnly);
      }
      return new Rendered(
          null,
          InspectReport.binary(
              b.name(),
              b.container().format().label(),
              b.container().architecture(),
              b.universalArchitectures(),
              bi,
              id == null || id.isEmpty() ? null : id,
              table,
              answers));
    }
    StringBuilder text = new StringBuilder(bi.goVersionM(b.name()));
    if (id != null) {
      text.append("\tbuildid\t").append(id.isEmpty() ? "(none)" : id).append('\n');
    }
    if (answers != null) {
      answers.forEach(
          (f, a) -> text.append("\tlinked\t").append(f).append('\t').append(a).append('\n'));
    }
    if (symbols) {
      if (b.functionTable().isEmpty()) {
        text.append("\tfunc\t(no function table)\n");
      }
      for (String f : funcs) {
        text.append("\tfunc\t").append(f).append('\n');
      }
      for (String f : inlinedOnly) {
        text.append("\tinlined\t").append(f).append('\n');
      }
    }
    return new Rendered(text.toString(), null);
  }
}
