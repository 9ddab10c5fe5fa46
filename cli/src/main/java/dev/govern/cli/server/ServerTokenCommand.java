package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern server token …}. */
@Command(
    name = "token",
    description = "Create, list and revoke the server's tokens (directly in its database).",
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class ServerTokenCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
