package dev.govern.cli;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.FishCompletion;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code govern completion bash|zsh|fish}: prints a shell completion script. */
@Command(
    name = "completion",
    description = "Print shell completion for bash, zsh or fish.",
    footer = {
      "%nbash:  source <(govern completion bash)",
      "zsh:   source <(govern completion zsh)",
      "fish:  govern completion fish | source"
    })
public final class CompletionCommand extends BaseCommand {
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}")
  Shell shell;

  @Override
  protected int run() {
    picocli.CommandLine rootLine = spec.root().commandLine();
    String script =
        switch (shell) {
          case bash -> AutoComplete.bash("govern", rootLine);
          case zsh ->
              "autoload -U +X bashcompinit && bashcompinit\n"
                  + AutoComplete.bash("govern", rootLine);
          case fish -> FishCompletion.script(spec.root());
        };
    out().print(script);
    out().flush();
    return 0;
  }
}
