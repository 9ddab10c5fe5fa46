package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern current}: the Go version that applies here, and what decided it. */
@Command(
    name = "current",
    description = "Show the Go version that applies here and the file or variable that decided it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the version is installed", "3:it is not installed, or nothing selects one"})
public final class CurrentCommand extends BaseCommand {
  @Mixin JsonFlag format;

  /**
   * The {@code --json} document.
   *
   * @param source env, .go-version, .tool-versions, go.work, go.mod, GOTOOLCHAIN or default
   * @param decidedBy the variable name or file path (default: {@code default})
   * @param gotoolchain the GOTOOLCHAIN value the toolchain runs with
   * @param note how the go command's rules (go/toolchain lines, GOTOOLCHAIN) led here, or null
   */
  record Current(
      int schemaVersion,
      String version,
      String source,
      String decidedBy,
      String goroot,
      boolean installed,
      String gotoolchain,
      String note)
      implements JsonDocument {}

  @Override
  protected int run() {
    Resolution r = new Resolver(settings().home()).resolve(cwd(), settings().env());
    boolean installed = r.installed();
    if (format.json) {
      JsonOutput.print(
          out(),
          new Current(
              1,
              r.name(),
              r.source().kind().label(),
              r.source().where(),
              r.goroot().toString(),
              installed,
              r.gotoolchain(),
              r.note()));
    } else {
      out().println(r.name() + " (set by " + r.source().describe() + ")");
      if (r.note() != null) {
        out().println("  " + r.note());
      }
      out().flush();
      if (!installed) {
        err().println("govern: " + r.notInstalledMessage());
        err().flush();
      }
    }
    return installed ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
