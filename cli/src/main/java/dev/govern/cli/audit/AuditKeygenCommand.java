package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.audit.Audit;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern audit keygen}: an Ed25519 key pair for signing ledger entries. */
@Command(
    name = "keygen",
    description = "Make the operator's Ed25519 signing key in $GOVERN_HOME/keys/.")
final class AuditKeygenCommand extends BaseCommand {
  @Mixin OperatorOption operator;
  @Mixin JsonFlag format;

  @Option(names = "--force", description = "Replace an existing key of this operator.")
  boolean force;

  record Key(
      int schemaVersion,
      String operator,
      String keyId,
      String ed25519,
      String privateKey,
      String publicKey)
      implements JsonDocument {}

  @Override
  protected int run() {
    Audit audit = audit(operator.operator, null);
    SigningKey key = audit.keys().generate(audit.operator(), force);
    Key k =
        new Key(
            1,
            audit.operator(),
            key.keyId(),
            Ed25519Keys.rawBase64(key.publicKey()),
            audit.keys().privateKeyFile(audit.operator()).toString(),
            audit.keys().publicKeyFile(audit.operator()).toString());
    if (format.json) {
      JsonOutput.print(out(), k);
      return 0;
    }
    out().println("operator:    " + k.operator());
    out().println("key id:      " + k.keyId());
    out().println("private key: " + k.privateKey() + " (mode 600: keep it secret)");
    out().println("public key:  " + k.publicKey());
    out().println();
    out().println("Trust it in the team's govern.yaml:");
    out().println("keys:");
    out().println("  - {operator: " + k.operator() + ", ed25519: \"" + k.ed25519() + "\"}");
    out().flush();
    return 0;
  }
}
