package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.governance.Environment;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import dev.govern.core.toolchain.Defaults;
import dev.govern.core.toolchain.HostName;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.ShellIntegration;
import dev.govern.core.toolchain.Shims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govern use <v> --default} switches the machine's default; {@code govern use <v>} switches
 * the current shell through the function {@code govern init} defines (it calls this command with
 * the hidden {@code --shell} option and evaluates what it prints).
 */
@Command(
    name = "use",
    description = {
      "Use a Go version in this shell, or with --default on the whole machine.",
      "Without --default this needs the shell integration: eval \"$(govern init bash)\"."
    })
public final class UseCommand extends BaseCommand {
  @Parameters(arity = "0..1", paramLabel = "VERSION", description = "An installed version: 1.22.4")
  String version;

  @Option(names = "--default", description = "Switch the global default (atomic, recorded).")
  boolean makeDefault;

  @Option(names = "--reason", paramLabel = "R", description = "Why; recorded with the change.")
  String reason;

  @Option(
      names = "--unset",
      description = "Stop selecting a version in this shell (back to pins and the default).")
  boolean unset;

  @Option(names = "--shell", hidden = true, paramLabel = "SHELL")
  String shell;

  @Mixin JsonFlag format;

  /** The {@code --json} document of {@code use --default}. */
  record DefaultSet(int schemaVersion, String version, String previous, String overriddenHereBy)
      implements JsonDocument {}

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Use the version the governance file's environments table names for ENV.")
  String env;

  @Option(
      names = "--governance",
      paramLabel = "FILE",
      description = "The governance file (default: the nearest govern.yaml).")
  String governance;

  @Override
  protected int run() {
    GovernHome home = settings().home();
    if (unset) {
      requireShell();
      out().print(ShellIntegration.unselect(shell));
      out().flush();
      return 0;
    }
    if (env != null) {
      if (version != null) {
        throw GovernException.usage("give a VERSION or --env, not both");
      }
      Path file = GovernanceLocator.require(governance, settings(), cwd());
      Environment row =
          GovernanceFile.load(file)
              .environment(env)
              .orElseThrow(
                  () ->
                      GovernException.notFound(
                          "environment \"" + env + "\" is not in " + file,
                          "govern envs list shows the table"));
      version = row.version().toString();
      if (reason == null && makeDefault) {
        reason = "environment " + env + " (" + row.status().word() + ")";
      }
    }
    if (version == null) {
      throw GovernException.usage("missing VERSION (e.g. govern use 1.22.4 --default)");
    }
    String name = VersionArgument.resolve(home, version).name();
    if (format.json && !makeDefault) {
      throw GovernException.usage(
          "--json reports a change of the default: use it with --default (without, use prints"
              + " shell code)");
    }
    if (makeDefault) {
      Defaults defaults = new Defaults(home, recorder(), Clock.systemUTC());
      Optional<String> from =
          defaults.switchTo(name, reason, "use-default", HostName.subject(settings().env()), null);
      Shims.refresh(home);
      Optional<Resolution> pin = overridingPin(home, name);
      if (format.json) {
        JsonOutput.print(
            out(),
            new DefaultSet(
                1,
                name,
                from.orElse(null),
                pin.map(p -> p.source().describe() + " selects " + p.name()).orElse(null)));
        return 0;
      }
      out()
          .println(
              name
                  + " is now the default"
                  + from.filter(f -> !f.equals(name)).map(f -> " (was " + f + ")").orElse(""));
      out().flush();
      pin.ifPresent(p -> warn("here " + p.source().describe() + " still selects " + p.name()));
      return 0;
    }
    requireShell();
    if (!Files.isDirectory(home.toolchain(name))) {
      throw GovernException.precondition(
          name + " is not installed", "run: govern install " + name.substring(2));
    }
    out().print(ShellIntegration.select(shell, name));
    out().flush();
    err().println("govern: this shell now uses " + name);
    err().flush();
    return 0;
  }

  private void requireShell() {
    if (shell == null) {
      String v = version == null ? "<version>" : version;
      throw GovernException.precondition(
          "`govern use` without --default changes only the current shell, and the govern shell"
              + " integration is not loaded here",
          "add eval \"$(govern init bash)\" to ~/.bashrc (or zsh/fish), or switch the machine:"
              + " govern use "
              + v
              + " --default");
    }
    if (!ShellIntegration.SHELLS.contains(shell)) {
      throw GovernException.usage("unknown shell: " + shell + " (bash, zsh, fish)");
    }
  }

  /** A pin here that still wins over the default just set, if any. */
  private Optional<Resolution> overridingPin(GovernHome home, String name) {
    try {
      return new Resolver(home).pinned(cwd(), settings().env()).filter(p -> !p.name().equals(name));
    } catch (GovernException ignored) {
      return Optional.empty(); // a broken pin here is doctor's business, not use's
    }
  }
}
