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
 * message and exit code) on every layout of version files, go.mod/go.work go and toolchain lines,
 * GOTOOLCHAIN, GO111MODULE, GOWORK, command lines ({@code -C}, {@code go env GOTOOLCHAIN}),
 * installed toolchains and defaults; run under dash and bash.
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
          "go1.22.4-custom",
          "go1.24.13",
          "go1.25.0",
          "go1.25.14",
          "go1.25rc1",
          "go1.26.8");

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
          "1.22",
          "go1.19.0",
          "1.22.4-custom",
          "go1.19.0-custom",
          "1.23.1",
          "1.24.13",
          "1.25.14",
          "go1.9",
          "1.0.0",
          "latest",
          "go",
          "1.x;rm",
          "1.22.4\r");

  static final List<String> GO_LINES =
      List.of(
          "1.16", "1.19", "1.21", "1.22", "1.22.4", "1.24.13", "1.25", "1.25.0", "1.25rc1",
          "1.25.14", "1.30", "1.2x", "1.22.04");

  static final List<String> TOOLCHAIN_LINES =
      List.of(
          "go1.22.4",
          "go1.19.8",
          "default",
          "go1.25.14",
          "go1.21.0",
          "go1.22.4 // pin",
          "go1.25.3",
          "go1.22.4-custom",
          "go1.24.13-corp",
          "bad!",
          "1.25.0",
          "go1.26.8");

  static final List<String> GOTOOLCHAINS =
      List.of(
          "local",
          "auto",
          "path",
          "go1.22.4",
          "go1.25.14+auto",
          "go1.21.0+path",
          "local+auto",
          "local+path",
          "go1.99.9",
          "go1.99.9+auto",
          "asdf",
          "go1.22+foo",
          "x+auto",
          "go1.19.0");

  static final List<List<String>> COMMAND_LINES =
      List.of(
          List.of("build"),
          List.of("version"),
          List.of("env", "GOTOOLCHAIN"),
          List.of("env", "GOMOD", "x"),
          List.of("-C", "..", "build"),
          List.of("build", "-C=..", "x"),
          List.of("mod", "tidy", "-C", ".."),
          List.of("mod", "-C", "..", "tidy"));

  record Dir(String goVersion, String toolVersions, String goMod, String goWork) {}

  record Env(
      Optional<String> variable,
      Optional<String> gowork,
      Optional<String> gotoolchain,
      Optional<String> go111module) {}

  record Layout(
      List<Dir> dirs,
      List<String> installed,
      Optional<String> defaultName,
      Optional<String> variable,
      Optional<String> gowork,
      Optional<String> gotoolchain,
      Optional<String> go111module,
      List<String> args,
      String shell,
      String tool) {}

  @Property(tries = 300)
  void shimAndResolverAgree(@ForAll("layouts") Layout layout) throws Exception {
    Path tmp = Files.createTempDirectory("govern-shim-prop").toRealPath();
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
      layout.gotoolchain().ifPresent(v -> env.put("GOTOOLCHAIN", v));
      layout.go111module().ifPresent(v -> env.put("GO111MODULE", v));
      List<String> cmd =
          new ArrayList<>(List.of(layout.shell(), home.bin().resolve(layout.tool()).toString()));
      cmd.addAll(layout.args());
      ProcessRun shim = ProcessRun.run(cmd, cwd, env, Duration.ofSeconds(20));

      String want = expected(home, cwd, env, layout.tool(), layout.args());
      Statistics.collect(
          want.startsWith("0")
              ? (want.contains("(") ? "runs, raised by go.mod" : "runs")
              : want.startsWith("2")
                  ? "bad pin, GOTOOLCHAIN or toolchain line"
                  : want.contains("required by") ? "go.mod asks for a missing one" : "missing");
      assertThat(shim.exitCode() + " " + shim.output().replace(" (raised)", ""))
          .as("layout %s", layout)
          .isEqualTo(want.replace(" (raised)", ""));
    } finally {
      deleteTree(tmp);
    }
  }

  private static GovernHome shared;

  /** One home for all tries: the shims are the same, only toolchains and the default change. */
  private static synchronized GovernHome sharedHome() throws IOException {
    if (shared == null) {
      Path root = Files.createTempDirectory("govern-shim-home").toRealPath();
      root.toFile().deleteOnExit();
      shared = new GovernHome(root);
      Shims.refresh(shared);
    }
    return shared;
  }

  /** What the shim must print: the fake toolchain's answer, or the error and exit code. */
  static String expected(
      GovernHome home, Path cwd, Map<String, String> env, String tool, List<String> args) {
    Resolution r;
    try {
      r = new Resolver(home).resolve(cwd, env, args);
    } catch (GovernException e) {
      int code = e.code() == ErrorCode.INVALID_INPUT ? 2 : 3;
      return code + " govern: " + e.getMessage() + e.hint().map(h -> "; " + h).orElse("") + "\n";
    }
    try {
      r.requireBinary(tool);
    } catch (GovernException e) {
      return "3 govern: " + e.getMessage() + e.hint().map(h -> "; " + h).orElse("") + "\n";
    }
    String raised = r.note() != null ? " (raised)" : "";
    return switch (args.get(0)) {
      case "version" -> "0 go version " + r.name() + " linux/amd64\n" + raised;
      case "env" -> "0 " + realPath(r.goroot()) + "\n" + raised;
      default ->
          "0 RESOLVED " + r.name() + " " + tool + " GOTOOLCHAIN=" + r.gotoolchain() + "\n" + raised;
    };
  }

  private static String realPath(Path p) {
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      return p.toString();
    }
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
            .injectNull(0.8);
    Arbitrary<String> toolVersions =
        Combinators.combine(
                written,
                Arbitraries.of("golang", "go", "nodejs", "golang\t"),
                Arbitraries.of("", " 1.20.14", "\n"))
            .as((v, tool, tail) -> "nodejs 20.1.0\n" + tool + " " + v + tail + "\n")
            .injectNull(0.85);
    Arbitrary<String> moduleFile =
        Combinators.combine(
                Arbitraries.of(GO_LINES).injectNull(0.2),
                Arbitraries.of(TOOLCHAIN_LINES).injectNull(0.5),
                Arbitraries.of("\n", "\r\n"),
                Arbitraries.of(true, false))
            .as(
                (go, tc, eol, toolchainFirst) -> {
                  StringBuilder b = new StringBuilder("module example.com/m" + eol + eol);
                  String goLine = go == null ? "" : "go " + go + eol;
                  String tcLine = tc == null ? "" : "toolchain " + tc + eol;
                  b.append(toolchainFirst ? tcLine + goLine : goLine + tcLine);
                  b.append(eol + "require (" + eol + "\tgo.uber.org/zap v1.0.0" + eol + ")" + eol);
                  return b.toString();
                });
    Arbitrary<String> goMod = moduleFile.injectNull(0.4);
    Arbitrary<String> goWork =
        Arbitraries.oneOf(
                moduleFile.map(m -> m.replace("module example.com/m", "use ./a")),
                Arbitraries.just("go 1.22\n\nuse ./a\n"))
            .injectNull(0.85);
    Arbitrary<Dir> dir = Combinators.combine(goVersion, toolVersions, goMod, goWork).as(Dir::new);
    Arbitrary<Env> envs =
        Combinators.combine(
                written.optional(0.12),
                Arbitraries.of("off", "", "auto").optional(0.15),
                Arbitraries.of(GOTOOLCHAINS).optional(0.35),
                Arbitraries.of("off", "auto", "on").optional(0.1))
            .as(Env::new);
    return Combinators.combine(
            dir.list().ofMinSize(1).ofMaxSize(5),
            Arbitraries.of(NAMES).set().ofMinSize(2).ofMaxSize(8).map(ArrayList::new),
            Arbitraries.of(NAMES).optional(0.7),
            envs,
            Arbitraries.of(COMMAND_LINES),
            Arbitraries.of(shells()),
            Arbitraries.of("go", "gofmt"))
        .as(
            (dirs, installed, dflt, e, args, shell, tool) ->
                new Layout(
                    dirs,
                    List.copyOf(installed),
                    dflt,
                    e.variable(),
                    e.gowork(),
                    e.gotoolchain(),
                    e.go111module(),
                    args,
                    shell,
                    tool));
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
