package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default GODEBUG the go command compiles into a main package ({@code go list -f
 * '{{.DefaultGODEBUG}}'}), computed as Go 1.21+ does: the {@code godebug} lines of the main module
 * (or of go.work in workspace mode), then the package's {@code //go:debug} lines, later ones
 * winning; a {@code default=goX.Y} entry moves the go version the defaults follow; then every
 * setting of the toolchain's table whose default changed after that go version gets its old value,
 * unless a line set it.
 */
public final class DefaultGodebug {
  /** The go version assumed for a go.mod without a go line (Go's DefaultGoModVersion). */
  public static final String NO_GO_LINE_MOD = "1.16";

  /** The go version assumed for a go.work without a go line (Go's DefaultGoWorkVersion). */
  public static final String NO_GO_LINE_WORK = "1.18";

  private DefaultGodebug() {}

  /**
   * The settings as a sorted map.
   *
   * @param history the GODEBUG history
   * @param toolchain the Go that builds (its table decides which settings exist)
   * @param goVersion the go line of the main module or go.work, as written ({@code 1.21.0})
   * @param moduleLines the go.mod or go.work {@code godebug} lines, in file order
   * @param packageLines the main package's {@code //go:debug} lines, in file order; those the
   *     toolchain would reject are skipped, as Go does
   */
  public static Map<String, String> settings(
      GodebugHistory history,
      GoVersion toolchain,
      String goVersion,
      List<GodebugDirective> moduleLines,
      List<GodebugDirective> packageLines) {
    Map<String, String> m = new TreeMap<>();
    for (GodebugDirective d : moduleLines) {
      m.put(d.key(), d.value());
    }
    for (GodebugDirective d : packageLines) {
      if (valid(history, toolchain, d)) {
        m.put(d.key(), d.value());
      }
    }
    String version = effectiveGoVersion(goVersion, m);
    m.remove("default");
    Optional<Integer> n = languageMinor(version);
    if (n.isPresent()) {
      Map<String, String> defaults = new TreeMap<>();
      for (GodebugSetting s : history.table(toolchain).values()) {
        if (s.changedMinor().isPresent() && n.get() < s.changedMinor().get()) {
          defaults.put(s.name(), s.old().orElse(""));
        }
      }
      defaults.putAll(m);
      m = defaults;
    }
    return m;
  }

  /** The same as Go prints it: {@code k=v,k=v} in key order. */
  public static String string(Map<String, String> settings) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** Parses Go's {@code k=v,k=v} form (a binary's DefaultGODEBUG build setting). */
  public static Map<String, String> parse(String text) {
    Map<String, String> m = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return m;
    }
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw GovernException.invalidInput(
            "DefaultGODEBUG: expected key=value, found \"" + part + "\"");
      }
      m.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return m;
  }

  /**
   * The go version the defaults follow: {@code default=goX.Y} when given and valid, else the line.
   */
  static String effectiveGoVersion(String goVersion, Map<String, String> lines) {
    String d = lines.get("default");
    if (d != null) {
      String v = d.startsWith("go") ? d.substring(2) : d;
      if (validGover(v)) {
        return v;
      }
    }
    return goVersion;
  }

  /**
   * Go's godebugForGoVersion: {@code 1.N} or {@code 1.N.P} give N; anything else (a prerelease go
   * line such as {@code 1.21rc1}, a major other than 1) gives no defaults at all.
   */
  static Optional<Integer> languageMinor(String v) {
    String s = v;
    int first = s.indexOf('.');
    if (first >= 0) {
      int second = s.indexOf('.', first + 1);
      if (second >= 0) {
        s = s.substring(0, second);
      }
    }
    if (!s.startsWith("1.")) {
      return Optional.empty();
    }
    String rest = s.substring(2);
    if (!rest.matches("[+-]?[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(rest.startsWith("+") ? rest.substring(1) : rest));
  }

  /** Go's gover.IsValid: 1, 1.2, 1.2.3, 1.2rc1, 1.2beta1, 1.2alpha1 (no suffixes). */
  static boolean validGover(String v) {
    return v.matches(
        "(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)|(rc|beta|alpha)(0|[1-9][0-9]*))?)?");
  }

  /** Whether the go command of {@code toolchain} accepts the line (Go's ParseGoDebug check). */
  static boolean valid(GodebugHistory history, GoVersion toolchain, GodebugDirective d) {
    return problem(history, toolchain, d).isEmpty();
  }

  /** Why the go command of {@code toolchain} rejects a line, if it does (Go's CheckGodebug). */
  public static Optional<String> problem(
      GodebugHistory history, GoVersion toolchain, GodebugDirective d) {
    String k = d.key();
    String v = d.value();
    if (k.contains(" ") || k.contains("\t")) {
      return Optional.of("key contains space");
    }
    if (v.contains(" ") || v.contains("\t")) {
      return Optional.of("value contains space");
    }
    if (k.contains(",")) {
      return Optional.of("key contains comma");
    }
    if (v.contains(",")) {
      return Optional.of("value contains comma");
    }
    if (k.equals("default")) {
      if (!v.startsWith("go") || !validGover(v.substring(2))) {
        return Optional.of("value for default= must be goVERSION");
      }
      GoVersion asked = GoVersion.parse(v);
      if (asked.compareIgnoringSuffix(toolchain.withoutSuffix()) > 0) {
        return Optional.of("default=" + v + " too new (toolchain is " + toolchain + ")");
      }
      return Optional.empty();
    }
    return history.rejects(toolchain, k);
  }
}
