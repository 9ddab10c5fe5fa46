package dev.govern.core.upgrade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Groups a module's files into the packages Go builds for one platform and toolchain. */
final class GoPackages {
  private GoPackages() {}

  static List<GoPackage> of(ModuleCode code, BuildContext ctx) {
    List<GoPackage> out = new ArrayList<>();
    for (Map.Entry<Path, List<SourceFile>> e : code.folders().entrySet()) {
      List<SourceFile> built = e.getValue().stream().filter(f -> f.builtFor(ctx)).toList();
      if (built.isEmpty()) {
        continue;
      }
      String name = built.get(0).header().packageName();
      List<GoPackage.ImportUse> imports = new ArrayList<>();
      List<GodebugDirective> debug = new ArrayList<>();
      for (SourceFile f : built) {
        for (GoFileHeader.Import i : f.header().imports()) {
          imports.add(new GoPackage.ImportUse(i.path(), f.file(), i.line()));
        }
        for (GoFileHeader.Directive d : f.header().directives()) {
          goDebug(d, f.file()).ifPresent(debug::add);
        }
      }
      out.add(new GoPackage(importPath(code, e.getKey()), e.getKey(), name, built, imports, debug));
    }
    out.sort(java.util.Comparator.comparing(GoPackage::importPath));
    return out;
  }

  /**
   * Go's ParseGoDebug: {@code //go:debug key=value}; a line without {@code =} is kept with an empty
   * key so that it is reported, anything that is not a go:debug line is dropped.
   */
  static java.util.Optional<GodebugDirective> goDebug(GoFileHeader.Directive d, Path file) {
    String text = d.text();
    if (!text.startsWith("//go:debug")) {
      return java.util.Optional.empty();
    }
    int i = indexOfSpace(text);
    if (i < 0) {
      return text.strip().equals("//go:debug")
          ? java.util.Optional.of(
              new GodebugDirective("", "", GodebugDirective.Origin.GO_DEBUG, file, d.line()))
          : java.util.Optional.empty();
    }
    String kv = text.substring(i).strip();
    int eq = kv.indexOf('=');
    if (eq < 0) {
      return java.util.Optional.of(
          new GodebugDirective("", kv, GodebugDirective.Origin.GO_DEBUG, file, d.line()));
    }
    return java.util.Optional.of(
        new GodebugDirective(
            kv.substring(0, eq),
            kv.substring(eq + 1),
            GodebugDirective.Origin.GO_DEBUG,
            file,
            d.line()));
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  private static String importPath(ModuleCode code, Path dir) {
    Path rel = code.root().relativize(dir);
    String r = rel.toString().replace('\\', '/');
    String mod = code.modulePath();
    return r.isEmpty() ? mod : mod + "/" + r;
  }
}
