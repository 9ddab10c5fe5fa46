package dev.govern.core.vuln;

import dev.govern.core.version.GoVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Matches versions against the database with OSV semantics. Go versions are mapped to the
 * database's semver form ({@code go1.21.3} → {@code 1.21.3}, {@code go1.21rc1} → {@code
 * 1.21.0-rc.1}, {@code go1.9} → {@code 1.9.0}); module versions are compared as semver with build
 * metadata such as {@code +incompatible} ignored. Withdrawn entries never match.
 */
public final class VulnMatcher {
  private final VulnDatabase db;

  public VulnMatcher(VulnDatabase db) {
    this.db = db;
  }

  public VulnDatabase database() {
    return db;
  }

  /** Entries affecting the standard library of Go {@code version}. */
  public List<Finding> stdlib(GoVersion version) {
    return match(VulnDatabase.STDLIB, version.toSemver(), version.toString());
  }

  /** Entries affecting the toolchain (go command, compiler, linker, cgo) of Go {@code version}. */
  public List<Finding> toolchain(GoVersion version) {
    return match(VulnDatabase.TOOLCHAIN, version.toSemver(), version.toString());
  }

  /** Stdlib and toolchain findings of one Go version. */
  public GoFindings go(GoVersion version) {
    return new GoFindings(version, stdlib(version), toolchain(version));
  }

  /**
   * Entries affecting module {@code path} at {@code version} ({@code v1.2.3}, a pseudo-version, or
   * {@code v2.0.0+incompatible}). A missing version or {@code (devel)} matches nothing.
   */
  public List<Finding> module(String path, String version) {
    if (version == null || version.isBlank() || version.equals("(devel)")) {
      return List.of();
    }
    return match(path, version, version);
  }

  /**
   * The findings of one Go version.
   *
   * @param version the version matched
   * @param stdlib findings in the standard library
   * @param toolchain findings in the toolchain
   */
  public record GoFindings(GoVersion version, List<Finding> stdlib, List<Finding> toolchain) {
    public GoFindings {
      stdlib = List.copyOf(stdlib);
      toolchain = List.copyOf(toolchain);
    }

    /** The ids of both lists, sorted and without duplicates. */
    public List<String> ids() {
      TreeSet<String> ids = new TreeSet<>();
      stdlib.forEach(f -> ids.add(f.id()));
      toolchain.forEach(f -> ids.add(f.id()));
      return List.copyOf(ids);
    }
  }

  private List<Finding> match(String module, String semverText, String shown) {
    OsvSemver v = OsvSemver.parse(semverText);
    List<VulnDatabase.Hit> hits = db.hits(module);
    List<Finding> out = new ArrayList<>();
    // the hits of one entry are adjacent (the database indexes entry by entry)
    for (int i = 0; i < hits.size(); ) {
      OsvEntry entry = hits.get(i).entry();
      int end = i;
      while (end < hits.size() && hits.get(end).entry() == entry) {
        end++;
      }
      if (!entry.isWithdrawn()) {
        List<AffectedModule> matched = null;
        for (int k = i; k < end; k++) {
          AffectedModule a = hits.get(k).affected();
          if (a.affects(v)) {
            if (matched == null) {
              matched = new ArrayList<>(2);
            }
            matched.add(a);
          }
        }
        if (matched != null) {
          out.add(
              new Finding(entry, module, shown, packagesOf(matched), fixedFor(entry, module, v)));
        }
      }
      i = end;
    }
    return out;
  }

  private static List<AffectedPackage> packagesOf(List<AffectedModule> matched) {
    if (matched.size() == 1) {
      return matched.get(0).packages();
    }
    List<AffectedPackage> all = new ArrayList<>();
    matched.forEach(a -> all.addAll(a.packages()));
    return dedupe(all);
  }

  /** The lowest fixed version above {@code v} that no element of the entry still affects. */
  private static Optional<String> fixedFor(OsvEntry entry, String module, OsvSemver v) {
    // common case first: the lowest fix above v, if no element of the entry affects it
    OsvRange.Event lowest = null;
    for (AffectedModule a : entry.affected()) {
      if (a.module().equals(module)) {
        for (OsvRange r : a.ranges()) {
          for (OsvRange.Event e : r.events()) {
            if (e.kind() == OsvRange.Kind.FIXED
                && e.semver().compareTo(v) > 0
                && (lowest == null || e.semver().compareTo(lowest.semver()) < 0)) {
              lowest = e;
            }
          }
        }
      }
    }
    if (lowest == null) {
      return Optional.empty();
    }
    if (!affectedBy(entry, module, lowest.semver())) {
      return Optional.of(lowest.version());
    }
    // a later element re-introduced the bug at that fix: try the higher fixes in order
    List<OsvRange.Event> fixes = new ArrayList<>();
    for (AffectedModule a : entry.affected()) {
      if (a.module().equals(module)) {
        for (OsvRange r : a.ranges()) {
          for (OsvRange.Event e : r.events()) {
            if (e.kind() == OsvRange.Kind.FIXED && e.semver().compareTo(lowest.semver()) > 0) {
              fixes.add(e);
            }
          }
        }
      }
    }
    fixes.sort((x, y) -> x.semver().compareTo(y.semver()));
    for (OsvRange.Event f : fixes) {
      if (!affectedBy(entry, module, f.semver())) {
        return Optional.of(f.version());
      }
    }
    return Optional.empty();
  }

  private static boolean affectedBy(OsvEntry entry, String module, OsvSemver v) {
    for (AffectedModule a : entry.affected()) {
      if (a.module().equals(module) && a.affects(v)) {
        return true;
      }
    }
    return false;
  }

  private static List<AffectedPackage> dedupe(List<AffectedPackage> packages) {
    Map<String, AffectedPackage> byPath = new LinkedHashMap<>();
    for (AffectedPackage p : packages) {
      String key = p.path() + "|" + p.goos() + "|" + p.goarch();
      AffectedPackage old = byPath.get(key);
      if (old == null) {
        byPath.put(key, p);
      } else {
        TreeSet<String> symbols = new TreeSet<>(old.symbols());
        symbols.addAll(p.symbols());
        List<String> merged =
            old.symbols().isEmpty() || p.symbols().isEmpty() ? List.of() : List.copyOf(symbols);
        byPath.put(key, new AffectedPackage(p.path(), merged, p.goos(), p.goarch()));
      }
    }
    return List.copyOf(byPath.values());
  }
}
