package dev.govern.core.evidence;

import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every statement a repository makes about its Go version: go.mod and go.work ({@code go}
 * and {@code toolchain} lines), {@code .go-version}, {@code .tool-versions}, Dockerfiles and GitHub
 * Actions {@code setup-go} steps (following {@code go-version-file}). Vendored and test data
 * folders are skipped.
 */
public final class RepositoryEvidence {
  private static final Set<String> SKIP =
      Set.of(".git", "vendor", "node_modules", "testdata", "target", ".hg", ".svn");
  private static final int MAX_DEPTH = 12;

  private RepositoryEvidence() {}

  /**
   * What a repository says: every version statement, in walk order, and the requirements of its
   * go.mod files (each file read once).
   */
  public record Found(List<VersionEvidence> evidence, List<ModuleRequirement> requirements) {}

  /** Walks {@code repo} once and reads every relevant file once. */
  public static Found scan(Path repo) {
    List<VersionEvidence> evidence = new ArrayList<>();
    List<ModuleRequirement> requirements = new ArrayList<>();
    for (Path f : relevantFiles(repo)) {
      if (isGoModOrWork(f)) {
        GoModEvidence.Facts facts = GoModEvidence.of(f);
        evidence.addAll(facts.evidence());
        requirements.addAll(facts.requirements());
      } else {
        evidence.addAll(read(f));
      }
    }
    return new Found(List.copyOf(evidence), List.copyOf(requirements));
  }

  private static boolean isGoModOrWork(Path f) {
    String n = f.getFileName().toString();
    return n.equals("go.mod") || n.equals("go.work");
  }

  /** The files that may say something about the Go version, sorted by path. */
  static List<Path> relevantFiles(Path repo) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          repo,
          EnumSet.noneOf(FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean keep = dir.equals(repo) || !SKIP.contains(n);
              return keep ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isRelevant(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + repo + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  /** Whether {@code file} is one of the files that state a Go version. */
  public static boolean isRelevant(Path file) {
    String n = file.getFileName().toString();
    return n.equals("go.mod")
        || n.equals("go.work")
        || n.equals(".go-version")
        || n.equals(".tool-versions")
        || DockerfileReader.isDockerfile(n)
        || SetupGoReader.isWorkflow(file);
  }

  /** The evidence of one relevant file. */
  public static List<VersionEvidence> read(Path f) {
    String n = f.getFileName().toString();
    if (isGoModOrWork(f)) {
      return GoModEvidence.of(f).evidence();
    }
    if (n.equals(".go-version") || n.equals(".tool-versions")) {
      return PinFileReader.read(f).map(List::of).orElse(List.of());
    }
    if (DockerfileReader.isDockerfile(n)) {
      return DockerfileReader.read(f);
    }
    SetupGoReader.Result r = SetupGoReader.read(f);
    List<VersionEvidence> out = new ArrayList<>(r.versions());
    Path repoRoot = f.getParent().getParent().getParent();
    for (SetupGoReader.VersionFileRef ref : r.versionFiles()) {
      Path target = repoRoot.resolve(ref.file()).normalize();
      if (!Files.isRegularFile(target) || !target.startsWith(repoRoot)) {
        continue;
      }
      List<VersionEvidence> named = read(target);
      boolean hasToolchain = named.stream().anyMatch(e -> e.kind() == EvidenceKind.TOOLCHAIN_LINE);
      for (VersionEvidence e : named) {
        if (hasToolchain && e.kind() == EvidenceKind.GO_LINE) {
          continue; // setup-go prefers the toolchain line
        }
        boolean lineOnly =
            e.kind() == EvidenceKind.GO_LINE
                && e.version().map(GoVersion::isLanguageVersion).orElse(false);
        // setup-go installs the version the file names: a CI pin, located at the workflow line
        out.add(
            new VersionEvidence(
                EvidenceKind.CI,
                f,
                ref.line(),
                e.text() + " (from " + ref.file() + ")",
                e.version(),
                e.floating() || lineOnly,
                false));
      }
    }
    return out;
  }
}
