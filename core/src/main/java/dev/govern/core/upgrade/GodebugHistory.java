package dev.govern.core.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GODEBUG history govern carries ({@code godebug.json} beside this class): every setting with
 * the release that introduced it, the go line that changed its default, its old and new values, its
 * removal and the APIs it affects.
 */
public final class GodebugHistory {
  private static final String RESOURCE = "godebug.json";
  private static GodebugHistory builtIn;

  private final Map<String, GodebugSetting> byName;

  private GodebugHistory(List<GodebugSetting> settings) {
    Map<String, GodebugSetting> m = new TreeMap<>();
    for (GodebugSetting s : settings) {
      m.put(s.name(), s);
    }
    this.byName = Collections.unmodifiableMap(m);
  }

  public static GodebugHistory of(List<GodebugSetting> settings) {
    return new GodebugHistory(settings);
  }

  /** The history govern carries. */
  public static synchronized GodebugHistory builtIn() {
    if (builtIn == null) {
      try (InputStream in = GodebugHistory.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        builtIn = parse(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
    return builtIn;
  }

  static GodebugHistory parse(JsonNode doc) {
    List<GodebugSetting> out = new ArrayList<>();
    for (JsonNode s : doc.path("settings")) {
      out.add(
          new GodebugSetting(
              s.path("name").asText(),
              s.path("package").asText(),
              strings(s.path("packages")),
              GoVersion.parse(s.path("introduced").asText()),
              version(s.path("tableSince")),
              strings(s.path("backported")).stream().map(GoVersion::parse).toList(),
              version(s.path("changed")),
              text(s.path("old")),
              text(s.path("new")),
              version(s.path("removed")),
              text(s.path("removal")),
              s.path("opaque").asBoolean(),
              text(s.path("metric")),
              s.path("summary").asText(),
              strings(s.path("apis"))));
    }
    return new GodebugHistory(out);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static Optional<GoVersion> version(JsonNode n) {
    return text(n).map(GoVersion::parse);
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** Every setting, by name. */
  public List<GodebugSetting> all() {
    return List.copyOf(byName.values());
  }

  public Optional<GodebugSetting> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The settings the table of toolchain {@code t} lists, by name. */
  public Map<String, GodebugSetting> table(GoVersion t) {
    Map<String, GodebugSetting> m = new LinkedHashMap<>();
    for (GodebugSetting s : byName.values()) {
      if (s.inTable(t)) {
        m.put(s.name(), s);
      }
    }
    return m;
  }

  /**
   * What the go command of toolchain {@code t} says about a {@code //go:debug} or {@code godebug}
   * key: empty when it accepts it, else the reason it stops the build (unknown or removed).
   */
  public Optional<String> rejects(GoVersion t, String key) {
    if (key.equals("default") || find(key).map(s -> s.inTable(t)).orElse(false)) {
      return Optional.empty();
    }
    Optional<GodebugSetting> s = find(key);
    if (s.isPresent() && s.get().removedBy(t)) {
      return Optional.of("removed in " + s.get().removed().orElseThrow());
    }
    return Optional.of("unknown to " + t);
  }
}
