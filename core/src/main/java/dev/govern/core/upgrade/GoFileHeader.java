package dev.govern.core.upgrade;

import java.util.List;

/**
 * What govern reads from the top of a Go source file: its build constraints, the {@code //go:}
 * directives before the package clause, the package name and the imports.
 *
 * @param constraint the build constraint ({@link BuildConstraint#ALWAYS} when none)
 * @param packageName the package clause's name
 * @param packageLine the line of the package clause
 * @param directives the {@code //go:} comments before the package clause
 * @param imports the imported paths, in file order
 */
public record GoFileHeader(
    BuildConstraint constraint,
    String packageName,
    int packageLine,
    List<Directive> directives,
    List<Import> imports) {

  public GoFileHeader {
    directives = List.copyOf(directives);
    imports = List.copyOf(imports);
  }

  /** A {@code //go:} comment as written (trailing {@code \r} dropped) and its line. */
  public record Directive(String text, int line) {}

  /** An import path and the line it is on. */
  public record Import(String path, int line) {}
}
