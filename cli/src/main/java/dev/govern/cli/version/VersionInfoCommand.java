package dev.govern.cli.version;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govern version-info <v>}: what the version model knows of one Go version. */
@Command(
    name = "version-info",
    description =
        "Show how govern reads a Go version (normalized, language version, kind, semver).")
public final class VersionInfoCommand extends BaseCommand {
  @Parameters(
      paramLabel = "VERSION",
      description = "A Go version: go1.22.4, 1.21rc2, 1.21.0-rc.1, go1.9beta2 …")
  String text;

  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Info(
      int schemaVersion,
      String input,
      String version,
      String language,
      String kind,
      boolean release,
      boolean prerelease,
      boolean languageVersion,
      String semver,
      String suffix)
      implements JsonDocument {}

  @Override
  protected int run() {
    GoVersion v = GoVersion.parse(text);
    Info info =
        new Info(
            1,
            text,
            v.toString(),
            v.lang().toString(),
            kindOf(v),
            v.isRelease(),
            v.isPrerelease(),
            v.isLanguageVersion(),
            v.toSemver(),
            v.suffix().isEmpty() ? null : v.suffix());
    if (format.json) {
      JsonOutput.print(out(), info);
      return 0;
    }
    out().printf("version:   %s%n", info.version());
    out().printf("language:  %s%n", info.language());
    out().printf("kind:      %s%n", info.kind());
    out().printf("semver:    %s%n", info.semver());
    if (info.suffix() != null) {
      out().printf("suffix:    %s%n", info.suffix());
    }
    out().flush();
    return 0;
  }

  private static String kindOf(GoVersion v) {
    if (v.isLanguageVersion()) {
      return "language version (a go.mod minimum, below every " + v.line() + " prerelease)";
    }
    if (v.isPrerelease()) {
      String n = v.pre() == GoVersion.ABSENT ? "" : " " + v.pre();
      return "prerelease (" + v.kind().word() + n + ")";
    }
    return "release";
  }
}
