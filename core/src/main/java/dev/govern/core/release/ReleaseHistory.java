package dev.govern.core.release;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Go release history: every release with its date and security flag. govern carries a compact
 * table of these facts ({@code releases.csv} beside this class) so that release and support
 * questions are answered offline; {@link #merge} adds newer facts, e.g. from the download index.
 */
public final class ReleaseHistory {
  private static final String RESOURCE = "releases.csv";

  private final List<ReleaseFact> releases;
  private final Map<GoVersion, ReleaseFact> byVersion;

  private ReleaseHistory(Collection<ReleaseFact> facts) {
    Map<GoVersion, ReleaseFact> map = new TreeMap<>();
    for (ReleaseFact f : facts) {
      map.put(f.version().withoutSuffix(), f);
    }
    this.byVersion = map;
    this.releases = List.copyOf(map.values());
  }

  /** A history of the given facts (a later fact for the same version wins). */
  public static ReleaseHistory of(Collection<ReleaseFact> facts) {
    return new ReleaseHistory(facts);
  }

  /** The table govern carries. */
  public static ReleaseHistory builtIn() {
    try (InputStream in = ReleaseHistory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parseCsv(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The day the carried table was taken (its {@code # as of YYYY-MM-DD} comment): releases after it
   * can only come from the download index.
   */
  public static LocalDate builtInAsOf() {
    try (InputStream in = ReleaseHistory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null && line.startsWith("#"); line = r.readLine()) {
        if (line.startsWith("# as of ")) {
          return LocalDate.parse(line.substring("# as of ".length()).split(" ", 2)[0]);
        }
      }
      throw new IllegalStateException(RESOURCE + " has no \"# as of\" line");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses a {@code version,date,security} table: {@code #} comments, one header line, an empty
   * date for a version never released, security {@code yes}/{@code no}.
   */
  public static ReleaseHistory parseCsv(InputStream in, String name) throws IOException {
    List<ReleaseFact> facts = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    boolean header = true;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        if (!s.equals("version,date,security")) {
          throw GovernException.invalidInput(
              name + ":" + lineNo + ": expected the header version,date,security");
        }
        continue;
      }
      String[] f = s.split(",", -1);
      if (f.length != 3 || !(f[2].equals("yes") || f[2].equals("no"))) {
        throw GovernException.invalidInput(
            name + ":" + lineNo + ": expected version,date,yes|no but found \"" + s + "\"");
      }
      try {
        Optional<LocalDate> date =
            f[1].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(f[1]));
        facts.add(new ReleaseFact(GoVersion.parse(f[0]), date, f[2].equals("yes")));
      } catch (DateTimeParseException | IllegalArgumentException | GovernException e) {
        throw GovernException.invalidInput(name + ":" + lineNo + ": " + e.getMessage());
      }
    }
    return new ReleaseHistory(facts);
  }

  /**
   * This history with {@code newer} added; a fact in {@code newer} replaces one for its version.
   */
  public ReleaseHistory merge(Collection<ReleaseFact> newer) {
    List<ReleaseFact> all = new ArrayList<>(releases);
    all.addAll(newer);
    return new ReleaseHistory(all);
  }

  /** Only what had been released on {@code date} (inclusive): the history as it was that day. */
  public ReleaseHistory asOf(LocalDate date) {
    return new ReleaseHistory(
        releases.stream().filter(f -> f.date().filter(d -> !d.isAfter(date)).isPresent()).toList());
  }

  /** Every fact in Go order, including versions tagged but never released. */
  public List<ReleaseFact> all() {
    return releases;
  }

  /** Published releases in Go order. */
  public List<ReleaseFact> published() {
    return releases.stream().filter(ReleaseFact::released).toList();
  }

  /** The fact about {@code version} (its suffix ignored), if it is a known release. */
  public Optional<ReleaseFact> find(GoVersion version) {
    return Optional.ofNullable(byVersion.get(version.withoutSuffix()));
  }

  /** The published lines, oldest first. A line appears once its first release is published. */
  public List<ReleaseLine> lines() {
    Map<String, List<ReleaseFact>> byLine = new LinkedHashMap<>();
    for (ReleaseFact f : published()) {
      byLine.computeIfAbsent(f.version().line(), k -> new ArrayList<>()).add(f);
    }
    List<ReleaseLine> out = new ArrayList<>();
    for (Map.Entry<String, List<ReleaseFact>> e : byLine.entrySet()) {
      if (e.getValue().get(0).major()) {
        out.add(new ReleaseLine(e.getKey(), e.getValue()));
      }
    }
    out.sort(Comparator.comparing(l -> l.first().version()));
    return out;
  }

  /** The published line {@code 1.N} of {@code version}, if any. */
  public Optional<ReleaseLine> line(GoVersion version) {
    String key = version.line();
    return lines().stream().filter(l -> l.line().equals(key)).findFirst();
  }

  /** The newest published release, if any. */
  public Optional<ReleaseFact> newest() {
    List<ReleaseFact> p = published();
    return p.isEmpty() ? Optional.empty() : Optional.of(p.get(p.size() - 1));
  }
}
