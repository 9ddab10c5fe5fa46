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
import picocli.CommandLine.Option;

/** {@code govern audit checkpoint}: a signed record of the ledger's head. */
@Command(
    name = "checkpoint",
    description =
        "Record the ledger's head (seq and hash), signed, so cutting its tail is detected.")
final class AuditCheckpointCommand extends BaseCommand {
  @Mixin OperatorOption operator;
  @Mixin GovernanceOption governance;
  @Mixin JsonFlag format;

  @Option(
      names = "--push",
      paramLabel = "URL",
      description =
          "Also send the checkpoint to the team server at URL, which countersigns it (token from GOVERN_TOKEN); 'audit verify --witness URL' then finds a cut tail or a fork.")
  String push;

  record Written(
      int schemaVersion,
      String ledger,
      long seq,
      String hash,
      String keyId,
      String file,
      String witness,
      String witnessedAt)
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
    Witness witness = push == null ? null : new Witness(push, settings());
    if (witness != null) {
      witness.checkConsistent(Witness.ledgerId(audit.ledger()), audit.ledger());
    }
    Checkpoint cp = audit.ledger().checkpoint(audit.operator(), key, audit.clock().instant());
    Witness.Witnessed seen =
        witness == null ? null : witness.push(Witness.ledgerId(audit.ledger()), cp);
    Written w =
        new Written(
            1,
            audit.ledger().file().toString(),
            cp.seq(),
            cp.hash(),
            key == null ? null : key.keyId(),
            audit.ledger().checkpointsFile().toString(),
            witness == null ? null : witness.url(),
            seen == null ? null : seen.witnessedAt());
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
      if (seen != null) {
        out()
            .println(
                "witnessed by "
                    + w.witness()
                    + " at "
                    + seen.witnessedAt()
                    + " (key "
                    + seen.witnessKeyId()
                    + ")");
      }
      out().flush();
    }
    return 0;
  }
}
