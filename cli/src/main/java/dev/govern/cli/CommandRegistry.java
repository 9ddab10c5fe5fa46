package dev.govern.cli;

import dev.govern.cli.version.VersionInfoCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every subcommand of govern, by name, in the order {@code --help} lists them within a group.
 *
 * <p>Start-up stays fast because picocli only builds the model of the subcommand being run; the
 * whole tree is built for help and completion only (see {@link GovernCli#build}).
 */
public final class CommandRegistry {
  private CommandRegistry() {}

  /** Name → command class. Add new commands here. */
  public static Map<String, Class<?>> all() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("inspect", dev.govern.cli.artifact.InspectCommand.class);
    m.put("version-info", VersionInfoCommand.class);
    m.put("sbom", dev.govern.cli.fleet.SbomCommand.class);
    m.put("hook", dev.govern.cli.gate.HookCommand.class);
    m.put("releases", dev.govern.cli.knowledge.ReleasesCommand.class);
    m.put("vulns", dev.govern.cli.knowledge.VulnsCommand.class);
    m.put("advise", dev.govern.cli.knowledge.AdviseCommand.class);
    m.put("audit", dev.govern.cli.audit.AuditCommand.class);
    m.put("envs", dev.govern.cli.envs.EnvsCommand.class);
    m.put("install", dev.govern.cli.toolchain.InstallCommand.class);
    m.put("list", dev.govern.cli.toolchain.ListCommand.class);
    m.put("list-remote", dev.govern.cli.toolchain.ListRemoteCommand.class);
    m.put("uninstall", dev.govern.cli.toolchain.UninstallCommand.class);
    m.put("prune", dev.govern.cli.toolchain.PruneCommand.class);
    m.put("use", dev.govern.cli.toolchain.UseCommand.class);
    m.put("pin", dev.govern.cli.toolchain.PinCommand.class);
    m.put("current", dev.govern.cli.toolchain.CurrentCommand.class);
    m.put("which", dev.govern.cli.toolchain.WhichCommand.class);
    m.put("exec", dev.govern.cli.toolchain.ExecCommand.class);
    m.put("env", dev.govern.cli.toolchain.EnvCommand.class);
    m.put("init", dev.govern.cli.toolchain.InitCommand.class);
    m.put("rollback", dev.govern.cli.toolchain.RollbackCommand.class);
    m.put("doctor", dev.govern.cli.toolchain.DoctorCommand.class);
    m.put("gate", dev.govern.cli.gate.GateCommand.class);
    m.put("policy", dev.govern.cli.gate.PolicyCheckCommand.class);
    m.put("scan", dev.govern.cli.fleet.ScanCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("cds-training", CdsTrainingCommand.class);
    return m;
  }
}
