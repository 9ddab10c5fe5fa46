package dev.govern.core.vuln;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded vulnerability database: every entry, indexed by id and by affected module.
 *
 * @see VulnDbLoader
 */
public final class VulnDatabase {
  /** The module name the Go database uses for the standard library. */
  public static final String STDLIB = "stdlib";

  /** The module name the Go database uses for the go command, compiler, linker and cgo. */
  public static final String TOOLCHAIN = "toolchain";

  private final Map<String, OsvEntry> byId;
  private final Map<String, List<Hit>> byModule;
  private final Optional<Instant> modified;

  /** One entry's statement about one module. */
  record Hit(OsvEntry entry, AffectedModule affected) {}

  private VulnDatabase(Collection<OsvEntry> entries, Optional<Instant> modified) {
    Map<String, OsvEntry> ids = new HashMap<>();
    Map<String, List<Hit>> modules = new HashMap<>();
    List<OsvEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(OsvEntry::id));
    for (OsvEntry e : sorted) {
      ids.put(e.id(), e);
      for (AffectedModule a : e.affected()) {
        modules.computeIfAbsent(a.module(), k -> new ArrayList<>()).add(new Hit(e, a));
      }
    }
    this.byId = ids;
    this.byModule = modules;
    this.modified = modified;
  }

  /**
   * A database of {@code entries}. Its modified time is {@code modified} when given, else the
   * newest modified time of an entry (empty when every entry has the zero time).
   */
  public static VulnDatabase of(Collection<OsvEntry> entries, Optional<Instant> modified) {
    Optional<Instant> m =
        modified.isPresent()
            ? modified
            : entries.stream()
                .map(OsvEntry::modified)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    return new VulnDatabase(entries, m);
  }

  public int size() {
    return byId.size();
  }

  /** When the database last changed, if known. */
  public Optional<Instant> modified() {
    return modified;
  }

  public Optional<OsvEntry> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every entry, sorted by id. */
  public List<OsvEntry> entries() {
    return byId.values().stream().sorted(Comparator.comparing(OsvEntry::id)).toList();
  }

  /** Number of distinct modules named by entries. */
  public int moduleCount() {
    return byModule.size();
  }

  List<Hit> hits(String module) {
    return byModule.getOrDefault(module, List.of());
  }
}
