package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.core.config.GovernHome;
import dev.govern.core.toolchain.ShellIntegration;
import dev.govern.core.toolchain.Shims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code govern init bash|zsh|fish}: the shell integration snippet for an rc file. */
@Command(
    name = "init",
    description =
        "Print the shell integration: shims first on PATH, and `govern use` for this shell.",
    footer = {
      "%nbash:  eval \"$(govern init bash)\"   in ~/.bashrc",
      "zsh:   eval \"$(govern init zsh)\"    in ~/.zshrc",
      "fish:  govern init fish | source     in ~/.config/fish/config.fish"
    })
public final class InitCommand extends BaseCommand {
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}")
  Shell shell;

  @Override
  protected int run() {
    GovernHome home = settings().home();
    if (!Shims.problems(home).isEmpty()) {
      Shims.refresh(home);
    }
    out().print(ShellIntegration.script(shell.name(), home));
    out().flush();
    return 0;
  }
}
