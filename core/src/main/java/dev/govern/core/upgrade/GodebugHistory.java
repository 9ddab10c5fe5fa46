package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GODEBUG history govern carries ({@code godebug.tsv} beside this class, plain text so that
 * reading it needs no JSON parser): every setting with the release that introduced it, the go line
 * that changed its default, its old and new values, its removal and the APIs it affects.
 */
public final class GodebugHistory {
  private static final String RESOURCE = "godebug.tsv";
  private static final String HEADER =
      "name\tpackage\tpackages\tintroduced\ttableSince\tbackported\tchanged\told\tnew\tremoved"
          + "\tremoval\tafterRemoval\topaque\tmetric\tapis\tsummary";
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
        builtIn = parse(in, RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
    return builtIn;
  }

  /**
   * Parses the table: {@code #} comments, the header, then one setting per line, tab-separated;
   * lists are comma-separated, {@code -} is none.
   */
  static GodebugHistory parse(InputStream in, String name) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<GodebugSetting> out = new ArrayList<>();
    boolean header = true;
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        if (!line.equals(HEADER)) {
          throw new IllegalStateException(name + ":" + lineNo + ": unexpected header");
        }
        header = false;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 16) {
        throw new IllegalStateException(
            name + ":" + lineNo + ": expected 16 fields, found " + f.length);
      }
      out.add(
          new GodebugSetting(
              f[0],
              f[1],
              list(f[2]),
              GoVersion.parse(f[3]),
              text(f[4]).map(GoVersion::parse),
              list(f[5]).stream().map(GoVersion::parse).toList(),
              text(f[6]).map(GoVersion::parse),
              text(f[7]),
              text(f[8]),
              text(f[9]).map(GoVersion::parse),
              text(f[10]),
              text(f[11]),
              f[12].equals("yes"),
              text(f[13]),
              f[15],
              list(f[14])));
    }
    return new GodebugHistory(out);
  }

  private static Optional<String> text(String field) {
    return field.equals("-") ? Optional.empty() : Optional.of(field);
  }

  private static List<String> list(String field) {
    return field.equals("-") ? List.of() : Arrays.asList(field.split(","));
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
