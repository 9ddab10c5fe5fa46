package dev.govern.cli.gate;

import dev.govern.cli.knowledge.KnowledgeSources;
import dev.govern.cli.remote.ServerClient;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.cli.support.PolicyOptions;
import dev.govern.cli.support.ReportFormat;
import dev.govern.cli.support.VersionProvider;
import dev.govern.cli.upgrade.DecisionSetup;
import dev.govern.cli.upgrade.UpgradeSubjects;
import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.evidence.EvidenceKind;
import dev.govern.core.evidence.RepositoryEvidence;
import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.facts.CachingVulnFacts;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.gate.BinaryFacts;
import dev.govern.core.gate.DecisionRule;
import dev.govern.core.gate.Finding;
import dev.govern.core.gate.Gate;
import dev.govern.core.gate.GateReport;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.policy.Policy;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.Source;
import dev.govern.core.upgrade.Decision;
import dev.govern.core.upgrade.DecisionMatrix;
import dev.govern.core.upgrade.DecisionRules;
import dev.govern.core.upgrade.ImpactAnalysis;
import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern gate}: the CI and pre-commit gate. */
@Command(
    name = "gate",
    description = "Judge a repository's Go versions against the team's policy (CI, pre-commit).",
    footer = {
      "%nExit codes: 0 passed (warnings allowed unless --fail-on warn), 4 failed,",
      "2 bad policy or usage, 1 runtime error."
    })
public final class GateCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The repository (default: here).")
  Path dir;

  @Option(
      names = "--binary",
      paramLabel = "BIN",
      description = "A built binary of this repository (repeatable): the truth about shipped code.")
  List<Path> binaries = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (default), json, sarif or junit.")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "fail",
      description = "fail (default) or warn: warnings fail the gate too.")
  String failOn;

  @Option(
      names = "--push",
      paramLabel = "URL",
      description =
          "Also send the result to the team server at URL (token from GOVERN_TOKEN); a failed gate notifies the server's sinks (gate.failed).")
  String push;

  @Mixin KnowledgeOptions knowledge;

  @Mixin PolicyOptions rules;

  @Override
  protected int run() {
    String fmt = ReportFormat.chosen(json, format, List.of("text", "json", "sarif", "junit"));
    boolean failOnWarn =
        switch (failOn.toLowerCase(Locale.ROOT)) {
          case "warn", "warning" -> true;
          case "fail", "error" -> false;
          default ->
              throw GovernException.usage("--fail-on takes fail or warn, not \"" + failOn + "\"");
        };
    if (push != null) {
      ServerClient.of(push, settings()); // a bad URL fails before the gate runs
    }
    Path repo = (dir == null ? cwd() : cwd().resolve(dir)).toAbsolutePath().normalize();
    if (!Files.isDirectory(repo)) {
      throw GovernException.notFound("no such directory: " + repo, null);
    }
    PolicyOptions.Rules loaded = rules.load(settings(), repo, this::warn);
    Policy policy = loaded.policy();
    LocalDate day = rules.day();

    RepositoryEvidence.Found found = RepositoryEvidence.scan(repo);
    List<VersionEvidence> evidence = new ArrayList<>(found.evidence());
    local(repo).ifPresent(evidence::add);
    List<BinaryFacts> built = new ArrayList<>();
    for (Path b : binaries) {
      built.add(binaryFacts(cwd().resolve(b)));
    }
    HistoryReleaseFacts releases = new HistoryReleaseFacts(KnowledgeSources.releases(), day);
    VulnFacts vulns = KnowledgeSources.vulnFacts(settings(), knowledge, this::warn);
    Gate gate = new Gate(releases, vulns, day);
    GateReport report =
        gate.judge(
            repo,
            rules.env,
            policy.forEnvironment(rules.env).effective(),
            evidence,
            found.requirements(),
            built);
    report = withDecision(report, loaded, repo, releases, vulns, day);
    switch (fmt) {
      case "json" -> JsonOutput.print(out(), GateJson.of(report, failOnWarn));
      case "sarif" -> {
        out().println(JsonOutput.toJson(SarifReport.of(report, VersionProvider.version())));
        out().flush();
      }
      case "junit" -> {
        out().print(JUnitReport.of(report));
        out().flush();
      }
      default -> GateText.print(out(), report, failOnWarn, io().ansi());
    }
    if (push != null) {
      out().flush();
      ServerClient.Response r =
          ServerClient.of(push, settings())
              .post(
                  "/api/v1/gate-results",
                  ServerClient.json(GateJson.of(report, failOnWarn)),
                  false);
      String event = r.json().path("event").asText(null);
      err()
          .println(
              "govern: gate result sent to "
                  + push
                  + (event == null ? "" : " (gate.failed notification " + event + ")"));
      err().flush();
    }
    return report.passed(failOnWarn) ? 0 : 4;
  }

  /**
   * The optional {@code decision} rule: when the governance file sets {@code decision.gate.max_gap}
   * and the repository is a module, its version is scored against the supported candidates.
   */
  private GateReport withDecision(
      GateReport report,
      PolicyOptions.Rules loaded,
      Path repo,
      HistoryReleaseFacts releases,
      VulnFacts vulns,
      LocalDate day) {
    if (loaded.file().isEmpty() || !Files.isRegularFile(repo.resolve("go.mod"))) {
      return report;
    }
    Optional<GovernanceFile> gov = Optional.of(GovernanceFile.load(loaded.file().get()));
    DecisionRules decisionRules = DecisionSetup.rules(gov);
    if (decisionRules.gateMaxGap().isEmpty()) {
      return report;
    }
    ImpactAnalysis.Code code;
    try {
      code = UpgradeSubjects.read(repo, null, null, null, settings(), releases);
    } catch (GovernException e) {
      List<Finding> all = new ArrayList<>(report.findings());
      all.add(
          new Finding(
              dev.govern.core.gate.Severity.WARN,
              DecisionRule.RULE,
              "decision: cannot score this repository: " + e.getMessage(),
              Optional.empty(),
              repo.resolve("go.mod"),
              0,
              List.of()));
      return new GateReport(report.repository(), report.environment(), all);
    }
    Decision d =
        DecisionSetup.matrix(settings(), gov, rules.env, releases, new CachingVulnFacts(vulns), day)
            .decide(code, DecisionMatrix.defaultCandidates(code.from().toolchain(), releases, day));
    Optional<Finding> f = DecisionRule.judge(d, decisionRules, repo.resolve("go.mod"));
    if (f.isEmpty()) {
      return report;
    }
    List<Finding> all = new ArrayList<>(report.findings());
    all.add(f.get());
    return new GateReport(report.repository(), report.environment(), all);
  }

  /** The toolchain govern runs here when machine state (not the repository) decides it. */
  private Optional<VersionEvidence> local(Path repo) {
    Optional<Resolution> r = new Resolver(settings().home()).select(repo, settings().env());
    if (r.isEmpty()) {
      return Optional.empty();
    }
    Source.Kind kind = r.get().source().kind();
    if (kind != Source.Kind.DEFAULT && kind != Source.Kind.ENV) {
      return Optional.empty(); // a pin or toolchain line of the repository: already evidence
    }
    String name = r.get().name();
    Optional<GoVersion> v;
    try {
      v = Optional.of(GoVersion.parse(name));
    } catch (GovernException e) {
      v = Optional.empty();
    }
    Path where = kind == Source.Kind.DEFAULT ? settings().home().state() : repo;
    return Optional.of(new VersionEvidence(EvidenceKind.LOCAL, where, 0, name, v, false, false));
  }

  private BinaryFacts binaryFacts(Path file) {
    if (!Files.isRegularFile(file)) {
      throw GovernException.notFound("no such binary: " + file, null);
    }
    BuildInfo info;
    try (GoBinary bin = GoBinary.open(file, file.toString())) {
      info = bin.buildInfo();
    }
    GoVersion v =
        info.goRelease()
            .orElseThrow(
                () ->
                    GovernException.precondition(
                        file + ": built with \"" + info.goVersion() + "\", not a Go release",
                        null));
    List<BinaryFacts.ModuleRef> mods = new ArrayList<>();
    for (ModuleInfo d : info.deps()) {
      ModuleInfo eff = d.effective();
      mods.add(new BinaryFacts.ModuleRef(eff.path(), eff.version()));
    }
    return new BinaryFacts(file, v, mods);
  }
}
