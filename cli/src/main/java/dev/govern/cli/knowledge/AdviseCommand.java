package dev.govern.cli.knowledge;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.release.SupportStatus;
import dev.govern.core.version.GoVersion;
import dev.govern.core.vuln.Finding;
import dev.govern.core.vuln.LoadedVulnDb;
import dev.govern.core.vuln.UpgradeAdvisor;
import dev.govern.core.vuln.VulnMatcher;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern advise <version>}: the smallest supported upgrade with no known stdlib vulns. */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    description =
        "The smallest upgrade that is supported and has no known standard library vulnerability.")
public final class AdviseCommand extends BaseCommand {
  @Parameters(paramLabel = "VERSION", description = "The Go version in use, e.g. go1.21.3.")
  String version;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge support as on this day (YYYY-MM-DD; default today, UTC).")
  LocalDate asOf;

  @Mixin KnowledgeOptions knowledge;
  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Advice(
      int schemaVersion,
      String version,
      LocalDate asOf,
      boolean supported,
      LocalDate endOfSupport,
      List<String> vulnerabilities,
      List<CandidateJson> candidates,
      String recommended,
      DatabaseJson database)
      implements JsonDocument {}

  /** One candidate upgrade. */
  record CandidateJson(
      String version,
      boolean sameLine,
      boolean clean,
      List<String> fixes,
      List<String> remaining) {}

  @Override
  protected int run() {
    GoVersion current = GoVersion.parse(version);
    LocalDate day = KnowledgeSources.asOf(asOf);
    LoadedVulnDb db = KnowledgeSources.vulnDb(settings(), knowledge, this::warn);
    UpgradeAdvisor.Advice a =
        new UpgradeAdvisor(
                KnowledgeSources.currentReleases(
                        settings(),
                        knowledge.mirror,
                        settings().flag(knowledge.offline, "offline"),
                        day,
                        this::warn)
                    .history(),
                new VulnMatcher(db.database()))
            .advise(current, day);
    Advice doc =
        new Advice(
            1,
            current.toString(),
            day,
            a.currentSupport().map(SupportStatus::supported).orElse(false),
            a.currentSupport().flatMap(SupportStatus::endOfSupport).orElse(null),
            ids(a.currentFindings()),
            a.candidates().stream()
                .map(
                    c ->
                        new CandidateJson(
                            c.version().toString(),
                            c.sameLine(),
                            c.clean(),
                            c.fixes(),
                            ids(c.remaining())))
                .toList(),
            a.recommended().map(c -> c.version().toString()).orElse(null),
            DatabaseJson.of(db));
    if (format.json) {
      JsonOutput.print(out(), doc);
      return 0;
    }
    PrintWriter o = out();
    String support =
        a.currentSupport().map(SupportStatus::describe).orElse("not a released line as of " + day);
    o.printf(
        "%s: %s; %d known standard library vulnerabilities%n",
        doc.version(), support, doc.vulnerabilities().size());
    if (doc.candidates().isEmpty()) {
      o.println("no supported release is newer than this version");
    } else {
      o.printf("%nCandidates (supported as of %s):%n", day);
      for (CandidateJson c : doc.candidates()) {
        o.printf(
            "  %-10s  %-10s  %-22s  fixes %d%s%n",
            c.version(),
            c.sameLine() ? "same line" : "newer line",
            c.clean() ? "clean" : c.remaining().size() + " still affecting",
            c.fixes().size(),
            shortList(c.fixes()));
      }
    }
    o.printf(
        "%nRecommended: %s%n",
        doc.recommended() != null
            ? doc.recommended()
            : "none (no supported release is free of known standard library vulnerabilities)");
    o.flush();
    return 0;
  }

  /** ": A B C" with at most eight ids, then "…". */
  private static String shortList(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    int max = 8;
    String head = String.join(" ", ids.subList(0, Math.min(max, ids.size())));
    return ": " + head + (ids.size() > max ? " … (--json lists all)" : "");
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::id).toList();
  }
}
