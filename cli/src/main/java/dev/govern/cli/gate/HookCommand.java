package dev.govern.cli.gate;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.gate.PreCommitHook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern hook install}: a git pre-commit hook that runs the gate. */
@Command(
    name = "hook",
    description = "Install the git pre-commit hook that runs the gate.",
    subcommands = HookCommand.Install.class)
public final class HookCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return 2;
  }

  /** {@code govern hook install}. */
  @Command(name = "install", description = "Write .git/hooks/pre-commit running 'govern gate'.")
  static final class Install extends BaseCommand {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "A folder inside the repository (default: here).")
    Path dir;

    @Option(
        names = "--policy",
        paramLabel = "FILE",
        description = "The policy the hook gates with.")
    Path policy;

    @Option(
        names = "--env",
        paramLabel = "ENV",
        description = "The environment whose policy applies.")
    String env;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "fail (default) or warn.")
    String failOn;

    @Option(names = "--force", description = "Replace a pre-commit hook govern did not write.")
    boolean force;

    @Mixin JsonFlag format;

    /** The {@code --json} document: the hook file and the command it runs. */
    record Installed(int schemaVersion, String hook, String command) implements JsonDocument {}

    @Override
    protected int run() {
      Path here = dir != null ? cwd().resolve(dir) : cwd();
      String launcher = settings().env().getOrDefault("GOVERN_LAUNCHER", "govern");
      List<String> cmd = new ArrayList<>();
      cmd.add(PreCommitHook.shellQuote(launcher));
      cmd.add("gate");
      cmd.add(".");
      if (policy != null) {
        cmd.add("--policy");
        cmd.add(PreCommitHook.shellQuote(policy.toAbsolutePath().toString()));
      }
      if (env != null) {
        cmd.add("--env");
        cmd.add(PreCommitHook.shellQuote(env));
      }
      if (failOn != null) {
        cmd.add("--fail-on");
        cmd.add(PreCommitHook.shellQuote(failOn));
      }
      Path hook = PreCommitHook.install(here, cmd, force);
      if (format.json) {
        JsonOutput.print(out(), new Installed(1, hook.toString(), String.join(" ", cmd)));
      } else {
        out().println("installed " + hook);
        out().flush();
      }
      return 0;
    }
  }
}
