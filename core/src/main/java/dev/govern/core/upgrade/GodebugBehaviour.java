package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.util.Map;

/**
 * The behaviour a program gets for one setting: the value it runs with, and why. Unlike the
 * DefaultGODEBUG string, this also covers what the string cannot say: a toolchain that does not
 * have the setting yet behaves the old way, one that removed it always behaves the new way.
 */
public final class GodebugBehaviour {
  private GodebugBehaviour() {}

  /**
   * A setting's value.
   *
   * @param value the value the program runs with ({@code 1}, {@code 0}, {@code 3000})
   * @param why why: {@code default for go 1.21}, {@code set by go.mod:7}, {@code not in go1.20},
   *     {@code removed in go1.27}
   */
  public record Value(String value, String why) {}

  /** The value of {@code s} in {@code state}; {@code compiled} is the state's default GODEBUG. */
  public static Value of(GodebugSetting s, BuildState state, Map<String, String> compiled) {
    GoVersion t = state.toolchain();
    String fallback = s.newValue().orElse("");
    if (s.removedBy(t)) {
      return new Value(
          s.afterRemoval().orElse(fallback), "removed in " + s.removed().orElseThrow());
    }
    if (!s.existsIn(t)) {
      return new Value(s.old().orElse(fallback), "not in " + t + " yet");
    }
    if (s.changed().isPresent() && t.lang().compareTo(s.changed().get().lang()) < 0) {
      // the toolchain predates the change: its default is still the old behaviour
      String v = compiled.getOrDefault(s.name(), s.old().orElse(fallback));
      return new Value(v, explicitly(s, state).orElse("default of " + t));
    }
    String set = compiled.get(s.name());
    if (set != null) {
      return new Value(set, explicitly(s, state).orElse("default for go " + followed(state)));
    }
    if (s.changed().isPresent() && t.minor() >= GoVersion.FIRST_LANGUAGE_VERSION_LINE) {
      return new Value(fallback, "default for go " + followed(state));
    }
    return new Value(fallback, "default");
  }

  private static java.util.Optional<String> explicitly(GodebugSetting s, BuildState state) {
    GodebugDirective found = null;
    for (GodebugDirective d : state.moduleLines()) {
      if (d.key().equals(s.name())) {
        found = d;
      }
    }
    for (GodebugDirective d : state.packageLines()) {
      if (d.key().equals(s.name())) {
        found = d;
      }
    }
    return java.util.Optional.ofNullable(found)
        .map(d -> d.line() > 0 ? "set by " + d.location() : "set in the binary");
  }

  private static String followed(BuildState state) {
    for (GodebugDirective d : state.moduleLines()) {
      if (d.key().equals("default")) {
        return d.value().substring(2) + " (" + d.text() + ")";
      }
    }
    return state.goVersion();
  }
}
