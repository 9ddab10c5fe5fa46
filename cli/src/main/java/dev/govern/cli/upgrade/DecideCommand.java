package dev.govern.cli.upgrade;

import dev.govern.cli.knowledge.KnowledgeSources;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.cli.support.ReportFormat;
import dev.govern.core.facts.CachingVulnFacts;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionMatrix;
import dev.govern.core.upgrade.ImpactAnalysis;
import dev.govern.core.upgrade.UpgradeTarget;
import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern decide}: which Go version to choose, as a matrix a review board can sign. */
@Command(
    name = "decide",
    description =
        "Which Go version to choose: candidates scored on compatibility, security, support runway"
            + " and ecosystem, ranked, with the recommendation (markdown: a document for a review board).",
    footer = {
      "%nExit codes: 0 decided, 2 bad input or usage, 3 unknown version or not found, 1 runtime error."
    })
public final class DecideCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "A module folder (default: here) or a Go binary.")
  Path dir;

  @Option(
      names = "--candidates",
      paramLabel = "V1,V2",
      split = ",",
      description =
          "Versions to compare (default: the version in use and the newest patch of every supported line).")
  List<String> candidates;

  @Option(
      names = "--from",
      paramLabel = "VERSION",
      description = "The Go in use (default: read from the code).")
  String from;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge support and vulnerabilities as of this day (default: today, UTC).")
  LocalDate asOf;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (default), markdown or json.")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = {"--governance", "--policy"},
      paramLabel = "FILE",
      description =
          "The governance file with the decision: block (default: GOVERN_GOVERNANCE, else the nearest govern.yaml).")
  String governance;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Apply this environment's policy overrides to eligibility.")
  String env;

  @Mixin KnowledgeOptions knowledge;

  @Override
  protected int run() {
    String fmt = ReportFormat.chosen(json, format, List.of("text", "markdown", "json"));
    LocalDate day = KnowledgeSources.asOf(asOf);
    HistoryReleaseFacts releases = new HistoryReleaseFacts(KnowledgeSources.releases(), day);
    List<GoVersion> asked = new ArrayList<>();
    if (candidates != null) {
      for (String c : candidates) {
        if (!c.isBlank()) {
          asked.add(UpgradeTarget.resolve(c, releases, "--candidates").toolchain());
        }
      }
    }
    Path target = cwd().resolve(dir == null ? Path.of(".") : dir);
    ImpactAnalysis.Code code = UpgradeSubjects.read(target, from, null, null, settings(), releases);
    Path start = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
    Optional<GovernanceFile> gov =
        GovernanceLocator.locate(governance, settings(), start).map(GovernanceFile::load);
    VulnFacts vulns =
        new CachingVulnFacts(KnowledgeSources.vulnFacts(settings(), knowledge, this::warn));
    DecisionMatrix matrix = DecisionSetup.matrix(settings(), gov, env, releases, vulns, day);
    List<GoVersion> list =
        candidates == null
            ? DecisionMatrix.defaultCandidates(code.from().toolchain(), releases, day)
            : asked;
    Decision d = matrix.decide(code, list);
    String name =
        code.subject().modulePath().isEmpty() ? code.subject().name() : code.subject().modulePath();
    String goLine = code.programs().isEmpty() ? "" : code.programs().get(0).now().goVersion();
    switch (fmt) {
      case "json" ->
          JsonOutput.print(
              out(),
              DecisionJson.of(
                  d, code.subject().name(), code.subject().modulePath(), code.from().source()));
      case "markdown" ->
          DecisionMarkdown.print(out(), d, name, code.from().source(), goLine, vulns.available());
      default -> DecisionText.print(out(), d, name);
    }
    return 0;
  }
}
