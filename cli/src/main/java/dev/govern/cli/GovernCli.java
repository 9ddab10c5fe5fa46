package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.cli.support.ErrorReporter;
import dev.govern.cli.support.GroupedCommandList;
import dev.govern.core.config.Settings;
import picocli.CommandLine;

/** Builds the picocli command tree and runs one command line; returns the exit code. */
public final class GovernCli {
  private GovernCli() {}

  /** Runs {@code args} with the given streams and settings; never calls System.exit. */
  public static int run(String[] args, CliIo io, Settings settings) {
    GovernCommand root = new GovernCommand(io, settings);
    CommandLine cl = build(root);
    return cl.execute(args);
  }

  /** The configured command line (also used by completion and option-parsing tests). */
  public static CommandLine build(GovernCommand root) {
    CommandLine cl = new CommandLine(root);
    CliIo io = root.io();
    ErrorReporter errors = new ErrorReporter(io);
    cl.setOut(io.out());
    cl.setErr(io.err());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(io.ansi()));
    GroupedCommandList.install(cl);
    // `govern exec 1.22.4 go test -v ./...`: everything after the version is the command
    cl.getSubcommands().get("exec").setStopAtPositional(true);
    return cl;
  }
}
