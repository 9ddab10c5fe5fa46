package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import dev.govern.core.deploy.DeployTarget;
import dev.govern.core.deploy.Deployer;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern release rollback NAME --target DIR}: back to the previous healthy release. */
@Command(
    name = "rollback",
    description = {
      "Deploy the previous healthy release of DIR again (or --to REF, or --go LINE: the",
      "newest release built with that Go), with the restart and health check the last",
      "deploy used. Re-running an interrupted rollback finishes it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rolled back and healthy",
      "1:not healthy: reverted to the release that was current",
      "3:nothing to roll back to; DIR is not a govern release folder; another deploy holds DIR",
      "4:the release's binary no longer matches its SHA-256 (tampering)"
    })
final class ReleaseRollbackCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The service.")
  String service;

  @Option(names = "--to", paramLabel = "REF", description = "Roll back to this release instead.")
  String to;

  @Option(
      names = "--go",
      paramLabel = "LINE",
      description =
          "Roll back to the newest release built with this Go (\"the last build on the old Go\").")
  String go;

  @Mixin DeployOptions options;
  @Mixin StoreOption store;
  @Mixin OperatorOption operator;
  @Mixin JsonFlag format;

  @Override
  protected int run() {
    if (to != null && go != null) {
      throw GovernException.usage("give either --to REF or --go LINE, not both");
    }
    ServiceName name = ServiceName.parse(service);
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    DeployTarget target = new DeployTarget(cwd().resolve(options.target));
    target.requireState();
    Release release =
        to == null && go == null ? null : new ReleaseLookup(releases).find(name, target, to, go);
    return DeployRun.run(
        Deployer.Action.ROLLBACK,
        name,
        release,
        options,
        target,
        releases,
        audit(operator.operator, null),
        settings().env(),
        "release rollback " + name + (release == null ? "" : " " + release.id()),
        format.json,
        out());
  }
}
