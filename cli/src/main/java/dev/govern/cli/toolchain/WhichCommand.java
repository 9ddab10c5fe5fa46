package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.Shims;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govern which go}: the real binary the shim would run here. */
@Command(name = "which", description = "Print the path of the binary `go` or `gofmt` runs here.")
public final class WhichCommand extends BaseCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "TOOL",
      defaultValue = "go",
      description = "go (default), gofmt, or another program in the toolchain's bin")
  String tool;

  @Mixin JsonFlag format;

  /** The {@code --json} document: the binary, its toolchain and what selected it. */
  record Which(int schemaVersion, String tool, String path, String version, String source)
      implements JsonDocument {}

  @Override
  protected int run() {
    if (tool.contains("/")) {
      throw GovernException.usage("not a tool name: " + tool);
    }
    Resolution r = new Resolver(settings().home()).resolve(cwd(), settings().env());
    Path bin;
    if (Shims.TOOLS.contains(tool) || !r.installed()) {
      bin = r.requireBinary(tool);
    } else {
      bin = r.binary(tool);
      if (!Files.isExecutable(bin)) {
        throw GovernException.notFound(r.name() + " has no bin/" + tool, null);
      }
    }
    if (format.json) {
      JsonOutput.print(out(), new Which(1, tool, bin.toString(), r.name(), r.source().describe()));
    } else {
      out().println(bin);
      out().flush();
    }
    return 0;
  }
}
