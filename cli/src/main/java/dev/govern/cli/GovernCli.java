package dev.govern.cli;

import dev.govern.cli.model.CommandModel;
import dev.govern.cli.support.CliIo;
import dev.govern.cli.support.DateConverter;
import dev.govern.cli.support.ErrorReporter;
import dev.govern.cli.support.GroupedCommandList;
import dev.govern.cli.support.VersionProvider;
import dev.govern.core.config.Settings;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine;

/** Builds the picocli command tree and runs one command line; returns the exit code. */
public final class GovernCli {
  /**
   * picocli's built-in converters for {@code java.time} and {@code java.sql} types are looked up
   * reflectively, which loads and initialises those packages (DateTimeFormatter's tables, the JDBC
   * driver manager): about 20 ms of every start-up. govern registers the one it needs ({@link
   * DateConverter}); {@code OptionTypesTest} keeps it so.
   */
  static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

  /**
   * picocli's default factory looks for Groovy's Closure class once; on govern's class path that
   * miss opens the jar and reads its whole index (about 10 ms). govern has no Groovy.
   */
  static final String NO_CLOSURES = "picocli.disable.closures";

  private GovernCli() {}

  /** picocli's start-up switches (system properties it reads), unless someone set them already. */
  static void tunePicocli() {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
    }
    if (System.getProperty(NO_CLOSURES) == null) {
      System.setProperty(NO_CLOSURES, "true");
    }
  }

  /** Runs {@code args} with the given streams and settings; never calls System.exit. */
  public static int run(String[] args, CliIo io, Settings settings) {
    if (isVersionProbe(args)) {
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
   * modelled (start-up cost grows with every command picocli has to model); otherwise (help, no
   * command, a typo) every subcommand as a summary, which is all the root's help and picocli's "did
   * you mean" need; for {@code completion} the whole tree. The model comes from the {@link
   * CommandModel} built into the jar, or from the annotations when there is none.
   */
  public static CommandLine build(GovernCommand root, String... args) {
    return build(root, CommandModel.bundled(), args);
  }

  /** As {@link #build(GovernCommand, String...)}, from {@code model} (null: the annotations). */
  public static CommandLine build(GovernCommand root, CommandModel model, String... args) {
    String wanted = firstWord(args);
    if ("completion".equals(wanted)) {
      return fullTree(root, model);
    }
    boolean named = wanted != null && CommandRegistry.has(wanted);
    return assemble(root, model, named ? wanted : null, named || model == null);
  }

  /** Every subcommand modelled in full: for completion, the build's model check and tests. */
  public static CommandLine fullTree(GovernCommand root, CommandModel model) {
    return assemble(root, model, null, true);
  }

  /**
   * The root with subcommand {@code only} (null: all of them), each modelled in full or, from a
   * model, as a summary (name, aliases, description).
   */
  private static CommandLine assemble(
      GovernCommand root, CommandModel model, String only, boolean full) {
    tunePicocli();
    CommandLine cl = new CommandLine(model == null ? root : model.root(root));
    for (Map.Entry<String, Class<?>> e : CommandRegistry.all().entrySet()) {
      String name = e.getKey();
      if (only == null || only.equals(name)) {
        Object command =
            model == null ? e.getValue() : full ? model.command(name) : model.summary(name);
        cl.addSubcommand(name, command);
      }
    }
    CliIo io = root.io();
    ErrorReporter errors = new ErrorReporter(io);
    cl.setOut(io.out());
    cl.setErr(io.err());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.registerConverter(LocalDate.class, new DateConverter());
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(io.ansi()));
    GroupedCommandList.install(cl, CommandRegistry::groupOf);
    CommandLine exec = cl.getSubcommands().get("exec");
    if (exec != null) {
      // `govern exec 1.22.4 go test -v ./...`: everything after the version is the command
      exec.setStopAtPositional(true);
    }
    return cl;
  }

  /** {@code govern --version}: the most frequent probe of a tool, answered without picocli. */
  public static boolean isVersionProbe(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
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
