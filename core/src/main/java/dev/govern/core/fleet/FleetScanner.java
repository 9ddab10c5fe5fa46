package dev.govern.core.fleet;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.artifact.binary.NotAGoBinaryException;
import dev.govern.core.evidence.EffectiveVersion;
import dev.govern.core.evidence.EvidenceKind;
import dev.govern.core.evidence.GoModEvidence;
import dev.govern.core.evidence.ModuleRequirement;
import dev.govern.core.evidence.RepositoryEvidence;
import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.facts.Advisory;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.gate.UpgradeTarget;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scans source trees, build outputs and container images for Go services: repositories by their
 * go.mod and version files, Go binaries by their content, images saved with {@code docker save} or
 * as OCI layouts. One walker finds the files; a bounded pool reads candidate binaries and images.
 * Symbolic links are not followed, so link loops cannot trap the walk.
 */
public final class FleetScanner {
  private static final Set<String> SKIP_DIRS =
      Set.of(".git", "node_modules", ".hg", ".svn", "testdata");
  private static final long MIN_BINARY = 1024;

  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final EffectivePolicy policy;
  private final ClassRules classes;
  private final LocalDate asOf;
  private final int threads;
  private final Path scratch;
  private final Clock clock;
  private final ConditionFinder conditions;
  private final UpgradeTarget upgrades;

  public FleetScanner(
      ReleaseFacts releases,
      VulnFacts vulns,
      EffectivePolicy policy,
      ClassRules classes,
      LocalDate asOf,
      int threads,
      Path scratch,
      Clock clock) {
    this.releases = releases;
    this.vulns = new dev.govern.core.facts.CachingVulnFacts(vulns);
    this.policy = policy;
    this.classes = classes;
    this.asOf = asOf;
    this.threads = Math.max(1, threads);
    this.scratch = scratch;
    this.clock = clock;
    this.conditions = new ConditionFinder(releases, this.vulns, policy, asOf);
    this.upgrades = new UpgradeTarget(releases, this.vulns, policy, asOf);
  }

  /** Progress: files seen so far and Go binaries found so far. */
  public record Progress(long files, long binaries) {}

  /** A Go binary found on disk or in an image, or running ({@code running} says how). */
  private record FoundBinary(
      Path file, String image, String pathInImage, BuildInfo info, String running) {
    FoundBinary(Path file, String image, String pathInImage, BuildInfo info) {
      this(file, image, pathInImage, info, null);
    }
  }

  /**
   * A Go binary known from elsewhere, such as a running process.
   *
   * @param file the executable
   * @param running how it runs, e.g. {@code running as pid 12, 40}
   * @param info its build info
   */
  public record RunningBinary(Path file, String running, BuildInfo info) {}

  /** Everything the walk found, before grouping into services. */
  private static final class Findings {
    final List<Path> moduleRoots = new ArrayList<>();
    final List<Path> repoRoots = new ArrayList<>();
    final List<Path> evidenceFiles = new ArrayList<>();
    final ConcurrentLinkedQueue<FoundBinary> binaries = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    final AtomicLong files = new AtomicLong();
  }

  public Inventory scan(List<Path> roots, Consumer<Progress> progress) {
    return scan(roots, List.of(), progress);
  }

  /** Scans {@code roots} and adds {@code running} binaries (e.g. this host's processes). */
  public Inventory scan(
      List<Path> roots, List<RunningBinary> running, Consumer<Progress> progress) {
    Findings f = new Findings();
    for (RunningBinary r : running) {
      f.binaries.add(new FoundBinary(r.file(), null, null, r.info(), r.running()));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "govern-scan");
              t.setDaemon(true);
              return t;
            });
    List<Future<?>> work = new ArrayList<>();
    try {
      for (Path root : roots) {
        Path r = root.toAbsolutePath().normalize();
        if (!Files.exists(r)) {
          throw GovernException.notFound("no such file or directory: " + root, null);
        }
        walk(r, f, pool, work, progress);
      }
      for (Future<?> w : work) {
        try {
          w.get();
        } catch (java.util.concurrent.ExecutionException e) {
          f.problems.add(String.valueOf(e.getCause().getMessage()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GovernException.runtime("scan interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    progress.accept(new Progress(f.files.get(), f.binaries.size()));
    List<Service> services = group(f);
    List<String> problems = new ArrayList<>(f.problems);
    problems.sort(null);
    return new Inventory(clock.instant(), rootNames(roots, running), services, problems);
  }

  private static List<String> rootNames(List<Path> roots, List<RunningBinary> running) {
    List<String> names = new ArrayList<>(roots.stream().map(Path::toString).toList());
    if (!running.isEmpty()) {
      names.add("running processes");
    }
    return names;
  }

  private void walk(
      Path root,
      Findings f,
      ExecutorService pool,
      List<Future<?>> work,
      Consumer<Progress> progress) {
    if (Files.isRegularFile(root)) {
      consider(root, f, pool, work);
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && SKIP_DIRS.contains(n)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (Files.exists(dir.resolve(".git"))) {
                f.repoRoots.add(dir);
              }
              if (ImageReader.isOciLayout(dir)) {
                work.add(
                    pool.submit(
                        () -> images(() -> ImageReader.fromOciLayout(dir, scratch), dir, f)));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                long n = f.files.incrementAndGet();
                if (n % 5000 == 0) {
                  progress.accept(new Progress(n, f.binaries.size()));
                }
                consider(file, f, pool, work);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              f.problems.add(file + ": cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
    }
  }

  private void consider(Path file, Findings f, ExecutorService pool, List<Future<?>> work) {
    String name = file.getFileName().toString();
    if (name.equals("go.mod") && !file.toString().contains("/vendor/")) {
      f.moduleRoots.add(file.getParent());
    }
    if (RepositoryEvidence.isRelevant(file)) {
      f.evidenceFiles.add(file);
      return;
    }
    if (name.endsWith(".tar")) {
      work.add(
          pool.submit(
              () -> {
                if (ImageReader.looksLikeImageTar(file)) {
                  images(() -> ImageReader.fromTarball(file, scratch), file, f);
                }
              }));
      return;
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      f.problems.add(file + ": cannot read: " + e.getMessage());
      return;
    }
    if (size >= MIN_BINARY) {
      work.add(pool.submit(() -> binary(file, f)));
    }
  }

  private static void binary(Path file, Findings f) {
    try (GoBinary bin = GoBinary.open(file, file.toString())) {
      f.binaries.add(new FoundBinary(file, null, null, bin.buildInfo()));
    } catch (NotAGoBinaryException e) {
      if (e.isGoEvidence()) {
        f.problems.add(e.getMessage());
      }
    } catch (GovernException | UncheckedIOException e) {
      f.problems.add(file + ": " + e.getMessage());
    }
  }

  private static void images(
      java.util.function.Supplier<List<ImageReader.ImageBinary>> read, Path where, Findings f) {
    try {
      for (ImageReader.ImageBinary b : read.get()) {
        f.binaries.add(new FoundBinary(where, b.image(), b.path(), b.info()));
      }
    } catch (GovernException | UncheckedIOException e) {
      f.problems.add(where + ": " + e.getMessage());
    }
  }

  // ---- grouping -------------------------------------------------------------------------------

  /** A service being assembled. */
  private static final class Builder {
    final String name;
    final Path root;
    final List<ModuleRequirement> requirements = new ArrayList<>();
    final List<VersionEvidence> evidence = new ArrayList<>();
    final List<BuildInfo> binaries = new ArrayList<>();

    Builder(String name, Path root) {
      this.name = name;
      this.root = root;
    }
  }

  private List<Service> group(Findings f) {
    Map<Path, Builder> byRoot = new TreeMap<>();
    Map<String, Builder> byModule = new HashMap<>();
    for (Path root : f.moduleRoots) {
      Path goMod = root.resolve("go.mod");
      String name = root.toString();
      GoModEvidence.Facts facts = null;
      try {
        facts = GoModEvidence.of(goMod);
        name = facts.modulePath().orElse(name);
      } catch (GovernException e) {
        f.problems.add(e.getMessage());
      }
      Builder b = new Builder(name, root);
      if (facts != null) {
        b.evidence.addAll(facts.evidence());
        b.requirements.addAll(facts.requirements());
      }
      byRoot.put(root, b);
      byModule.putIfAbsent(name, b);
    }
    for (Path file : f.evidenceFiles) {
      Builder b = owner(file, byRoot, f.repoRoots);
      if (b == null || b.root.resolve("go.mod").equals(file)) {
        continue; // a module's own go.mod was read when the module was named
      }
      try {
        b.evidence.addAll(RepositoryEvidence.read(file));
      } catch (GovernException | UncheckedIOException e) {
        f.problems.add(e.getMessage());
      }
    }
    Map<String, Builder> services = new LinkedHashMap<>();
    byRoot.values().forEach(b -> services.put(b.root.toString(), b));
    List<FoundBinary> found = new ArrayList<>(f.binaries);
    found.sort(
        Comparator.comparing((FoundBinary b) -> b.file().toString())
            .thenComparing(b -> String.valueOf(b.pathInImage())));
    for (FoundBinary fb : found) {
      String module =
          fb.info()
              .mainModule()
              .map(ModuleInfo::path)
              .filter(p -> !p.isEmpty())
              .orElse(fb.info().path());
      Builder b = byModule.get(module);
      if (b == null) {
        String name =
            fb.image() != null
                ? fb.image() + ":" + fb.pathInImage()
                : fb.running() != null
                    ? fb.file() + " " + fb.running()
                    : fb.file().getFileName().toString();
        b = new Builder(module.isEmpty() ? name : module + " (" + name + ")", fb.file());
        services.put(fb.file() + "|" + fb.pathInImage(), b);
      }
      Optional<GoVersion> v = fb.info().goRelease();
      EvidenceKind kind = fb.image() != null ? EvidenceKind.IMAGE : EvidenceKind.BINARY;
      String text =
          fb.info().goVersion()
              + (fb.image() != null ? " in " + fb.image() + ":" + fb.pathInImage() : "")
              + (fb.running() != null ? " " + fb.running() : "");
      b.evidence.add(new VersionEvidence(kind, fb.file(), 0, text, v, false, false));
      b.binaries.add(fb.info());
    }
    Map<Path, Optional<CodeOwners>> owners = new HashMap<>();
    List<Service> out = new ArrayList<>();
    for (Builder b : services.values()) {
      out.add(classify(b, ownerOf(b.root, f.repoRoots, owners)));
    }
    return out;
  }

  /**
   * The module whose root is the nearest ancestor of {@code file}, else the single module of its
   * repository.
   */
  private static Builder owner(Path file, Map<Path, Builder> byRoot, List<Path> repoRoots) {
    for (Path d = file.getParent(); d != null; d = d.getParent()) {
      Builder b = byRoot.get(d);
      if (b != null) {
        return b;
      }
    }
    Path repo = nearest(file, repoRoots);
    if (repo == null) {
      return null;
    }
    List<Builder> inRepo = byRoot.values().stream().filter(b -> b.root.startsWith(repo)).toList();
    return inRepo.size() == 1 ? inRepo.get(0) : null;
  }

  private static Path nearest(Path file, List<Path> roots) {
    Path best = null;
    for (Path r : roots) {
      if (file.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) {
        best = r;
      }
    }
    return best;
  }

  private static Optional<String> ownerOf(
      Path root, List<Path> repoRoots, Map<Path, Optional<CodeOwners>> cache) {
    Path repo = nearest(root, repoRoots);
    if (repo == null) {
      return Optional.empty();
    }
    Optional<CodeOwners> co = cache.computeIfAbsent(repo, CodeOwners::of);
    String rel = repo.relativize(root).toString();
    return co.flatMap(c -> c.owners(rel.isEmpty() ? "." : rel));
  }

  private Service classify(Builder b, Optional<String> owner) {
    List<VersionEvidence> evidence = new ArrayList<>(b.evidence);
    evidence.sort(
        Comparator.comparingInt((VersionEvidence e) -> -e.kind().confidence())
            .thenComparing(VersionEvidence::location));
    Optional<VersionEvidence> from = EffectiveVersion.strongest(evidence, releases);
    Optional<GoVersion> effective = from.flatMap(e -> EffectiveVersion.of(e, releases));
    List<Advisory> moduleAdvisories = new ArrayList<>();
    if (!b.binaries.isEmpty()) {
      for (BuildInfo info : b.binaries) {
        for (ModuleInfo d : info.deps()) {
          ModuleInfo eff = d.effective();
          moduleAdvisories.addAll(vulns.module(eff.path(), eff.version()));
        }
      }
    } else {
      for (ModuleRequirement r : b.requirements) {
        if (!r.version().isEmpty()) {
          moduleAdvisories.addAll(vulns.module(r.path(), r.version()));
        }
      }
    }
    List<String> stdlib = effective.map(v -> ids(vulns.stdlib(v))).orElse(List.of());
    List<String> toolchain = effective.map(v -> ids(vulns.toolchain(v))).orElse(List.of());
    ClassRules.Verdict verdict =
        classes.classify(conditions.conditions(effective, moduleAdvisories));
    return new Service(
        b.name,
        b.root,
        owner,
        List.copyOf(evidence),
        effective,
        from,
        effective.map(v -> releases.supported(v, asOf)).orElse(false),
        stdlib,
        toolchain,
        ids(moduleAdvisories),
        verdict.riskClass(),
        verdict.because(),
        effective.flatMap(v -> upgrades.from(v).filter(t -> t.compareIgnoringSuffix(v) > 0)));
  }

  private static List<String> ids(List<Advisory> list) {
    return list.stream().map(Advisory::id).distinct().sorted().toList();
  }
}
