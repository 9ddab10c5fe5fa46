package dev.govern.cli.deploy;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern release list NAME}: a service's recorded releases, oldest first. */
@Command(name = "list", description = "List a service's recorded releases, oldest first.")
final class ReleaseListCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The service.")
  String service;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Read the releases the team server holds (token from GOVERN_TOKEN).")
  String server;

  @Mixin StoreOption store;
  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Listing(
      int schemaVersion, String service, String store, String server, List<ReleaseDoc> releases)
      implements JsonDocument {}

  @Override
  protected int run() {
    ServiceName name = ServiceName.parse(service);
    ServerReleases remote = server == null ? null : ServerReleases.of(server, settings());
    ReleaseStore releases = ReleaseStore.of(settings(), store.dir, cwd());
    List<Release> list = remote != null ? remote.releases(name) : releases.releases(name);
    String where = remote != null ? remote.url() : releases.root().toString();
    if (format.json) {
      JsonOutput.print(
          out(),
          new Listing(
              1,
              name.value(),
              remote != null ? null : where,
              remote != null ? where : null,
              list.stream().map(ReleaseDoc::of).toList()));
      return 0;
    }
    if (list.isEmpty()) {
      err().println("no releases of " + name + " are recorded in " + where);
      err().flush();
      return 0;
    }
    out()
        .println(
            String.format(
                "%-12s  %-24s  %-10s  %-12s  %-8s  %s",
                "ID", "RECORDED", "GO", "REVISION", "MODIFIED", "MODULE"));
    for (Release r : list) {
      out()
          .println(
              String.format(
                      "%-12s  %-24s  %-10s  %-12s  %-8s  %s",
                      r.id(),
                      r.recordedAt(),
                      r.goVersion().isEmpty() ? "-" : r.goVersion(),
                      r.shortRevision(),
                      r.modified() == null ? "-" : r.modified() ? "yes" : "no",
                      r.module().isEmpty() ? "-" : r.module())
                  .stripTrailing());
    }
    out().flush();
    return 0;
  }
}
