package dev.govern.cli.knowledge;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.release.CurrentReleases;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.release.ReleaseLine;
import dev.govern.core.release.SupportPolicy;
import dev.govern.core.release.SupportStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern releases}: one row per Go line with its support status. */
@Command(
    name = "releases",
    mixinStandardHelpOptions = true,
    description =
        "Go release lines: released, latest patch, supported or end of life, security patches.")
public final class ReleasesCommand extends BaseCommand {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Answer as on this day (YYYY-MM-DD; default today, UTC).")
  LocalDate asOf;

  @Option(
      names = "--mirror",
      paramLabel = "BASE",
      description =
          "Release mirror: index at BASE/index.json (http, https, file). Env GOVERN_MIRROR.")
  String mirror;

  @Option(
      names = "--offline",
      description =
          "Never touch the network: newer releases only from the cached download index. Env GOVERN_OFFLINE.")
  boolean offline;

  @Mixin JsonFlag format;

  /**
   * The {@code --json} document: {@code carriedAsOf} is the day the carried table was taken; {@code
   * fromIndex} lists the newer releases the download index added (dated when first seen).
   */
  record Releases(
      int schemaVersion,
      LocalDate asOf,
      String policy,
      LocalDate carriedAsOf,
      List<String> fromIndex,
      String index,
      List<Line> lines)
      implements JsonDocument {}

  /** One line. */
  record Line(
      String line,
      LocalDate released,
      String latestPatch,
      LocalDate latestPatchDate,
      int patchReleases,
      int securityPatchReleases,
      boolean supported,
      LocalDate endOfSupport,
      String endedBy) {}

  @Override
  protected int run() {
    LocalDate day = KnowledgeSources.asOf(asOf);
    CurrentReleases.Loaded releases =
        KnowledgeSources.currentReleases(
            settings(), mirror, settings().flag(offline, "offline"), day, this::warn);
    List<SupportStatus> statuses = new SupportPolicy(releases.history()).statuses(day);
    List<Line> lines = new ArrayList<>();
    for (int i = statuses.size() - 1; i >= 0; i--) {
      SupportStatus s = statuses.get(i);
      ReleaseLine l = s.line();
      lines.add(
          new Line(
              l.name(),
              l.released(),
              l.latest().version().toString(),
              l.latest().date().orElse(null),
              l.patchReleases(),
              l.securityPatchReleases(),
              s.supported(),
              s.endOfSupport().orElse(null),
              s.endedBy().map(f -> f.version().toString()).orElse(null)));
    }
    Releases doc =
        new Releases(
            1,
            day,
            "a line 1.N is supported until 1.(N+"
                + SupportPolicy.NEWER_LINES_TO_END_SUPPORT
                + ").0 is released",
            ReleaseHistory.builtInAsOf(),
            releases.added().stream().map(f -> f.version().toString()).toList(),
            releases.index().orElse(null),
            lines);
    if (format.json) {
      JsonOutput.print(out(), doc);
      return 0;
    }
    String fmt = "%-7s  %-10s  %-10s  %7s  %8s  %s%n";
    out()
        .printf(
            fmt, "LINE", "RELEASED", "LATEST", "PATCHES", "SECURITY", "STATUS (as of " + day + ")");
    for (Line l : lines) {
      String status =
          l.supported()
              ? "supported"
              : "end of life since " + l.endOfSupport() + " (" + l.endedBy() + ")";
      out()
          .printf(
              fmt,
              l.line(),
              l.released(),
              l.latestPatch(),
              l.patchReleases(),
              l.securityPatchReleases(),
              status);
    }
    if (!doc.fromIndex().isEmpty()) {
      out()
          .printf(
              "newer than the carried table of %s, from the download index (dated when govern first saw them): %s%n",
              doc.carriedAsOf(), String.join(", ", doc.fromIndex()));
    }
    out().flush();
    return 0;
  }
}
