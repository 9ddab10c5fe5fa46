package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern audit …}: the audit ledger. */
@Command(
    name = "audit",
    description = "The audit ledger: who changed which Go version, when, why, with what evidence.",
    subcommands = {
      AuditLogCommand.class,
      AuditVerifyCommand.class,
      AuditExportCommand.class,
      AuditKeygenCommand.class,
      AuditCheckpointCommand.class,
      AuditRepairCommand.class
    })
public final class AuditCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
