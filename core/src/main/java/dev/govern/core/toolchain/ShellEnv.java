package dev.govern.core.toolchain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that makes one toolchain the {@code go} of a CI job or script: {@code GOROOT},
 * {@code PATH} with the toolchain's {@code bin} first, and {@code GOTOOLCHAIN=local} (unless the
 * caller set GOTOOLCHAIN) so Go does not fetch another toolchain behind govern's back.
 */
public final class ShellEnv {
  private ShellEnv() {}

  /** The variables for {@code goroot}, given the caller's environment. */
  public static Map<String, String> of(Path goroot, Map<String, String> env) {
    String bin = goroot.resolve("bin").toString();
    String path = env.getOrDefault("PATH", "");
    StringBuilder p = new StringBuilder(bin);
    for (String entry : path.split(":", -1)) {
      if (!entry.isEmpty() && !entry.equals(bin)) {
        p.append(':').append(entry);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("GOROOT", goroot.toString());
    out.put("PATH", p.toString());
    out.put("GOTOOLCHAIN", gotoolchain(env));
    return out;
  }

  /** The caller's GOTOOLCHAIN when set, else {@code local}. */
  public static String gotoolchain(Map<String, String> env) {
    String t = env.get("GOTOOLCHAIN");
    return t == null || t.isEmpty() ? "local" : t;
  }

  /** {@code export K='v'} lines for sh, bash and zsh. */
  public static String sh(Map<String, String> vars) {
    StringBuilder b = new StringBuilder();
    vars.forEach(
        (k, v) -> b.append("export ").append(k).append('=').append(shQuote(v)).append('\n'));
    return b.toString();
  }

  /** {@code set -gx K 'v'} lines for fish; PATH becomes a list. */
  public static String fish(Map<String, String> vars) {
    StringBuilder b = new StringBuilder();
    vars.forEach(
        (k, v) -> {
          b.append("set -gx ").append(k);
          if (k.equals("PATH")) {
            for (String e : v.split(":")) {
              b.append(' ').append(fishQuote(e));
            }
          } else {
            b.append(' ').append(fishQuote(v));
          }
          b.append('\n');
        });
    return b.toString();
  }

  /** A single-quoted sh word. */
  public static String shQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A single-quoted fish word (fish escapes \ and ' inside single quotes). */
  public static String fishQuote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
