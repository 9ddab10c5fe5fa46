package dev.govern.core.toolchain;

import java.nio.file.Path;
import java.util.List;

/**
 * What a go command line changes about the toolchain choice, as the go command reads it before
 * choosing: {@code -C dir} (first, or first after the command words), the few {@code go env} lines
 * the local toolchain always answers, and GO111MODULE.
 */
final class GoCommandLine {
  private GoCommandLine() {}

  /**
   * {@code go env GOTOOLCHAIN}, {@code go env GOMOD}, {@code go env GOWORK} and {@code go env -w
   * GOTOOLCHAIN=…} run the local toolchain whatever go.mod says.
   */
  static boolean runsLocally(List<String> args) {
    if (args.size() == 2 && args.get(0).equals("env")) {
      String v = args.get(1);
      return v.equals("GOTOOLCHAIN") || v.equals("GOMOD") || v.equals("GOWORK");
    }
    return args.size() == 3
        && args.get(0).equals("env")
        && args.get(1).equals("-w")
        && args.get(2).startsWith("GOTOOLCHAIN=");
  }

  /** GO111MODULE off (or anything but on, auto or empty) means no module, so no switching. */
  static boolean modulesMayBeOn(String go111module) {
    return go111module.isEmpty() || go111module.equals("on") || go111module.equals("auto");
  }

  /** The directory the go command works in: {@code dir}, or where {@code -C} points. */
  static Path directory(Path dir, List<String> args) {
    int at;
    if (args.isEmpty()) {
      return dir;
    }
    String first = args.get(0);
    if (isChdir(first)) {
      at = 0;
    } else if ((first.equals("mod") || first.equals("work"))
        && args.size() > 1
        && !isChdir(args.get(1))) {
      at = 2;
    } else {
      at = 1;
    }
    if (at >= args.size() || !isChdir(args.get(at))) {
      return dir;
    }
    String a = args.get(at);
    String target;
    if (a.equals("-C") || a.equals("--C")) {
      if (at + 1 >= args.size()) {
        return dir;
      }
      target = args.get(at + 1);
    } else {
      target = a.substring(a.indexOf('=') + 1);
    }
    return dir.resolve(target).normalize();
  }

  private static boolean isChdir(String a) {
    return a.equals("-C") || a.equals("--C") || a.startsWith("-C=") || a.startsWith("--C=");
  }
}
