package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.RealGo;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truth: for generated modules (go lines 1.16 … 1.26, godebug lines in go.mod and go.work,
 * {@code default=} entries, {@code //go:debug} lines in main packages, files that are not built),
 * the default GODEBUG govern computes for every main package equals {@code go list -f
 * '{{.DefaultGODEBUG}}'} of the real Go on PATH.
 */
@Tag("slow")
class DefaultGodebugTruthTest {
  private static final int MODULES = 60;
  private static final List<String> GO_LINES =
      List.of(
          "1.20", "1.21", "1.21.0", "1.21.6", "1.22", "1.22.0", "1.22.3", "1.23", "1.23.0",
          "1.23.4", "1.24.0", "1.24", "1.25.0", "1.25", "1.26", "1.26.0", "1.19", "1.18", "1.21rc1",
          "");

  @TempDir Path tmp;

  record Generated(Path dir, String description) {}

  @Test
  void defaultGodebugEqualsGoListOnGeneratedModules() throws IOException {
    GoVersion go = RealGo.require(23);
    GodebugHistory history = GodebugHistory.builtIn();
    List<String> names = new ArrayList<>(history.table(go).keySet());
    BuildContext ctx = BuildContext.host(go.minor()).withCgo(false);
    Random rnd = new Random(20260828L);
    int compared = 0;
    int withSettings = 0;
    for (int i = 0; i < MODULES; i++) {
      Generated g = generate(tmp.resolve("m" + i), i, rnd, names, go);
      Map<String, String> expected = goList(g.dir());
      ModuleCode code = ModuleCode.load(g.dir(), null);
      Map<String, String> actual = new TreeMap<>();
      for (MainPackageGodebug m : MainPackageGodebug.of(code, ctx, go, history)) {
        actual.put(m.pkg().importPath(), m.text());
      }
      assertThat(actual).as(g.description()).isEqualTo(expected);
      compared += actual.size();
      withSettings += (int) actual.values().stream().filter(s -> !s.isEmpty()).count();
    }
    assertThat(compared).isGreaterThanOrEqualTo(MODULES);
    assertThat(withSettings).isGreaterThan(MODULES / 2);
  }

  /** import path → DefaultGODEBUG of every main package, from the real go list. */
  private static Map<String, String> goList(Path dir) {
    String out =
        RealGo.run(
                dir,
                Map.of("GOFLAGS", ""),
                "list",
                "-f",
                "{{if eq .Name \"main\"}}@@{{.ImportPath}}|{{.DefaultGODEBUG}}{{end}}",
                "./...")
            .output();
    Map<String, String> m = new TreeMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("@@")) {
        int bar = line.indexOf('|');
        m.put(line.substring(2, bar), line.substring(bar + 1));
      }
    }
    return m;
  }

  private Generated generate(Path root, int i, Random rnd, List<String> names, GoVersion go)
      throws IOException {
    StringBuilder desc = new StringBuilder("module " + i + ":");
    boolean workspace = i % 6 == 5;
    Path dir = workspace ? root.resolve("svc") : root;
    Files.createDirectories(dir);
    String goLine = GO_LINES.get(i % GO_LINES.size());
    StringBuilder mod = new StringBuilder("module example.com/m" + i + "\n\n");
    if (!goLine.isEmpty()) {
      mod.append("go ").append(goLine).append('\n');
    }
    desc.append(" go ").append(goLine.isEmpty() ? "(none)" : goLine);
    Map<String, String> modDebug = settings(rnd, names, rnd.nextInt(4), go);
    appendGodebug(mod, modDebug, rnd.nextBoolean());
    desc.append(" go.mod godebug ").append(modDebug);
    Files.writeString(dir.resolve("go.mod"), mod.toString());
    if (workspace) {
      StringBuilder work = new StringBuilder();
      GoVersion floor = GoVersion.parse(goLine.isEmpty() ? "1.16" : goLine);
      List<String> lines =
          List.of("1.21", "1.22.0", "1.24", "", "1.26.0").stream()
              .filter(l -> GoVersion.parse(l.isEmpty() ? "1.18" : l).compareTo(floor) >= 0)
              .toList();
      String wl = lines.get(rnd.nextInt(lines.size()));
      if (!wl.isEmpty()) {
        work.append("go ").append(wl).append("\n\n");
      }
      work.append("use ./svc\n");
      Map<String, String> workDebug = settings(rnd, names, rnd.nextInt(3), go);
      appendGodebug(work, workDebug, rnd.nextBoolean());
      Files.writeString(root.resolve("go.work"), work.toString());
      desc.append(" go.work go ").append(wl).append(" godebug ").append(workDebug);
    }
    int mains = 1 + rnd.nextInt(3);
    for (int p = 0; p < mains; p++) {
      Path pkg = p == 0 ? dir : dir.resolve("cmd/tool" + p);
      Files.createDirectories(pkg);
      Map<String, String> lines = settings(rnd, names, rnd.nextInt(4), go);
      List<Map.Entry<String, String>> list = new ArrayList<>(lines.entrySet());
      // spread the lines over two files
      Files.writeString(pkg.resolve("main.go"), mainFile(list.subList(0, list.size() / 2), true));
      Files.writeString(
          pkg.resolve("more.go"), mainFile(list.subList(list.size() / 2, list.size()), false));
      desc.append(" pkg").append(p).append(" //go:debug ").append(lines);
      // lines Go does not use: an ignored file, a test file, another platform, after package
      Files.writeString(
          pkg.resolve("gen.go"),
          "//go:build ignore\n\n//go:debug panicnil=1\n\npackage main\n\nfunc gen() {}\n");
      Files.writeString(
          pkg.resolve("main_test.go"),
          "//go:debug http2client=0\n\npackage main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n");
      Files.writeString(
          pkg.resolve("sys_plan9.go"), "//go:debug tlsrsakex=1\n\npackage main\n\nfunc sys() {}\n");
      Files.writeString(
          pkg.resolve("late.go"),
          "package main // the directive below is after the package clause\n\n//go:debug x509rsacrt=0\n\nfunc late() {}\n");
    }
    Path lib = dir.resolve("internal/lib");
    Files.createDirectories(lib);
    Files.writeString(
        lib.resolve("lib.go"), "//go:debug randseednop=0\n\npackage lib\n\nfunc F() {}\n");
    return new Generated(dir, desc.toString());
  }

  /** Up to {@code n} settings the toolchain knows, with values Go accepts; maybe a default=. */
  private static Map<String, String> settings(Random rnd, List<String> names, int n, GoVersion go) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      if (rnd.nextInt(5) == 0) {
        m.put("default", "go1." + (20 + rnd.nextInt(go.minor() - 19)));
      } else {
        m.put(names.get(rnd.nextInt(names.size())), List.of("0", "1", "2").get(rnd.nextInt(3)));
      }
    }
    return m;
  }

  private static void appendGodebug(StringBuilder b, Map<String, String> s, boolean block) {
    if (s.isEmpty()) {
      return;
    }
    if (block) {
      b.append("\ngodebug (\n");
      s.forEach((k, v) -> b.append('\t').append(k).append('=').append(v).append('\n'));
      b.append(")\n");
    } else {
      s.forEach((k, v) -> b.append("godebug ").append(k).append('=').append(v).append('\n'));
    }
  }

  private static String mainFile(List<Map.Entry<String, String>> lines, boolean withMain) {
    StringBuilder b = new StringBuilder("// Command doc.\n");
    for (Map.Entry<String, String> e : lines) {
      b.append("//go:debug ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    b.append("\npackage main\n\nimport (\n\t\"fmt\"\n)\n\n");
    b.append(withMain ? "func main() { fmt.Println() }\n" : "var _ = fmt.Sprint\n");
    return b.toString();
  }
}
