package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.deploy.DeployTarget;
import dev.govern.core.deploy.Deployer;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govern release deploy NAME REF --target DIR}: swap a release in, check it, keep a record.
 */
@Command(
    name = "deploy",
    description = {
      "Deploy a release: lay it out under DIR/releases/<id>/, swap DIR/current to it",
      "atomically, run the restart command, wait for health; if it is not healthy, swap",
      "back, restart the previous release and report. Every step is in the ledger."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:deployed and healthy (or no health check configured)",
      "1:not healthy: reverted to the previous release (or none to revert to)",
      "2:bad usage, or REF matches several releases (they are listed)",
      "3:no such release; DIR is not a govern release folder; another deploy holds DIR",
      "4:the release's binary no longer matches its SHA-256 (tampering)"
    })
final class ReleaseDeployCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The service.")
  String service;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "REF",
      description = "A release id, 4+ hex digits of an id, SHA-256 or revision, current, previous.")
  String ref;

  @Option(
      names = "--go",
      paramLabel = "LINE",
      description = "Deploy the newest release built with this Go.")
  String go;

  @Mixin DeployOptions options;
  @Mixin StoreOption store;
  @Mixin OperatorOption operator;
  @Mixin JsonFlag format;

  @Override
  protected int run() {
    ServiceName name = ServiceName.parse(service);
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    DeployTarget target = new DeployTarget(cwd().resolve(options.target));
    boolean relative = ref != null && (ref.equals("current") || ref.equals("previous"));
    Release release = new ReleaseLookup(releases).find(name, relative ? target : null, ref, go);
    return DeployRun.run(
        Deployer.Action.DEPLOY,
        name,
        release,
        options,
        target,
        releases,
        audit(operator.operator, null),
        settings().env(),
        "release deploy " + name + " " + release.id(),
        format.json,
        out());
  }
}
