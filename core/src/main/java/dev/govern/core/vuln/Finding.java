package dev.govern.core.vuln;

import java.util.List;
import java.util.Optional;

/**
 * One database entry that affects one module at one version.
 *
 * @param entry the entry
 * @param module the module ({@code stdlib}, {@code toolchain} or a module path)
 * @param version the version that was matched, as given
 * @param packages the vulnerable packages of every affected element that matched
 * @param fixed the lowest version above {@code version} that the entry no longer affects, if any
 */
public record Finding(
    OsvEntry entry,
    String module,
    String version,
    List<AffectedPackage> packages,
    Optional<String> fixed) {
  public Finding {
    packages = List.copyOf(packages);
  }

  public String id() {
    return entry.id();
  }

  /** True for the standard library compiled into programs. */
  public boolean isStdlib() {
    return module.equals(VulnDatabase.STDLIB);
  }

  /** True for the go command, compiler, linker and cgo: a build-machine risk. */
  public boolean isToolchain() {
    return module.equals(VulnDatabase.TOOLCHAIN);
  }

  /**
   * Whether the finding applies on {@code goos}/{@code goarch} (null means any): true when it names
   * no packages or at least one of its packages is vulnerable there.
   */
  public boolean appliesTo(String goos, String goarch) {
    return packages.isEmpty() || packages.stream().anyMatch(p -> p.appliesTo(goos, goarch));
  }

  /** The import paths named, in database order. */
  public List<String> packagePaths() {
    return packages.stream().map(AffectedPackage::path).distinct().toList();
  }

  /**
   * Whether a vulnerable symbol is linked into a binary with these functions: {@code YES} when any
   * vulnerable function is present, {@code NO} when the table shows none, {@code UNKNOWN} when the
   * table cannot tell or the entry names no packages. A package listed without symbols is
   * vulnerable as a whole, so any function of it counts. Toolchain findings are never linked into
   * programs, so they are {@code UNKNOWN} here (they concern the build machine).
   */
  public Linked linked(LinkedFunctions functions) {
    if (isToolchain() || packages.isEmpty()) {
      return Linked.UNKNOWN;
    }
    Linked answer = Linked.NO;
    for (AffectedPackage p : packages) {
      if (p.symbols().isEmpty()) {
        answer = answer.or(functions.anyInPackage(p.path()));
        continue;
      }
      for (String symbol : p.symbols()) {
        Linked one = Linked.NO;
        for (String name : GoSymbolNames.candidates(p.path(), symbol)) {
          one = one.or(functions.function(name));
          if (one == Linked.YES) {
            return Linked.YES;
          }
        }
        answer = answer.or(one);
      }
    }
    return answer;
  }

  /** The symbols that are linked (qualified as {@code path.Symbol}); empty when none or unknown. */
  public List<String> linkedSymbols(LinkedFunctions functions) {
    return packages.stream()
        .flatMap(
            p ->
                p.symbols().stream()
                    .filter(
                        s ->
                            GoSymbolNames.candidates(p.path(), s).stream()
                                .anyMatch(n -> functions.function(n) == Linked.YES))
                    .map(s -> p.path() + "." + s))
        .distinct()
        .toList();
  }
}
