package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import dev.govern.core.audit.Audit;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern release record BIN --service NAME}: a build into the release store. */
@Command(
    name = "record",
    description = {
      "Record a Go binary as a release of a service: its build info, build ID and SHA-256,",
      "and a copy in the content-addressed release store. Refuses a build from a modified",
      "checkout or without build info unless told otherwise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:recorded (or already recorded)",
      "1:the team server cannot be reached",
      "3:not a file, not a Go binary, modified checkout or no VCS stamp; the server refused",
      "4:the store's copy of this binary no longer matches its SHA-256 (tampering)"
    })
final class ReleaseRecordCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "BIN", description = "The Go binary.")
  Path binary;

  @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service.")
  String service;

  @Option(
      names = "--allow-modified",
      description = "Accept a build from a checkout with uncommitted changes (vcs.modified=true).")
  boolean allowModified;

  @Option(
      names = "--allow-no-buildinfo",
      description = "Accept a binary without a VCS stamp, or without Go build info at all.")
  boolean allowNoBuildInfo;

  @Option(names = "--reason", paramLabel = "R", description = "Why; recorded in the ledger.")
  String reason;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Also send the release (binary and record) to the team server; the token comes from GOVERN_TOKEN.")
  String server;

  @Mixin StoreOption store;
  @Mixin OperatorOption operator;
  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Recorded(
      int schemaVersion, boolean added, String store, ReleaseDoc release, ServerDoc server)
      implements JsonDocument {}

  /** What the team server did with it ({@code --server}). */
  record ServerDoc(String url, boolean created, boolean binaryCreated, long ledgerSeq) {}

  @Override
  protected int run() {
    ServiceName name = ServiceName.parse(service);
    ServerReleases remote = server == null ? null : ServerReleases.of(server, settings());
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    Audit audit = audit(operator.operator, null);
    ReleaseStore.Recorded r =
        releases.record(
            cwd().resolve(binary),
            name,
            new ReleaseStore.Options(allowModified, allowNoBuildInfo),
            audit.operator(),
            Clock.systemUTC().instant(),
            audit.recorder(),
            reason);
    ServerDoc pushed = null;
    if (remote != null) {
      ServerReleases.Pushed p;
      try {
        p = remote.push(releases, r.release(), reason, allowModified, allowNoBuildInfo);
      } catch (GovernException e) {
        throw new GovernException(
            e.code(),
            e.getMessage(),
            e.hint()
                .orElse(
                    "the release is recorded in "
                        + releases.root()
                        + "; run the same command again to send it"),
            e);
      }
      pushed = new ServerDoc(p.server(), p.created(), p.binaryCreated(), p.ledgerSeq());
    }
    if (format.json) {
      JsonOutput.print(
          out(),
          new Recorded(
              1, r.added(), releases.root().toString(), ReleaseDoc.of(r.release()), pushed));
      return 0;
    }
    out()
        .println(
            (r.added() ? "recorded " : "already recorded: ")
                + name
                + " "
                + r.release().label()
                + " in "
                + releases.root());
    if (pushed != null) {
      out()
          .println(
              (pushed.created()
                  ? "sent to " + pushed.url() + " (server ledger seq " + pushed.ledgerSeq() + ")"
                  : "already on " + pushed.url()));
    }
    out().flush();
    return 0;
  }
}
