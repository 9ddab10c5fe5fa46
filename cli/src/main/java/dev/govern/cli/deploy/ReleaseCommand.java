package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import picocli.CommandLine.Command;

/** {@code govern release …}: which build of a service runs where, and rolling it back. */
@Command(
    name = "release",
    description = "Service releases: record builds, deploy them atomically, roll back in one step.",
    subcommands = {
      ReleaseRecordCommand.class,
      ReleaseListCommand.class,
      ReleaseShowCommand.class,
      ReleaseDeployCommand.class,
      ReleaseRollbackCommand.class,
      ReleaseWhichCommand.class
    })
public final class ReleaseCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
