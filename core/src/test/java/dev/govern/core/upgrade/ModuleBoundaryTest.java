package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.testing.RealGo;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module upgrade boundary read from a module cache laid out on disk: the highest go line of the
 * modules Go loads, the dependency that forces it, flagged requirements; checked against the go
 * line the real Go's {@code go mod graph} says the main module needs.
 */
class ModuleBoundaryTest {
  @TempDir Path tmp;

  private Path cache() {
    return tmp.resolve("modcache");
  }

  private void mod(String path, String version, String body) throws IOException {
    Path f =
        cache()
            .resolve("cache/download")
            .resolve(ModuleBoundary.escape(path))
            .resolve("@v")
            .resolve(ModuleBoundary.escape(version) + ".mod");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "module " + path + "\n\n" + body);
  }

  private GoModFile main(String text) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("main"));
    Files.writeString(dir.resolve("go.mod"), text);
    return GoModParser.read(dir.resolve("go.mod"));
  }

  @Test
  void boundaryNamesTheDependencyThatForcesItAndFlagsReplacedAndIncompatible() throws IOException {
    mod("example.com/dep", "v1.2.0", "go 1.22.0\n\nrequire example.com/Upper/lib v1.0.0\n");
    mod("example.com/Upper/lib", "v1.0.0", "go 1.23\n");
    mod("example.com/old", "v2.1.0+incompatible", "");
    mod("example.com/fork", "v0.3.0", "go 1.20\n");
    Path local = Files.createDirectories(tmp.resolve("main/local"));
    Files.writeString(local.resolve("go.mod"), "module example.com/local\n\ngo 1.21\n");
    GoModFile m =
        main(
            "module example.com/main\n\ngo 1.21\n\nrequire (\n\texample.com/dep v1.2.0\n"
                + "\texample.com/old v2.1.0+incompatible\n\texample.com/orig v0.1.0\n"
                + "\texample.com/local v0.0.0\n\texample.com/gone v1.0.0\n)\n\n"
                + "replace example.com/orig => example.com/fork v0.3.0\n"
                + "replace example.com/local => ./local\n");
    ModuleBoundary.Boundary b = ModuleBoundary.of(m, tmp.resolve("main"), cache());
    // pruned graph (main go >= 1.17, dep go >= 1.17): Upper/lib's go.mod is not loaded
    assertThat(b.lowestGoLine()).contains(GoVersion.parse("1.22"));
    assertThat(b.forcedBy())
        .extracting(ModuleBoundary.Dependency::id)
        .containsExactly("example.com/dep@v1.2.0");
    assertThat(b.flagged())
        .extracting(ModuleBoundary.Dependency::id)
        .containsExactlyInAnyOrder(
            "example.com/old@v2.1.0+incompatible",
            "example.com/orig@v0.1.0",
            "example.com/local@v0.0.0");
    assertThat(b.missing())
        .extracting(ModuleBoundary.Dependency::id)
        .containsExactly("example.com/gone@v1.0.0");
    assertThat(b.allows(GoVersion.parse("1.22.5"))).isTrue();
    assertThat(b.allows(GoVersion.parse("1.21.13"))).isFalse();

    GoModFile unpruned =
        main("module example.com/main\n\ngo 1.16\n\nrequire example.com/dep v1.2.0\n");
    ModuleBoundary.Boundary all = ModuleBoundary.of(unpruned, tmp.resolve("main"), cache());
    assertThat(all.lowestGoLine()).contains(GoVersion.parse("1.23"));
    assertThat(all.forcedBy())
        .extracting(ModuleBoundary.Dependency::id)
        .containsExactly("example.com/Upper/lib@v1.0.0");
  }

  @Test
  void boundaryEqualsTheGoLineRealGoNeedsOnGeneratedGraphs() throws IOException {
    RealGo.require(21);
    Random rnd = new Random(14);
    List<String> lines =
        List.of("1.16", "1.17", "1.19", "1.20", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0");
    for (int g = 0; g < 8; g++) {
      Path root = tmp.resolve("g" + g);
      Path cache = root.resolve("cache");
      int n = 6;
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        paths.add("example.com/g" + g + "/M" + i);
      }
      for (int i = 0; i < n; i++) {
        StringBuilder body = new StringBuilder("go " + lines.get(rnd.nextInt(lines.size())) + "\n");
        for (int j = i + 1; j < n; j++) {
          if (rnd.nextInt(3) == 0) {
            body.append("require ")
                .append(paths.get(j))
                .append(" v1.0.")
                .append(rnd.nextInt(2))
                .append('\n');
          }
        }
        for (int v = 0; v < 2; v++) {
          Path f =
              cache
                  .resolve("cache/download")
                  .resolve(ModuleBoundary.escape(paths.get(i)))
                  .resolve("@v/v1.0." + v + ".mod");
          Files.createDirectories(f.getParent());
          Files.writeString(f, "module " + paths.get(i) + "\n\n" + body);
        }
      }
      String mainLine = rnd.nextBoolean() ? "1.16" : "1.21";
      StringBuilder gomod = new StringBuilder("module example.com/main\n\ngo " + mainLine + "\n\n");
      for (int i = 0; i < 3; i++) {
        gomod
            .append("require ")
            .append(paths.get(rnd.nextInt(n)))
            .append(" v1.0.")
            .append(rnd.nextInt(2))
            .append('\n');
      }
      Path dir = Files.createDirectories(root.resolve("main"));
      Files.writeString(dir.resolve("go.mod"), gomod.toString());
      GoModFile m = GoModParser.read(dir.resolve("go.mod"));
      ModuleBoundary.Boundary b = ModuleBoundary.of(m, dir, cache);

      String graph =
          RealGo.run(
                  dir,
                  Map.of(
                      "GOPROXY",
                      cache.resolve("cache/download").toUri().toString(),
                      "GOMODCACHE",
                      root.resolve("fresh").toString(),
                      "GOSUMDB",
                      "off",
                      "GOFLAGS",
                      "-mod=mod"),
                  "mod",
                  "graph")
              .output();
      GoVersion needed = GoVersion.parse(mainLine).lang();
      for (String line : graph.split("\n")) {
        if (line.startsWith("example.com/main go@")) {
          needed = GoVersion.parse(line.substring("example.com/main go@".length())).lang();
        }
      }
      GoVersion ours =
          b.lowestGoLine()
              .filter(v -> v.compareTo(GoVersion.parse(mainLine).lang()) > 0)
              .orElse(GoVersion.parse(mainLine).lang());
      assertThat(ours)
          .as("graph %d (main go %s):\n%s\n%s", g, mainLine, gomod, graph)
          .isEqualTo(needed);
    }
  }
}
