package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;

/**
 * The snippet {@code govern init bash|zsh|fish} prints for a shell's rc file: it puts {@code
 * $GOVERN_HOME/bin} first on PATH, marks the shell with {@code GOVERN_SHELL} (what {@code doctor}
 * checks), and defines a {@code govern} function that turns {@code govern use <v>} (without {@code
 * --default}) into a change of {@code GOVERN_GO_VERSION} in the running shell.
 */
public final class ShellIntegration {
  /** Set by the snippet; its presence means the integration is loaded. */
  public static final String MARKER_VARIABLE = "GOVERN_SHELL";

  /** The shells govern integrates with. */
  public static final java.util.List<String> SHELLS = java.util.List.of("bash", "zsh", "fish");

  private ShellIntegration() {}

  public static String script(String shell, GovernHome home) {
    String bin = home.bin().toString();
    return switch (shell) {
      case "bash", "zsh" -> posix(shell, bin);
      case "fish" -> fish(bin);
      default -> throw GovernException.usage("unknown shell: " + shell + " (bash, zsh, fish)");
    };
  }

  /** The lines the function evaluates to select {@code name} in this shell. */
  public static String select(String shell, String name) {
    return shell.equals("fish")
        ? "set -gx " + Resolver.VARIABLE + " " + ShellEnv.fishQuote(name) + "\n"
        : "export " + Resolver.VARIABLE + "=" + ShellEnv.shQuote(name) + "\n";
  }

  /** The lines the function evaluates to go back to directory and default resolution. */
  public static String unselect(String shell) {
    return shell.equals("fish")
        ? "set -e " + Resolver.VARIABLE + "\n"
        : "unset " + Resolver.VARIABLE + "\n";
  }

  private static String posix(String shell, String bin) {
    String q = ShellEnv.shQuote(bin);
    return """
        # govern shell integration (%1$s). Add to your rc file: eval "$(govern init %1$s)"
        export GOVERN_SHELL=%1$s
        case "$PATH" in
          %2$s|%2$s:*) ;;
          *) export PATH=%2$s:"$PATH" ;;
        esac
        govern() {
          if [ "$1" = use ]; then
            case " $* " in
              *" --default "*|*" --help "*|*" -h "*) command govern "$@" ;;
              *)
                local __govern_out
                __govern_out=$(command govern use --shell %1$s "${@:2}") || return $?
                eval "$__govern_out"
                ;;
            esac
          else
            command govern "$@"
          fi
        }
        """
        .formatted(shell, q);
  }

  private static String fish(String bin) {
    String q = ShellEnv.fishQuote(bin);
    return """
        # govern shell integration (fish). Add to config.fish: govern init fish | source
        set -gx GOVERN_SHELL fish
        if test "$PATH[1]" != %1$s
            set -gx PATH %1$s $PATH
        end
        function govern
            if test "$argv[1]" = use; and not contains -- --default $argv; and not contains -- --help $argv; and not contains -- -h $argv
                set -l __govern_out (command govern use --shell fish $argv[2..-1]); or return $status
                string join \\n -- $__govern_out | source
            else
                command govern $argv
            end
        end
        """
        .formatted(q);
  }
}
