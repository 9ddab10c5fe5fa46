package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import dev.govern.core.audit.Audit;
import dev.govern.core.ledger.Checkpoint;
import dev.govern.core.ledger.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern audit checkpoint}: a signed record of the ledger's head. */
@Command(
    name = "checkpoint",
    description =
        "Record the ledger's head (seq and hash), signed, so cutting its tail is detected.")
final class AuditCheckpointCommand extends BaseCommand {
  @Mixin OperatorOption operator;
  @Mixin GovernanceOption governance;
  @Mixin JsonFlag format;

  record Written(int schemaVersion, String ledger, long seq, String hash, String keyId, String file)
      implements JsonDocument {}

  @Override
  protected int run() {
    Audit audit = audit(operator.operator, governance.file);
    SigningKey key = audit.signingKey().orElse(null);
    if (key == null && audit.policy().requireSignatures()) {
      throw GovernException.precondition(
          "signatures are required and " + audit.operator() + " has no signing key",
          "run 'govern audit keygen'");
    }
    Checkpoint cp = audit.ledger().checkpoint(audit.operator(), key, audit.clock().instant());
    Written w =
        new Written(
            1,
            audit.ledger().file().toString(),
            cp.seq(),
            cp.hash(),
            key == null ? null : key.keyId(),
            audit.ledger().checkpointsFile().toString());
    if (format.json) {
      JsonOutput.print(out(), w);
    } else {
      out()
          .println(
              "checkpoint: seq "
                  + w.seq()
                  + " head "
                  + w.hash()
                  + (key == null
                      ? " (unsigned: run 'govern audit keygen' to sign)"
                      : " signed by " + w.keyId()));
      out().flush();
    }
    return 0;
  }
}
