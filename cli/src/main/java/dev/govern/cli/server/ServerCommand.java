package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern server …}: administration of the team server's database. */
@Command(
    name = "server",
    description = "Administer the team server: its tokens (docs/server.md).",
    subcommands = {ServerTokenCommand.class})
public final class ServerCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
