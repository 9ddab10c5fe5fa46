package dev.govern.cli.envs;

import dev.govern.cli.knowledge.KnowledgeSources;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.KnowledgeOptions;
import dev.govern.core.GovernException;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.Environment;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern envs list}: the table. */
@Command(name = "list", description = "Show the environments table.")
final class EnvsListCommand extends BaseCommand {
  enum Format {
    table,
    markdown,
    json
  }

  @Mixin GovernanceOption governance;
  @Mixin JsonFlag json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table, markdown or json (default: table).")
  Format fmt;

  @Mixin KnowledgeOptions knowledge;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Read the table from the team server at URL instead of the governance file.")
  String server;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge support as of this day (default: today).")
  LocalDate asOf;

  /**
   * One environment, with what the knowledge says of its version: whether its line is supported and
   * how many known standard-library vulnerabilities it has (null when no data is at hand).
   */
  record Row(
      String environment,
      String version,
      String since,
      String status,
      String note,
      boolean supported,
      Integer vulnerabilities) {}

  record Table(int schemaVersion, String governanceFile, List<Row> environments)
      implements JsonDocument {}

  @Override
  protected int run() {
    String source;
    java.util.Collection<Environment> table;
    if (server != null) {
      RemoteEnvironments remote = new RemoteEnvironments(server, settings());
      table = remote.all().values();
      source = remote.url();
    } else {
      Path file = GovernanceLocator.require(governance.file, settings(), cwd());
      table = GovernanceFile.load(file).environments().values();
      source = file.toString();
    }
    LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
    HistoryReleaseFacts releases = new HistoryReleaseFacts(KnowledgeSources.releases(), day);
    VulnFacts vulns = localVulnFacts();
    List<Row> rows = new ArrayList<>();
    for (Environment e : table) {
      rows.add(
          new Row(
              e.name(),
              e.version().toString(),
              e.since() == null ? null : e.since().toString(),
              e.status().word(),
              e.note(),
              releases.supported(e.version(), day),
              vulns.available() ? vulns.stdlib(e.version()).size() : null));
    }
    Format f = json.json ? Format.json : fmt == null ? Format.table : fmt;
    switch (f) {
      case json -> JsonOutput.print(out(), new Table(1, source, rows));
      case markdown -> {
        out()
            .println(
                "| Environment | Version | Since | Status | Note | Supported | Known vulnerabilities |");
        out().println("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
          out()
              .println(
                  "| "
                      + String.join(
                          " | ",
                          cell(r.environment()),
                          cell(r.version()),
                          cell(r.since()),
                          cell(r.status()),
                          cell(r.note()),
                          r.supported() ? "yes" : "no",
                          vulnCell(r))
                      + " |");
        }
      }
      case table -> {
        String[] head = {"ENVIRONMENT", "VERSION", "SINCE", "STATUS", "SUPPORTED", "VULNS", "NOTE"};
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
          w[i] = head[i].length();
        }
        for (Row r : rows) {
          w[0] = Math.max(w[0], r.environment().length());
          w[1] = Math.max(w[1], r.version().length());
          w[2] = Math.max(w[2], dash(r.since()).length());
          w[3] = Math.max(w[3], r.status().length());
        }
        String fmtLine =
            "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %-9s  %-5s  %s%n";
        out().printf(fmtLine, (Object[]) head);
        for (Row r : rows) {
          out()
              .printf(
                  fmtLine,
                  r.environment(),
                  r.version(),
                  dash(r.since()),
                  r.status(),
                  r.supported() ? "yes" : "no",
                  vulnCell(r),
                  dash(r.note()));
        }
      }
    }
    out().flush();
    return 0;
  }

  private static String vulnCell(Row r) {
    return r.vulnerabilities() == null ? "?" : Integer.toString(r.vulnerabilities());
  }

  /**
   * Vulnerability data only from what is at hand: the source given by --vulndb/GOVERN_VULNDB, or
   * the cache, or the snapshot embedded in govern; listing the table never downloads the database
   * behind the user's back (and says nothing about the snapshot's age: it is a summary).
   */
  private VulnFacts localVulnFacts() {
    boolean named = knowledge.vulndb != null || settings().get("vulndb").isPresent();
    if (!named) {
      knowledge.offline = true;
    }
    try {
      return KnowledgeSources.vulnFacts(settings(), knowledge, m -> {});
    } catch (GovernException e) {
      warn(e.getMessage() + "; the VULNS column shows ?");
      return VulnFacts.NONE;
    }
  }

  private static String dash(String s) {
    return s == null ? "—" : s;
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", "<br>");
  }
}
