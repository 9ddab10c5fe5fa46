package dev.govern.cli;

import static dev.govern.cli.support.CommandGroup.ARTIFACTS;
import static dev.govern.cli.support.CommandGroup.AUDIT;
import static dev.govern.cli.support.CommandGroup.GOVERNANCE;
import static dev.govern.cli.support.CommandGroup.OTHER;
import static dev.govern.cli.support.CommandGroup.RELEASES;
import static dev.govern.cli.support.CommandGroup.TOOLCHAINS;

import dev.govern.cli.support.CommandGroup;
import dev.govern.cli.version.VersionInfoCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every subcommand of govern: its name, its class and the heading {@code --help} lists it under, in
 * the order {@code --help} lists them within a heading.
 *
 * <p>Start-up stays fast because picocli only builds the model of the subcommand being run; the
 * whole tree is built for help and completion only (see {@link GovernCli#build}).
 */
public final class CommandRegistry {
  private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();
  private static final Map<String, CommandGroup> GROUPS = new LinkedHashMap<>();

  static {
    add("inspect", dev.govern.cli.artifact.InspectCommand.class, ARTIFACTS);
    add("version-info", VersionInfoCommand.class, ARTIFACTS);
    add("sbom", dev.govern.cli.fleet.SbomCommand.class, GOVERNANCE);
    add("hook", dev.govern.cli.gate.HookCommand.class, GOVERNANCE);
    add("releases", dev.govern.cli.knowledge.ReleasesCommand.class, ARTIFACTS);
    add("vulns", dev.govern.cli.knowledge.VulnsCommand.class, ARTIFACTS);
    add("advise", dev.govern.cli.knowledge.AdviseCommand.class, ARTIFACTS);
    add("audit", dev.govern.cli.audit.AuditCommand.class, AUDIT);
    add("envs", dev.govern.cli.envs.EnvsCommand.class, AUDIT);
    add("request", dev.govern.cli.approval.RequestCommand.class, AUDIT);
    add("requests", dev.govern.cli.approval.RequestsCommand.class, AUDIT);
    add("approve", dev.govern.cli.approval.ApproveCommand.class, AUDIT);
    add("reject", dev.govern.cli.approval.RejectCommand.class, AUDIT);
    add("install", dev.govern.cli.toolchain.InstallCommand.class, TOOLCHAINS);
    add("list", dev.govern.cli.toolchain.ListCommand.class, TOOLCHAINS);
    add("list-remote", dev.govern.cli.toolchain.ListRemoteCommand.class, TOOLCHAINS);
    add("uninstall", dev.govern.cli.toolchain.UninstallCommand.class, TOOLCHAINS);
    add("prune", dev.govern.cli.toolchain.PruneCommand.class, TOOLCHAINS);
    add("use", dev.govern.cli.toolchain.UseCommand.class, TOOLCHAINS);
    add("pin", dev.govern.cli.toolchain.PinCommand.class, TOOLCHAINS);
    add("current", dev.govern.cli.toolchain.CurrentCommand.class, TOOLCHAINS);
    add("which", dev.govern.cli.toolchain.WhichCommand.class, TOOLCHAINS);
    add("exec", dev.govern.cli.toolchain.ExecCommand.class, TOOLCHAINS);
    add("env", dev.govern.cli.toolchain.EnvCommand.class, TOOLCHAINS);
    add("init", dev.govern.cli.toolchain.InitCommand.class, TOOLCHAINS);
    add("rollback", dev.govern.cli.toolchain.RollbackCommand.class, TOOLCHAINS);
    add("doctor", dev.govern.cli.toolchain.DoctorCommand.class, TOOLCHAINS);
    add("gate", dev.govern.cli.gate.GateCommand.class, GOVERNANCE);
    add("policy", dev.govern.cli.gate.PolicyCheckCommand.class, GOVERNANCE);
    add("scan", dev.govern.cli.fleet.ScanCommand.class, GOVERNANCE);
    add("impact", dev.govern.cli.upgrade.ImpactCommand.class, GOVERNANCE);
    add("decide", dev.govern.cli.upgrade.DecideCommand.class, GOVERNANCE);
    add("release", dev.govern.cli.deploy.ReleaseCommand.class, RELEASES);
    add("ps", dev.govern.cli.deploy.PsCommand.class, RELEASES);
    add("serve", dev.govern.cli.server.ServeCommand.class, GOVERNANCE);
    add("server", dev.govern.cli.server.ServerCommand.class, GOVERNANCE);
    add("completion", CompletionCommand.class, OTHER);
    add("cds-training", CdsTrainingCommand.class, OTHER);
  }

  private CommandRegistry() {}

  private static void add(String name, Class<?> command, CommandGroup group) {
    COMMANDS.put(name, command);
    GROUPS.put(name, group);
  }

  /** Name → command class, in help order. */
  public static Map<String, Class<?>> all() {
    return new LinkedHashMap<>(COMMANDS);
  }

  /** Whether {@code name} is a top-level command. */
  public static boolean has(String name) {
    return COMMANDS.containsKey(name);
  }

  /** The heading a top-level command is listed under ({@link CommandGroup#OTHER} if unknown). */
  public static CommandGroup groupOf(String name) {
    return GROUPS.getOrDefault(name, OTHER);
  }
}
