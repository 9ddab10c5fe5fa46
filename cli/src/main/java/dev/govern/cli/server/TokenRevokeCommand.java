package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govern server token revoke ID}. */
@Command(
    name = "revoke",
    description = "Revoke a token: it stops working at once, on every server process.")
final class TokenRevokeCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The token's id (from 'govern server token list').")
  String id;

  @Mixin DatabaseOption database;
  @Mixin OperatorOption operator;
  @Mixin JsonFlag json;

  record Revoked(int schemaVersion, String revoked) implements JsonDocument {}

  @Override
  protected int run() {
    TokenAdmin.revoke(this, settings());
    if (json.json) {
      JsonOutput.print(out(), new Revoked(1, id));
    } else {
      out().println("revoked token " + id);
      out().flush();
    }
    return 0;
  }
}
