package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.deploy.DeployTarget;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import dev.govern.core.deploy.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern release show REF}: one release, its stored binary checked. */
@Command(
    name = "show",
    description = {
      "Show one release and check its stored binary against its SHA-256.",
      "REF: a release id, 4+ hex digits of an id, SHA-256 or git revision, current or",
      "previous (of --target DIR, else the newest recorded ones of --service NAME);",
      "or --go LINE for the newest release built with that Go."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown, binary verified",
      "2:REF matches several releases (they are listed)",
      "3:no such release",
      "4:the stored binary no longer matches its SHA-256 (tampering)"
    })
final class ReleaseShowCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "REF", description = "The release.")
  String ref;

  @Option(names = "--service", paramLabel = "NAME", description = "The service.")
  String service;

  @Option(
      names = "--target",
      paramLabel = "DIR",
      description = "A deploy folder: current and previous are its own; shows its deployments.")
  Path target;

  @Option(
      names = "--go",
      paramLabel = "LINE",
      description = "The newest release built with this Go.")
  String go;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Find the release on the team server, which checks its stored binary (token from GOVERN_TOKEN).")
  String server;

  @Mixin StoreOption store;
  @Mixin JsonFlag format;

  /** A deployment of the release on the target. */
  record DeploymentDoc(String action, String time, String health, String operator) {}

  /** The target's view of the release. */
  record TargetDoc(String dir, boolean current, List<DeploymentDoc> deployments) {}

  /** The {@code --json} document. */
  record Shown(
      int schemaVersion, ReleaseDoc release, String stored, boolean verified, TargetDoc target)
      implements JsonDocument {}

  @Override
  protected int run() {
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    DeployTarget t = target == null ? null : new DeployTarget(cwd().resolve(target));
    ServiceName name = ReleaseLookup.serviceOf(service, t);
    ServerReleases remote = server == null ? null : ServerReleases.of(server, settings());
    Release r =
        new ReleaseLookup(remote != null ? remote : ReleaseSource.of(releases))
            .find(name, t, ref, go);
    String stored;
    if (remote != null) {
      remote.verify(r);
      stored = remote.binaryUrl(r);
    } else if (Files.exists(releases.object(r)) || t == null) {
      stored = releases.verify(r).toString();
    } else {
      t.verifyLaidOut(r);
      stored = t.binary(r.id(), r.service()).toString();
    }
    TargetDoc onTarget = null;
    if (t != null) {
      TargetState state = t.requireState();
      onTarget =
          new TargetDoc(
              t.dir().toString(),
              t.currentId().map(r.id()::equals).orElse(false),
              state.history().stream()
                  .filter(d -> d.release().equals(r.id()))
                  .map(d -> new DeploymentDoc(d.action(), d.time(), d.health(), d.operator()))
                  .toList());
    }
    if (format.json) {
      JsonOutput.print(out(), new Shown(1, ReleaseDoc.of(r), stored, true, onTarget));
      return 0;
    }
    out().println("release   " + r.id() + " of " + r.service());
    out().println("sha256    " + r.sha256() + " (verified)");
    out().println("size      " + r.size());
    out().println("go        " + (r.goVersion().isEmpty() ? "(no build info)" : r.goVersion()));
    out().println(("module    " + r.module() + " " + r.moduleVersion()).stripTrailing());
    out().println("package   " + r.mainPackage());
    out().println(("revision  " + r.revision() + " " + r.revisionTime()).stripTrailing());
    out()
        .println(
            "modified  " + (r.modified() == null ? "(not stamped)" : r.modified() ? "yes" : "no"));
    out().println("build id  " + r.buildId());
    out().println("recorded  " + r.recordedAt() + " by " + r.recordedBy() + " from " + r.source());
    out().println("stored    " + stored);
    if (onTarget != null) {
      out().println("target    " + onTarget.dir() + (onTarget.current() ? " (current)" : ""));
      for (DeploymentDoc d : onTarget.deployments()) {
        out()
            .println(
                "          "
                    + d.time()
                    + " "
                    + d.action()
                    + " "
                    + d.health()
                    + " by "
                    + d.operator());
      }
    }
    out().flush();
    return 0;
  }
}
