package dev.govern.cli.envs;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern envs …}: the environments table of the governance file. */
@Command(
    name = "envs",
    description = "The environments table (prod, staging, dev …) of the governance file.",
    subcommands = {EnvsListCommand.class, EnvsSetCommand.class})
public final class EnvsCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
