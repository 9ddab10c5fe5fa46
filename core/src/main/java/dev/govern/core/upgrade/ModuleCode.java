package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.artifact.gomod.GoWorkFile;
import dev.govern.core.artifact.gomod.Godebug;
import dev.govern.core.artifact.gomod.PathDirective;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Go module read from disk for upgrade analysis: its go.mod, the go.work that governs it (if
 * any), and the header of every Go file Go would consider, folder by folder. Test files, {@code
 * testdata}, {@code vendor}, folders starting with {@code _} or {@code .} and nested modules are
 * skipped, as {@code ./...} does.
 *
 * @param root the module folder
 * @param goModPath its go.mod
 * @param goMod the parsed go.mod
 * @param workPath the go.work in effect, if the module is in a workspace
 * @param work the parsed go.work, if any
 * @param folders folder → its Go files (not tests), sorted by name; folders sorted
 * @param problems files that could not be read (each names the file and why), workspace notes
 */
public record ModuleCode(
    Path root,
    Path goModPath,
    GoModFile goMod,
    Optional<Path> workPath,
    Optional<GoWorkFile> work,
    Map<Path, List<SourceFile>> folders,
    List<String> problems) {

  /** Largest Go file read (generated files can be big; bigger ones are skipped and reported). */
  public static final long MAX_FILE = 64L * 1024 * 1024;

  private static final int HEADER_PREFIX = 64 * 1024;

  /**
   * Reads the module in {@code dir}.
   *
   * @param goworkEnv the GOWORK variable ({@code off}, a file, or null/empty to search upwards)
   */
  public static ModuleCode load(Path dir, String goworkEnv) {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw GovernException.notFound("no such directory: " + dir, null);
    }
    Path goModPath = root.resolve("go.mod");
    if (!Files.isRegularFile(goModPath)) {
      throw GovernException.notFound(
          "no go.mod in " + dir, "give a module folder (with go.mod) or a Go binary");
    }
    GoModFile goMod = GoModParser.read(goModPath);
    List<String> problems = new ArrayList<>();
    Optional<Path> workPath = findWork(root, goworkEnv);
    Optional<GoWorkFile> work = Optional.empty();
    if (workPath.isPresent()) {
      GoWorkFile w = GoModParser.readWork(workPath.get());
      if (uses(workPath.get(), w, root)) {
        work = Optional.of(w);
      } else {
        problems.add(
            workPath.get()
                + " does not use "
                + root
                + "; the go.work is ignored (Go would refuse)");
        workPath = Optional.empty();
      }
    }
    Map<Path, List<SourceFile>> folders = new TreeMap<>();
    walk(root, folders, problems);
    return new ModuleCode(root, goModPath, goMod, workPath, work, folders, List.copyOf(problems));
  }

  private static Optional<Path> findWork(Path root, String env) {
    if (env != null && env.equals("off")) {
      return Optional.empty();
    }
    if (env != null && !env.isEmpty()) {
      Path p = Path.of(env);
      if (!Files.isRegularFile(p)) {
        throw GovernException.notFound("GOWORK names " + env + ", which does not exist", null);
      }
      return Optional.of(p.toAbsolutePath().normalize());
    }
    for (Path d = root; d != null; d = d.getParent()) {
      Path w = d.resolve("go.work");
      if (Files.isRegularFile(w)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private static boolean uses(Path workFile, GoWorkFile w, Path root) {
    Path base = workFile.getParent();
    for (PathDirective u : w.use()) {
      if (base.resolve(u.path()).toAbsolutePath().normalize().equals(root)) {
        return true;
      }
    }
    return false;
  }

  private static void walk(Path root, Map<Path, List<SourceFile>> folders, List<String> problems) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (d.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String n = d.getFileName().toString();
              if (n.startsWith(".")
                  || n.startsWith("_")
                  || n.equals("testdata")
                  || n.equals("vendor")
                  || Files.isRegularFile(d.resolve("go.mod"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String n = f.getFileName().toString();
              if (attrs.isRegularFile()
                  && n.endsWith(".go")
                  && !n.endsWith("_test.go")
                  && !n.startsWith(".")
                  && !n.startsWith("_")) {
                read(f, attrs.size(), problems)
                    .ifPresent(
                        s -> folders.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(s));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              problems.add(f + ": cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
    }
    folders.values().forEach(l -> l.sort(Comparator.comparing(SourceFile::fileName)));
  }

  /**
   * Reads a file's header: the first 64 KiB, and the whole file only when the imports run past
   * that.
   */
  static Optional<SourceFile> read(Path f, long size, List<String> problems) {
    if (size > MAX_FILE) {
      problems.add(f + ": skipped, larger than " + MAX_FILE + " bytes");
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(f)) {
      byte[] head = in.readNBytes(HEADER_PREFIX);
      try {
        return Optional.of(new SourceFile(f, GoFileHeaderParser.parse(f.toString(), head)));
      } catch (GovernException e) {
        if (head.length < HEADER_PREFIX) {
          problems.add(e.getMessage());
          return Optional.empty();
        }
      }
      byte[] rest = in.readNBytes((int) Math.min(MAX_FILE, Math.max(0, size - head.length)) + 1);
      byte[] all = new byte[head.length + rest.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      return Optional.of(new SourceFile(f, GoFileHeaderParser.parse(f.toString(), all)));
    } catch (GovernException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      problems.add(f + ": cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The module path (empty when go.mod has no module line). */
  public String modulePath() {
    return goMod.modulePath().orElse("");
  }

  /** Whether the go.work decides the go version and godebug lines. */
  public boolean inWorkspace() {
    return work.isPresent();
  }

  /** The go version the defaults follow, as written (Go's defaults when there is no go line). */
  public String goVersion() {
    if (work.isPresent()) {
      return work.get().go() == null ? DefaultGodebug.NO_GO_LINE_WORK : work.get().go().version();
    }
    return goMod.go() == null ? DefaultGodebug.NO_GO_LINE_MOD : goMod.go().version();
  }

  /** Where the go version comes from ({@code go.mod:3}, or a note that there is no go line). */
  public String goVersionSource() {
    if (work.isPresent()) {
      return work.get().go() == null
          ? workPath.orElseThrow() + " (no go line)"
          : workPath.orElseThrow() + ":" + work.get().go().line();
    }
    return goMod.go() == null ? goModPath + " (no go line)" : goModPath + ":" + goMod.go().line();
  }

  /** The {@code godebug} lines that apply: go.work's in a workspace, else go.mod's. */
  public List<GodebugDirective> moduleGodebug() {
    if (work.isPresent()) {
      return directives(work.get().godebug(), GodebugDirective.Origin.GO_WORK, workPath.get());
    }
    return directives(goMod.godebug(), GodebugDirective.Origin.GO_MOD, goModPath);
  }

  /** go.mod's own {@code godebug} lines, ignored in a workspace (Go reads go.work's). */
  public List<GodebugDirective> goModGodebug() {
    return directives(goMod.godebug(), GodebugDirective.Origin.GO_MOD, goModPath);
  }

  private static List<GodebugDirective> directives(
      List<Godebug> lines, GodebugDirective.Origin origin, Path file) {
    return lines.stream()
        .map(g -> new GodebugDirective(g.key(), g.value(), origin, file, g.line()))
        .toList();
  }

  /** The packages Go builds for {@code ctx}, sorted by import path. */
  public List<GoPackage> packages(BuildContext ctx) {
    return GoPackages.of(this, ctx);
  }

  /** How many Go files were read. */
  public int fileCount() {
    return folders.values().stream().mapToInt(List::size).sum();
  }
}
