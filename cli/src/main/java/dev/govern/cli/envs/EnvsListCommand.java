package dev.govern.cli.envs;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.governance.Environment;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import java.nio.file.Path;
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

  record Row(String environment, String version, String since, String status, String note) {}

  record Table(int schemaVersion, String governanceFile, List<Row> environments)
      implements JsonDocument {}

  @Override
  protected int run() {
    Path file = GovernanceLocator.require(governance.file, settings(), cwd());
    GovernanceFile gf = GovernanceFile.load(file);
    List<Row> rows = new ArrayList<>();
    for (Environment e : gf.environments().values()) {
      rows.add(
          new Row(
              e.name(),
              e.version().toString(),
              e.since() == null ? null : e.since().toString(),
              e.status().word(),
              e.note()));
    }
    Format f = json.json ? Format.json : fmt == null ? Format.table : fmt;
    switch (f) {
      case json -> JsonOutput.print(out(), new Table(1, file.toString(), rows));
      case markdown -> {
        out().println("| Environment | Version | Since | Status | Note |");
        out().println("|---|---|---|---|---|");
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
                          cell(r.note()))
                      + " |");
        }
      }
      case table -> {
        String[] head = {"ENVIRONMENT", "VERSION", "SINCE", "STATUS", "NOTE"};
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
        String fmtLine = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s%n";
        out().printf(fmtLine, (Object[]) head);
        for (Row r : rows) {
          out()
              .printf(
                  fmtLine,
                  r.environment(),
                  r.version(),
                  dash(r.since()),
                  r.status(),
                  dash(r.note()));
        }
      }
    }
    out().flush();
    return 0;
  }

  private static String dash(String s) {
    return s == null ? "—" : s;
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", "<br>");
  }
}
