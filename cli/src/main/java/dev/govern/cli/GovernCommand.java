package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.VersionProvider;
import dev.govern.core.audit.Audit;
import dev.govern.core.config.Settings;
import dev.govern.core.ledger.ChangeRecorder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options and the list of subcommands. */
@Command(
    name = "govern",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Govern which Go toolchain every machine, repository and binary uses.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.LIST_OK,
      ExitCodes.LIST_RUNTIME,
      ExitCodes.LIST_USAGE,
      ExitCodes.LIST_NOT_FOUND,
      ExitCodes.LIST_FAILED,
      ExitCodes.LIST_INTERNAL
    })
public final class GovernCommand implements Callable<Integer> {
  private final CliIo io;
  private final Settings settings;
  private Path cwd = Path.of("").toAbsolutePath();
  private ChangeRecorder recorder;

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Explain more, and print stack traces of failures.")
  boolean verbose;

  public GovernCommand(CliIo io, Settings settings) {
    this.io = io;
    this.settings = settings;
  }

  public CliIo io() {
    return io;
  }

  public Settings settings() {
    return settings;
  }

  /** The directory the command runs in (tests set their own). */
  public Path cwd() {
    return cwd;
  }

  public GovernCommand cwd(Path dir) {
    this.cwd = dir.toAbsolutePath().normalize();
    return this;
  }

  /** Where mutating commands record their changes (see {@link #recorderFor}). */
  public ChangeRecorder recorder() {
    if (recorder == null) {
      recorder = recorderFor(settings);
    }
    return recorder;
  }

  public GovernCommand recorder(ChangeRecorder r) {
    this.recorder = r;
    return this;
  }

  /**
   * The one place that decides the change recorder: the audit ledger ({@code GOVERN_LEDGER} or
   * {@code $GOVERN_HOME/ledger.jsonl}), with the operator from {@code GOVERN_OPERATOR} or user@host
   * and the ledger rules of the nearest governance file.
   */
  private ChangeRecorder recorderFor(Settings settings) {
    return Audit.from(settings, null, null, cwd).recorder();
  }

  public boolean verbose() {
    return verbose;
  }

  /** No subcommand: the usage goes to stderr and the exit code says "usage". */
  @Override
  public Integer call() {
    spec.commandLine().usage(io.err());
    return ExitCodes.USAGE;
  }
}
