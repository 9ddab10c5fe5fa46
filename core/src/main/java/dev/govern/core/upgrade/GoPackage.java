package dev.govern.core.upgrade;

import java.nio.file.Path;
import java.util.List;

/**
 * A package of the module as Go builds it for one platform and toolchain.
 *
 * @param importPath its import path
 * @param dir its folder
 * @param name the package name ({@code main} for commands)
 * @param files the files built, sorted by name
 * @param imports every import of those files, in file order
 * @param goDebug the {@code //go:debug} lines of those files, in file order
 */
public record GoPackage(
    String importPath,
    Path dir,
    String name,
    List<SourceFile> files,
    List<ImportUse> imports,
    List<GodebugDirective> goDebug) {

  public GoPackage {
    files = List.copyOf(files);
    imports = List.copyOf(imports);
    goDebug = List.copyOf(goDebug);
  }

  public boolean isMain() {
    return name.equals("main");
  }

  /** An import and where it is written. */
  public record ImportUse(String path, Path file, int line) {
    public String location() {
      return file + ":" + line;
    }
  }
}
