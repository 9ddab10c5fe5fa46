package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern audit log}: the ledger's entries, oldest first. */
@Command(name = "log", description = "List ledger entries, oldest first.")
final class AuditLogCommand extends BaseCommand {
  @Mixin EntryFilter filter;
  @Mixin JsonFlag format;

  record Log(int schemaVersion, String ledger, List<EntryView> entries, List<String> problems)
      implements JsonDocument {}

  @Override
  protected int run() {
    Ledger ledger = new Ledger(dev.govern.core.audit.Audit.ledgerFile(settings(), cwd()));
    Ledger.LedgerRead read = ledger.read();
    List<LedgerEntry> entries = filter.apply(read.entries());
    if (format.json) {
      JsonOutput.print(
          out(),
          new Log(
              1,
              ledger.file().toString(),
              entries.stream().map(EntryView::of).toList(),
              read.problems()));
      return 0;
    }
    for (String p : read.problems()) {
      warn(ledger.file() + ": " + p + " (run 'govern audit verify')");
    }
    if (entries.isEmpty()) {
      err()
          .println(
              "no ledger entries" + (read.entries().isEmpty() ? " in " + ledger.file() : " match"));
      err().flush();
      return 0;
    }
    for (LedgerEntry e : entries) {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              "%5d  %s  %-16s %-12s %s", e.seq(), e.time(), e.operator(), e.action(), e.subject()));
      if (e.from() != null || e.to() != null) {
        sb.append("  ").append(orDash(e.from())).append(" → ").append(orDash(e.to()));
      }
      if (e.reason() != null) {
        sb.append("  \"").append(e.reason().replace('\n', ' ')).append('"');
      }
      if (e.sig() == null) {
        sb.append("  (unsigned)");
      }
      out().println(sb);
    }
    out().flush();
    return 0;
  }

  static String orDash(String s) {
    return s == null ? "—" : s;
  }
}
