package dev.govern.core.toolchain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the {@code toolchain} line of a go.mod text and leaves every other byte as it was: an
 * existing line gets its version word replaced (a trailing comment stays); otherwise a line is
 * inserted after the {@code go} line (else after the {@code module} line, else at the end), using
 * the file's own line ending.
 */
public final class GoModToolchainLine {
  private static final Pattern TOOLCHAIN =
      Pattern.compile("(?m)^([ \\t]*toolchain[ \\t]+)([^ \\t\\r\\n]+)");
  private static final Pattern GO_LINE =
      Pattern.compile("(?m)^[ \\t]*go[ \\t]+[^\\r\\n]*(\\r?\\n|$)");
  private static final Pattern MODULE_LINE =
      Pattern.compile("(?m)^[ \\t]*module[ \\t]+[^\\r\\n]*(\\r?\\n|$)");

  private GoModToolchainLine() {}

  /** The version of the first toolchain line, or null. */
  public static String read(String gomod) {
    Matcher m = TOOLCHAIN.matcher(gomod);
    return m.find() ? m.group(2) : null;
  }

  /** {@code gomod} with its toolchain line set to {@code name} ({@code go1.22.4}). */
  public static String set(String gomod, String name) {
    Matcher t = TOOLCHAIN.matcher(gomod);
    if (t.find()) {
      return gomod.substring(0, t.start(2)) + name + gomod.substring(t.end(2));
    }
    String eol = gomod.contains("\r\n") ? "\r\n" : "\n";
    String line = "toolchain " + name;
    for (Pattern anchor : new Pattern[] {GO_LINE, MODULE_LINE}) {
      Matcher m = anchor.matcher(gomod);
      if (m.find()) {
        int at = m.end();
        String before = gomod.substring(0, at);
        String sep = m.group(1).isEmpty() ? eol : "";
        return before + sep + line + eol + gomod.substring(at);
      }
    }
    String sep = gomod.isEmpty() || gomod.endsWith("\n") ? "" : eol;
    return gomod + sep + line + eol;
  }
}
