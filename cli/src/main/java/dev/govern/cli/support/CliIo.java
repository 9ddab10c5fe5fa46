package dev.govern.cli.support;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Help.Ansi;

/**
 * The streams a command writes to, and what is known about the terminal. Results go to {@link
 * #out()}; errors, warnings and progress to {@link #err()}. Tests build one over string buffers.
 *
 * @param out results only
 * @param err diagnostics and progress
 * @param interactive whether stderr is a terminal a person watches (progress is shown only then)
 * @param color whether colour may be used (a terminal, and {@code NO_COLOR} unset)
 */
public record CliIo(PrintWriter out, PrintWriter err, boolean interactive, boolean color) {

  /** The process's own streams; terminal and colour detected from the console and NO_COLOR. */
  public static CliIo system() {
    boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    boolean color = tty && System.getenv("NO_COLOR") == null;
    return new CliIo(writer(System.out), writer(System.err), tty, color);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  public Ansi ansi() {
    return color ? Ansi.ON : Ansi.OFF;
  }
}
