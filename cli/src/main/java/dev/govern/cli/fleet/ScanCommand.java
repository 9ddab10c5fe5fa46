package dev.govern.cli.fleet;

import dev.govern.cli.knowledge.KnowledgeSources;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.cli.support.PolicyOptions;
import dev.govern.cli.support.ReportFormat;
import dev.govern.core.GovernException;
import dev.govern.core.deploy.ProcessTable;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.fleet.ClassRules;
import dev.govern.core.fleet.FleetScanner;
import dev.govern.core.fleet.Inventory;
import dev.govern.core.fleet.RiskClass;
import dev.govern.core.fleet.ScanDocument;
import dev.govern.core.fleet.ScanStore;
import dev.govern.core.governance.policy.Policy;
import dev.govern.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern scan}: the fleet inventory with red/yellow/green classes. */
@Command(
    name = "scan",
    description =
        "Inventory Go services in source trees, build outputs and images; class each red/yellow/green.")
public final class ScanCommand extends BaseCommand {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Folders, binaries or image tarballs (default: here, unless --processes).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "table (default), json, csv, markdown or html.")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  Path outFile;

  @Option(
      names = "--fail-on",
      paramLabel = "CLASS",
      description = "Exit 4 when a service is red (or yellow or worse).")
  String failOn;

  @Option(names = "--save", description = "Keep this scan under $GOVERN_HOME/scans/.")
  boolean save;

  @Option(
      names = "--diff",
      description = "Show what changed since the last saved scan instead of the report.")
  boolean diff;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Reader threads (default: one per processor).")
  Integer threads;

  @Option(
      names = "--processes",
      description =
          "Add the Go processes running on this host (from /proc); without PATHs, scan only them.")
  boolean processes;

  @Option(
      names = "--push",
      paramLabel = "URL",
      description =
          "Also send the scan to the team server at URL (token from GOVERN_TOKEN); retried with the same scan id.")
  String push;

  @Option(
      names = "--scan-id",
      paramLabel = "ID",
      description =
          "The id of the push (default: a new UUID); pushing the same scan again with it stores nothing twice.")
  String scanId;

  @Mixin KnowledgeOptions knowledge;

  @Mixin PolicyOptions rules;

  @Override
  protected int run() throws IOException {
    if (push != null) {
      ScanPush.check(push, scanId, settings());
    }
    String fmt =
        ReportFormat.chosen(json, format, List.of("table", "json", "csv", "markdown", "html"));
    RiskClass threshold =
        failOn == null
            ? null
            : switch (failOn.toLowerCase(Locale.ROOT)) {
              case "red" -> RiskClass.RED;
              case "yellow" -> RiskClass.YELLOW;
              default ->
                  throw GovernException.usage(
                      "--fail-on takes red or yellow, not \"" + failOn + "\"");
            };
    List<Path> roots =
        paths.isEmpty()
            ? processes ? List.of() : List.of(cwd())
            : paths.stream().map(p -> cwd().resolve(p)).toList();
    for (Path root : roots) {
      // before the vulnerability database is loaded (or downloaded): a typo fails at once
      if (!Files.exists(root)) {
        throw GovernException.notFound("no such file or directory: " + root, null);
      }
    }
    LocalDate day = rules.day();
    PolicyOptions.Rules r = rules.load(settings(), roots.isEmpty() ? cwd() : roots.get(0), m -> {});
    List<FleetScanner.RunningBinary> running = processes ? running() : List.of();
    Policy policy = r.policy();
    ClassRules classes = r.classes();
    Path scratch = Files.createTempDirectory("govern-scan");
    Inventory inv;
    try {
      FleetScanner scanner =
          new FleetScanner(
              new HistoryReleaseFacts(KnowledgeSources.releases(), day),
              KnowledgeSources.vulnFacts(settings(), knowledge, this::warn),
              policy.forEnvironment(rules.env).effective(),
              classes,
              day,
              threads != null ? threads : Runtime.getRuntime().availableProcessors(),
              scratch,
              Clock.systemUTC());
      inv =
          scanner.scan(
              roots,
              running,
              p -> {
                if (io().interactive()) {
                  err()
                      .print("\rscanned " + p.files() + " files, " + p.binaries() + " Go binaries");
                  err().flush();
                }
              });
      if (io().interactive()) {
        err().println();
      }
    } finally {
      try (var s = Files.list(scratch)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(scratch);
    }
    inv.problems().forEach(this::warn);
    ScanStore store = new ScanStore(settings().home().scans());
    if (diff) {
      ScanStore.SavedScan before =
          store
              .latest()
              .orElseThrow(
                  () ->
                      GovernException.precondition(
                          "no saved scan to compare with", "run govern scan --save first"));
      List<ScanStore.Change> changes = ScanStore.diff(before, ScanStore.summarize(inv));
      if (fmt.equals("json")) {
        emit(JsonOutput.toJson(ScanDocument.of(inv, changes)) + "\n");
      } else {
        StringBuilder b =
            new StringBuilder("changes since the scan of " + before.scannedAt() + ":\n");
        if (changes.isEmpty()) {
          b.append("  none\n");
        }
        for (ScanStore.Change c : changes) {
          b.append(
              String.format(
                  "  %-9s %s: %s -> %s%n",
                  c.kind(),
                  c.service(),
                  c.before() == null ? "-" : c.before(),
                  c.after() == null ? "-" : c.after()));
        }
        emit(b.toString());
      }
    } else {
      emit(render(fmt, inv));
    }
    if (save) {
      err().println("saved " + store.save(inv));
      err().flush();
    }
    if (push != null) {
      ScanPush.Pushed p = ScanPush.push(push, scanId, ScanDocument.of(inv, null), settings());
      err()
          .println(
              (p.created() ? "pushed" : "already on the server:")
                  + " scan "
                  + p.scanId()
                  + " to "
                  + push
                  + " ("
                  + p.services()
                  + " services, server ledger seq "
                  + p.ledgerSeq()
                  + ")");
      err().flush();
    }
    if (threshold != null
        && inv.services().stream().anyMatch(s -> s.riskClass().compareTo(threshold) <= 0)) {
      return 4;
    }
    return 0;
  }

  /** This host's Go processes, one entry per executable with its pids. */
  private static List<FleetScanner.RunningBinary> running() {
    Map<String, List<ProcessTable.Running>> byExe = new TreeMap<>();
    for (ProcessTable.Running p : ProcessTable.system().read().processes()) {
      byExe
          .computeIfAbsent(
              p.exe() + "\0" + p.facts().buildId() + "\0" + p.deleted() + p.replaced(),
              k -> new ArrayList<>())
          .add(p);
    }
    List<FleetScanner.RunningBinary> out = new ArrayList<>();
    for (List<ProcessTable.Running> ps : byExe.values()) {
      ProcessTable.Running first = ps.get(0);
      String pids = String.join(", ", ps.stream().map(p -> Long.toString(p.pid())).toList());
      out.add(
          new FleetScanner.RunningBinary(
              Path.of(first.exe()),
              "running as pid "
                  + pids
                  + (first.replaced() ? " (replaced)" : first.deleted() ? " (deleted)" : ""),
              first.facts().info()));
    }
    return out;
  }

  private String render(String fmt, Inventory inv) {
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    switch (fmt) {
      case "json" -> w.println(JsonOutput.toJson(ScanDocument.of(inv, null)));
      case "csv" -> FleetCsv.print(w, inv);
      case "markdown" -> FleetMarkdown.print(w, inv);
      case "html" -> w.print(FleetHtml.render(inv));
      default -> FleetTable.print(w, inv);
    }
    w.flush();
    return s.toString();
  }

  private void emit(String text) {
    if (outFile != null) {
      AtomicFiles.writeString(cwd().resolve(outFile), text);
      err().println("wrote " + outFile);
      err().flush();
    } else {
      out().print(text);
      out().flush();
    }
  }
}
