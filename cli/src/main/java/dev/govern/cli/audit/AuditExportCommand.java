package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.audit.LedgerExports;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern audit export}: the ledger as a go-version-log.md, JSON or CSV. */
@Command(
    name = "export",
    description = "Export the ledger as markdown (a go-version-log.md), json or csv.")
final class AuditExportCommand extends BaseCommand {
  enum Format {
    markdown,
    json,
    csv
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "markdown",
      description = "markdown, json or csv (default: ${DEFAULT-VALUE}).")
  Format fmt;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of stdout.")
  Path output;

  @Mixin EntryFilter filter;

  record Export(int schemaVersion, String ledger, List<EntryView> entries)
      implements JsonDocument {}

  @Override
  protected int run() {
    Ledger ledger = new Ledger(dev.govern.core.audit.Audit.ledgerFile(settings(), cwd()));
    Ledger.LedgerRead read = ledger.read();
    for (String p : read.problems()) {
      warn(ledger.file() + ": " + p + " (run 'govern audit verify')");
    }
    List<LedgerEntry> entries = filter.apply(read.entries());
    String text =
        switch (fmt) {
          case markdown -> LedgerExports.markdown(entries);
          case csv -> LedgerExports.csv(entries);
          case json ->
              JsonOutput.toJson(
                      new Export(
                          1,
                          ledger.file().toString(),
                          entries.stream().map(EntryView::of).toList()))
                  + "\n";
        };
    if (output != null) {
      AtomicFiles.writeString(output, text);
      err()
          .println(
              "wrote "
                  + entries.size()
                  + " entries to "
                  + output
                  + " ("
                  + fmt.name().toLowerCase(Locale.ROOT)
                  + ")");
      err().flush();
    } else {
      out().print(text);
      out().flush();
    }
    return 0;
  }
}
