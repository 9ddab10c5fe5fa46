package dev.govern.cli.support;

import dev.govern.cli.GovernCommand;
import dev.govern.core.audit.Audit;
import dev.govern.core.config.Settings;
import dev.govern.core.ledger.ChangeRecorder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every govern subcommand: access to the streams and settings of this run, and a {@link
 * #run()} that returns the exit code.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Does the work; returns the exit code (see {@link ExitCodes}). Failures are thrown. */
  protected abstract int run() throws Exception;

  protected GovernCommand root() {
    return (GovernCommand) spec.root().userObject();
  }

  protected CliIo io() {
    return root().io();
  }

  protected PrintWriter out() {
    return io().out();
  }

  protected PrintWriter err() {
    return io().err();
  }

  protected Settings settings() {
    return root().settings();
  }

  /** The directory the command runs in. */
  protected Path cwd() {
    return root().cwd();
  }

  /** Where mutating commands record what they changed. */
  protected ChangeRecorder recorder() {
    return root().recorder();
  }

  protected boolean verbose() {
    return root().verbose();
  }

  /**
   * The audit wiring for this run: ledger, operator, keys, governance file. Flags may be null (mix
   * in {@link OperatorOption} and {@link GovernanceOption} to offer them).
   */
  protected Audit audit(String operatorFlag, String governanceFlag) {
    return Audit.from(settings(), operatorFlag, governanceFlag, cwd());
  }

  /**
   * Where a mutating command records what it changed (the audit ledger). Call {@code
   * precheck(change)} before acting and {@code record(change)} after.
   */
  protected ChangeRecorder changeRecorder(String operatorFlag) {
    return audit(operatorFlag, null).recorder();
  }

  /** A warning line on stderr: {@code govern: warning: ...}. */
  protected void warn(String message) {
    err().println(io().ansi().string("@|yellow govern: warning:|@ ") + message);
    err().flush();
  }
}
