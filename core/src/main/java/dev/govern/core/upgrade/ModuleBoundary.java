package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.artifact.gomod.ModuleRef;
import dev.govern.core.artifact.gomod.Requirement;
import dev.govern.core.module.ModuleVersion;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The module upgrade boundary: the lowest go line the dependency graph allows. Every module in the
 * build list needs the main module's go line to be at least its own (Go refuses otherwise), so the
 * boundary is the highest go line among the modules whose go.mod Go loads, read from the module
 * cache ({@code GOMODCACHE/cache/download/<path>/@v/<version>.mod}). The graph is walked from the
 * main module's requirements with Go's minimal version selection (the highest required version of
 * each path wins) and Go's graph pruning: when the main module's go line is 1.17 or later, the
 * requirements of a dependency whose own go line is 1.17 or later are not followed. The main
 * module's replacements apply.
 */
public final class ModuleBoundary {
  /** Bounds the walk on a crafted or enormous graph. */
  static final int MAX_MODULES = 20_000;

  private ModuleBoundary() {}

  /** A selected module and what its go.mod says. */
  public record Dependency(
      String path,
      String version,
      Optional<String> goLine,
      Optional<String> replacedBy,
      boolean incompatible,
      boolean found) {
    public String id() {
      return path + "@" + version;
    }
  }

  /**
   * The boundary.
   *
   * @param lowestGoLine the highest go line among the dependencies (the lowest the main module may
   *     declare), if any dependency has one
   * @param forcedBy the dependencies with that go line
   * @param dependencies every selected module
   * @param modCache the module cache read
   */
  public record Boundary(
      Optional<GoVersion> lowestGoLine,
      List<Dependency> forcedBy,
      List<Dependency> dependencies,
      Path modCache) {

    /** Requirements that are {@code +incompatible} or replaced. */
    public List<Dependency> flagged() {
      return dependencies.stream()
          .filter(d -> d.incompatible() || d.replacedBy().isPresent())
          .toList();
    }

    /** Dependencies whose go.mod is not in the module cache. */
    public List<Dependency> missing() {
      return dependencies.stream().filter(d -> !d.found()).toList();
    }

    /** Whether the graph allows a main module go line of {@code line}. */
    public boolean allows(GoVersion line) {
      return lowestGoLine.map(b -> line.lang().compareTo(b.lang()) >= 0).orElse(true);
    }
  }

  /**
   * Computes the boundary of the module {@code goMod} at {@code moduleRoot} from {@code modCache}.
   */
  public static Boundary of(GoModFile goMod, Path moduleRoot, Path modCache) {
    Map<String, String> selected = new TreeMap<>();
    Map<String, Dependency> read = new TreeMap<>();
    Deque<Requirement> queue = new ArrayDeque<>(goMod.require());
    boolean pruned =
        Optional.ofNullable(goMod.go())
            .map(g -> g.version())
            .flatMap(ModuleBoundary::parse)
            .map(ModuleBoundary::prunes)
            .orElse(false);
    while (!queue.isEmpty()) {
      Requirement r = queue.removeFirst();
      if (r.path().equals(goMod.modulePath().orElse(null))) {
        continue;
      }
      String have = selected.get(r.path());
      if (have != null && ModuleVersion.compare(have, r.version()) >= 0) {
        continue;
      }
      if (selected.size() >= MAX_MODULES && have == null) {
        throw GovernException.invalidInput(
            "dependency graph of " + moduleRoot + " has more than " + MAX_MODULES + " modules");
      }
      selected.put(r.path(), r.version());
      Dependency d = dependency(goMod, moduleRoot, modCache, r.path(), r.version(), queue, pruned);
      read.put(r.path(), d);
    }
    List<Dependency> deps = new ArrayList<>(read.values());
    Optional<GoVersion> lowest = Optional.empty();
    for (Dependency d : deps) {
      Optional<GoVersion> g = d.goLine().flatMap(ModuleBoundary::parse);
      if (g.isPresent()
          && (lowest.isEmpty() || g.get().lang().compareTo(lowest.get().lang()) > 0)) {
        lowest = Optional.of(g.get().lang());
      }
    }
    final Optional<GoVersion> boundary = lowest;
    List<Dependency> forced =
        boundary.isEmpty()
            ? List.of()
            : deps.stream()
                .filter(
                    d ->
                        d.goLine()
                            .flatMap(ModuleBoundary::parse)
                            .map(g -> g.lang().equals(boundary.get()))
                            .orElse(false))
                .toList();
    return new Boundary(boundary, forced, deps, modCache);
  }

  /** Go 1.17 and later prune the module graph. */
  private static boolean prunes(GoVersion v) {
    return v.major() > 1 || v.minor() >= 17;
  }

  private static Optional<GoVersion> parse(String goLine) {
    try {
      return Optional.of(GoVersion.parse(goLine));
    } catch (GovernException e) {
      return Optional.empty();
    }
  }

  private static Dependency dependency(
      GoModFile main,
      Path moduleRoot,
      Path modCache,
      String path,
      String version,
      Deque<Requirement> queue,
      boolean pruned) {
    ModuleRef eff = main.effective(path, version);
    boolean replaced = !(eff.path().equals(path) && eff.version().equals(version));
    Optional<String> replacedBy = replaced ? Optional.of(eff.toString()) : Optional.empty();
    Path modFile =
        GoModParser.isDirectoryPath(eff.path())
            ? moduleRoot.resolve(eff.path()).resolve("go.mod")
            : modCache
                .resolve("cache/download")
                .resolve(escape(eff.path()))
                .resolve("@v")
                .resolve(escape(eff.version()) + ".mod");
    boolean incompatible = version.endsWith("+incompatible");
    if (!Files.isRegularFile(modFile)) {
      return new Dependency(path, version, Optional.empty(), replacedBy, incompatible, false);
    }
    GoModFile dep;
    try {
      dep = GoModParser.parseLax(modFile.toString(), Files.readAllBytes(modFile));
    } catch (IOException e) {
      throw GovernException.runtime(modFile + ": cannot read: " + e.getMessage(), e);
    }
    boolean depPruned =
        Optional.ofNullable(dep.go())
            .map(g -> g.version())
            .flatMap(ModuleBoundary::parse)
            .map(ModuleBoundary::prunes)
            .orElse(false);
    if (!pruned || !depPruned) {
      queue.addAll(dep.require());
    }
    return new Dependency(
        path,
        version,
        Optional.ofNullable(dep.go()).map(g -> g.version()),
        replacedBy,
        incompatible,
        true);
  }

  /**
   * Go's module.EscapePath / EscapeVersion: an upper-case letter becomes {@code !} + lower case.
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b.append('!').append((char) (c + ('a' - 'A')));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
