package dev.govern.cli.approval;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern request …}: file a change request on the team server. */
@Command(
    name = "request",
    description = "File a change request on the team server (approved by others, then applied).",
    subcommands = {RequestEnvCommand.class})
public final class RequestCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
