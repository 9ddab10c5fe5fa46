package dev.govern.cli.deploy;

import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.audit.Audit;
import dev.govern.core.deploy.DeployProbe;
import dev.govern.core.deploy.DeployTarget;
import dev.govern.core.deploy.Deployer;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import dev.govern.core.toolchain.HostName;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** Runs one deploy or rollback for a command and reports it. */
final class DeployRun {
  private DeployRun() {}

  static int run(
      Deployer.Action action,
      ServiceName service,
      Release release,
      DeployOptions options,
      DeployTarget target,
      ReleaseStore store,
      Audit audit,
      Map<String, String> env,
      String what,
      boolean json,
      PrintWriter out) {
    Deployer deployer =
        new Deployer(
            store,
            audit.recorder(),
            DeployProbe.NONE,
            Clock.systemUTC(),
            audit.operator(),
            HostName.of(env));
    Deployer.Outcome o =
        deployer.run(
            new Deployer.Request(
                action,
                service,
                target,
                release,
                options.checks(),
                options.restartLimit(),
                env,
                options.reason,
                options.queue,
                what));
    if (json) {
      JsonOutput.print(out, DeployReport.json(o));
    } else {
      DeployReport.text(out, o);
    }
    return o.ok() ? ExitCodes.OK : ExitCodes.RUNTIME;
  }
}
