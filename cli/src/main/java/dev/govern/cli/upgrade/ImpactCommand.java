package dev.govern.cli.upgrade;

import dev.govern.cli.knowledge.KnowledgeSources;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.cli.support.ReportFormat;
import dev.govern.core.facts.CachingVulnFacts;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.upgrade.GodebugHistory;
import dev.govern.core.upgrade.Impact;
import dev.govern.core.upgrade.ImpactAnalysis;
import dev.govern.core.upgrade.UpgradeTarget;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern impact}: what changes for this code if it moves to another Go. */
@Command(
    name = "impact",
    description =
        "What changes for this module or binary if it moves to another Go: GODEBUG behaviour"
            + " changes of the toolchain bump and the go line bump, judged against what the code"
            + " imports or links; blocking lines, security fixes, support, module boundary.",
    footer = {
      "%nExit codes: 0 reported, 2 bad input or usage, 3 unknown version or not found, 1 runtime error."
    })
public final class ImpactCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR|BINARY",
      description = "A module folder (default: here), its go.mod, or a Go binary.")
  Path target;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "VERSION",
      description = "The target: a release (go1.23.4) or a line (1.23: its newest patch).")
  String to;

  @Option(
      names = "--from",
      paramLabel = "VERSION",
      description =
          "The Go that builds it now (default: read from the code: pins, toolchain line, go line; a binary's build info).")
  String from;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (default), json or markdown.")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge support as of this day (default: today, UTC).")
  LocalDate asOf;

  @Option(
      names = "--goos",
      paramLabel = "OS",
      description = "Build constraints for this GOOS (default: GOOS, else this machine's).")
  String goos;

  @Option(
      names = "--goarch",
      paramLabel = "ARCH",
      description = "Build constraints for this GOARCH (default: GOARCH, else this machine's).")
  String goarch;

  @Mixin KnowledgeOptions knowledge;

  @Override
  protected int run() {
    String fmt = ReportFormat.chosen(json, format, List.of("text", "json", "markdown"));
    LocalDate day = KnowledgeSources.asOf(asOf);
    HistoryReleaseFacts releases = new HistoryReleaseFacts(KnowledgeSources.releases(), day);
    UpgradeTarget target = UpgradeTarget.resolve(to, releases, "--to");
    Path where = cwd().resolve(this.target == null ? Path.of(".") : this.target);
    ImpactAnalysis.Code code =
        UpgradeSubjects.read(where, from, goos, goarch, settings(), releases);
    VulnFacts vulns =
        new CachingVulnFacts(KnowledgeSources.vulnFacts(settings(), knowledge, this::warn));
    Impact impact =
        new ImpactAnalysis(GodebugHistory.builtIn(), releases, vulns, day).analyse(code, target);
    switch (fmt) {
      case "json" -> JsonOutput.print(out(), ImpactJson.of(impact, day, vulns.available()));
      case "markdown" -> ImpactMarkdown.print(out(), impact, day, vulns.available());
      default -> ImpactText.print(out(), impact, vulns.available());
    }
    return 0;
  }
}
