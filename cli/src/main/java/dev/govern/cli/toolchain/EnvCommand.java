package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.config.GovernHome;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.ShellEnv;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern env}: GOROOT, PATH and GOTOOLCHAIN for the version that applies, for CI. */
@Command(
    name = "env",
    description = "Print GOROOT, PATH and GOTOOLCHAIN for CI: eval \"$(govern env)\".")
public final class EnvCommand extends BaseCommand {
  enum Shell {
    sh,
    fish,
    json
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "VERSION",
      description = "A version; default: the one that applies here")
  String version;

  @Option(
      names = "--shell",
      paramLabel = "SHELL",
      defaultValue = "sh",
      description = "sh (default; also bash, zsh), fish or json")
  Shell shell;

  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Env(
      int schemaVersion, String version, String source, String decidedBy, Map<String, String> env)
      implements JsonDocument {}

  @Override
  protected int run() {
    GovernHome home = settings().home();
    Resolution r =
        version != null ? namedVersion(home) : new Resolver(home).resolve(cwd(), settings().env());
    r.requireBinary("go");
    Map<String, String> vars = ShellEnv.of(r.goroot(), settings().env());
    if (format.json || shell == Shell.json) {
      JsonOutput.print(
          out(), new Env(1, r.name(), r.source().kind().label(), r.source().where(), vars));
      return 0;
    }
    out().print(shell == Shell.fish ? ShellEnv.fish(vars) : ShellEnv.sh(vars));
    out().flush();
    return 0;
  }

  private Resolution namedVersion(GovernHome home) {
    return VersionArgument.resolve(home, version);
  }
}
