package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.testing.FakeToolchains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The sh shim and the Java {@link Resolver} must pick the same toolchain (or fail with the same
 * message and exit code) on every layout of version files, go.mod/go.work toolchain lines,
 * variables, installed toolchains and defaults; run under dash and bash.
 */
class ShimResolutionPropertyTest {
  /** Installable names; some layouts install them, others only mention them. */
  static final List<String> NAMES =
      List.of(
          "go1.19.8",
          "go1.20.14",
          "go1.21.0",
          "go1.22.4",
          "go1.22.10",
          "go1.22.0",
          "go1.19",
          "go1.22",
          "go1.22.4-custom");

  /** What files and variables may hold: canonical, go-prefixed, legacy .0, CRLF, junk. */
  static final List<String> WRITTEN =
      List.of(
          "1.19.8",
          "go1.19.8",
          "1.20.14",
          "go1.21.0",
          "1.22.4",
          "go1.22.4",
          "1.19.0",
          "1.19",
          "go1.19.0",
          "1.22.4-custom",
          "go1.19.0-custom",
          "1.23.1",
          "go1.9",
          "1.0.0",
          "latest",
          "go",
          "1.x;rm",
          "1.22.4\r");

  record Dir(String goVersion, String toolVersions, String goMod, String goWork) {}

  record Layout(
      List<Dir> dirs,
      List<String> installed,
      Optional<String> defaultName,
      Optional<String> variable,
      Optional<String> gowork,
      String shell,
      String tool) {}

  @Property(tries = 120)
  void shimAndResolverAgree(@ForAll("layouts") Layout layout) throws Exception {
    Path tmp = Files.createTempDirectory("govern-shim-prop");
    try {
      GovernHome home = sharedHome();
      if (Files.exists(home.toolchains())) {
        deleteTree(home.toolchains());
      }
      DefaultLink.remove(home);
      for (String n : layout.installed()) {
        FakeToolchains.install(home, n);
      }
      layout.defaultName().ifPresent(n -> DefaultLink.write(home, n));
      Path cwd = tmp.resolve("w");
      Files.createDirectories(cwd);
      for (Dir d : layout.dirs()) {
        cwd = cwd.resolve("d");
        Files.createDirectories(cwd);
        write(cwd.resolve(".go-version"), d.goVersion());
        write(cwd.resolve(".tool-versions"), d.toolVersions());
        write(cwd.resolve("go.mod"), d.goMod());
        write(cwd.resolve("go.work"), d.goWork());
      }
      Map<String, String> env = new HashMap<>();
      env.put("PATH", "/usr/bin:/bin");
      env.put("PWD", cwd.toString());
      layout.variable().ifPresent(v -> env.put(Resolver.VARIABLE, v));
      layout.gowork().ifPresent(v -> env.put("GOWORK", v));

      ProcessRun shim =
          ProcessRun.run(
              List.of(layout.shell(), home.bin().resolve(layout.tool()).toString(), "build"),
              cwd,
              env,
              Duration.ofSeconds(20));

      String want = expected(home, cwd, env, layout.tool());
      Statistics.collect(
          want.startsWith("0")
              ? "runs"
              : want.startsWith("2")
                  ? "bad pin"
                  : want.contains("pinned") ? "pinned, missing" : "default missing/none");
      assertThat(shim.exitCode() + " " + shim.output()).as("layout %s", layout).isEqualTo(want);
    } finally {
      deleteTree(tmp);
    }
  }

  private static GovernHome shared;

  /** One home for all tries: the shims are the same, only toolchains and the default change. */
  private static synchronized GovernHome sharedHome() throws IOException {
    if (shared == null) {
      Path root = Files.createTempDirectory("govern-shim-home");
      root.toFile().deleteOnExit();
      shared = new GovernHome(root);
      Shims.refresh(shared);
    }
    return shared;
  }

  private static String expected(GovernHome home, Path cwd, Map<String, String> env, String tool) {
    Resolution r;
    try {
      r = new Resolver(home).resolve(cwd, env);
    } catch (GovernException e) {
      int code = e.code() == ErrorCode.INVALID_INPUT ? 2 : 3;
      return code + " govern: " + e.getMessage() + e.hint().map(h -> "; " + h).orElse("") + "\n";
    }
    if (!r.installed()) {
      return "3 govern: " + r.notInstalledMessage() + "\n";
    }
    return "0 RESOLVED " + r.name() + " " + tool + " GOTOOLCHAIN=local\n";
  }

  @Provide
  Arbitrary<Layout> layouts() {
    Arbitrary<String> written = Arbitraries.of(WRITTEN);
    Arbitrary<String> goVersion =
        Combinators.combine(
                written,
                Arbitraries.of("", "# pinned\n", "\n\n", "  "),
                Arbitraries.of("\n", "\r\n", ""))
            .as((v, prefix, eol) -> prefix + v + eol)
            .injectNull(0.75);
    Arbitrary<String> toolVersions =
        Combinators.combine(
                written,
                Arbitraries.of("golang", "go", "nodejs", "golang\t"),
                Arbitraries.of("", " 1.20.14", "\n"))
            .as((v, tool, tail) -> "nodejs 20.1.0\n" + tool + " " + v + tail + "\n")
            .injectNull(0.8);
    Arbitrary<String> toolchainLine =
        Combinators.combine(
                Arbitraries.of(
                    "go1.22.4", "go1.19.8", "default", "go1.23.1", "go1.21.0", "go1.22.4 // pin"),
                Arbitraries.of("\n", "\r\n"))
            .as(
                (v, eol) ->
                    "module example.com/m" + eol + eol + "go 1.21" + eol + "toolchain " + v + eol)
            .injectNull(0.3);
    Arbitrary<String> goMod =
        Arbitraries.oneOf(
                toolchainLine,
                Arbitraries.just("module example.com/m\n\ngo 1.19\n\nrequire x.y/z v1.0.0\n"))
            .injectNull(0.5);
    Arbitrary<String> goWork =
        Arbitraries.oneOf(toolchainLine, Arbitraries.just("go 1.22\n\nuse ./a\n")).injectNull(0.8);
    Arbitrary<Dir> dir = Combinators.combine(goVersion, toolVersions, goMod, goWork).as(Dir::new);
    return Combinators.combine(
            dir.list().ofMinSize(1).ofMaxSize(5),
            Arbitraries.of(NAMES).set().ofMinSize(3).map(ArrayList::new),
            Arbitraries.of(NAMES).optional(0.7),
            written.optional(0.15),
            Arbitraries.of("off", "").optional(0.15),
            Arbitraries.of(shells()),
            Arbitraries.of("go", "gofmt"))
        .as(
            (dirs, installed, dflt, var, gowork, shell, tool) ->
                new Layout(dirs, List.copyOf(installed), dflt, var, gowork, shell, tool));
  }

  static List<String> shells() {
    return Stream.of("/bin/dash", "/bin/bash", "/bin/sh")
        .filter(s -> Files.isExecutable(Path.of(s)))
        .toList();
  }

  private static void write(Path p, String content) throws IOException {
    if (content != null) {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
