package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.cli.support.ErrorReporter;
import dev.govern.cli.support.GroupedCommandList;
import dev.govern.cli.support.VersionProvider;
import dev.govern.core.config.Settings;
import java.util.Map;
import picocli.CommandLine;

/** Builds the picocli command tree and runs one command line; returns the exit code. */
public final class GovernCli {
  private GovernCli() {}

  /** Runs {@code args} with the given streams and settings; never calls System.exit. */
  public static int run(String[] args, CliIo io, Settings settings) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // the most frequent probe of a tool: answered without building the command model
      io.out().println(new VersionProvider().getVersion()[0]);
      io.out().flush();
      return 0;
    }
    GovernCommand root = new GovernCommand(io, settings);
    CommandLine cl = build(root, args);
    return cl.execute(args);
  }

  /**
   * The configured command line for {@code args}: when they name a subcommand, only that one is
   * modelled (start-up cost grows with every command picocli has to reflect on); otherwise (help,
   * completion, a typo) the whole tree.
   */
  public static CommandLine build(GovernCommand root, String... args) {
    CommandLine cl = new CommandLine(root);
    Map<String, Class<?>> commands = CommandRegistry.all();
    String wanted = firstWord(args);
    Class<?> only = wanted == null || wanted.equals("completion") ? null : commands.get(wanted);
    if (only != null) {
      cl.addSubcommand(wanted, only);
    } else {
      commands.forEach(cl::addSubcommand);
    }
    CliIo io = root.io();
    ErrorReporter errors = new ErrorReporter(io);
    cl.setOut(io.out());
    cl.setErr(io.err());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(io.ansi()));
    GroupedCommandList.install(cl);
    CommandLine exec = cl.getSubcommands().get("exec");
    if (exec != null) {
      // `govern exec 1.22.4 go test -v ./...`: everything after the version is the command
      exec.setStopAtPositional(true);
    }
    return cl;
  }

  private static String firstWord(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }
}
