package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.audit.Audit;
import dev.govern.core.ledger.Ledger;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern audit repair}: quarantines a torn last line and records that it did. */
@Command(
    name = "repair",
    description =
        "Move a torn last line (left by a crash mid-append) to a quarantine file and record the repair.")
final class AuditRepairCommand extends BaseCommand {
  @Mixin OperatorOption operator;
  @Mixin GovernanceOption governance;
  @Mixin JsonFlag format;

  record Repaired(
      int schemaVersion,
      String ledger,
      boolean repaired,
      long tornBytes,
      String quarantine,
      Long seq)
      implements JsonDocument {}

  @Override
  protected int run() {
    Audit audit = audit(operator.operator, governance.file);
    Optional<Ledger.Repair> r =
        audit
            .ledger()
            .repair(audit.operator(), audit.signingKey().orElse(null), audit.clock().instant());
    Repaired doc =
        new Repaired(
            1,
            audit.ledger().file().toString(),
            r.isPresent(),
            r.map(Ledger.Repair::tornBytes).orElse(0L),
            r.map(x -> x.quarantine().toString()).orElse(null),
            r.map(x -> x.entry().seq()).orElse(null));
    if (format.json) {
      JsonOutput.print(out(), doc);
    } else if (r.isEmpty()) {
      out().println("nothing to repair: " + doc.ledger() + " ends with a complete line");
    } else {
      out()
          .println(
              "moved "
                  + doc.tornBytes()
                  + " torn bytes to "
                  + doc.quarantine()
                  + "; recorded the repair as seq "
                  + doc.seq());
    }
    out().flush();
    return 0;
  }
}
