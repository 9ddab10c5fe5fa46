package dev.govern.core.testing;

import dev.govern.core.io.FileLocks;
import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.GoToolchain.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Go binaries built at test time from the programs in {@code testdata/go/} by the real toolchains
 * ({@link GoToolchains}), once, into the repository's {@code target/go-test-binaries/}; later runs
 * reuse a binary while its program, toolchain and build are unchanged. Right after each build the
 * same toolchain's {@code go version -m}, {@code go tool buildid} and {@code go tool nm} are run on
 * it and their answers kept beside it: they are the expected answers of every test.
 *
 * <p>The matrix ({@link #matrix()}): every platform of {@link #PLATFORMS} and every build mode for
 * Go 1.19 and the newest Go; for each of 1.20 … 1.25 the modes and containers that change between
 * releases (linux/amd64 plain, PIE and stripped; Windows; macOS; module dependencies; VCS).
 */
public final class TestBinaries {
  /** Bump when the way binaries are built changes, so every stored binary is rebuilt. */
  private static final String BUILDER = "1";

  /** Every platform the full toolchains build for (wasip1/wasm from Go 1.21 on). */
  public static final List<String> PLATFORMS =
      List.of(
          "linux/amd64",
          "linux/386",
          "linux/arm",
          "linux/arm64",
          "linux/ppc64",
          "linux/ppc64le",
          "linux/s390x",
          "linux/mips",
          "linux/mipsle",
          "linux/riscv64",
          "linux/loong64",
          "windows/amd64",
          "windows/386",
          "windows/arm64",
          "darwin/amd64",
          "darwin/arm64",
          "freebsd/amd64",
          "openbsd/amd64",
          "netbsd/amd64",
          "plan9/386",
          "plan9/amd64",
          "aix/ppc64",
          "js/wasm",
          "wasip1/wasm");

  /** Stripped ({@code -s -w}) beyond linux/amd64: no symbol table, so tables are found by scan. */
  static final List<String> STRIPPED_TOO =
      List.of(
          "linux/arm64", "linux/mips", "windows/amd64", "windows/386", "darwin/arm64", "aix/ppc64");

  /** PIE beyond linux/amd64. */
  static final List<String> PIE_TOO = List.of("linux/arm64", "windows/amd64");

  private static final Map<GoBuild, TestBinary> BUILT = new HashMap<>();
  private static final Map<String, Object> TOOLCHAIN_LOCKS = new HashMap<>();
  private static final Map<String, String> SOURCE_HASHES = new HashMap<>();
  private static List<TestBinary> all;

  private TestBinaries() {}

  /** {@code <repository>/target/go-test-binaries}. */
  public static Path dir() {
    return TestData.root().resolve("target").resolve("go-test-binaries");
  }

  /** Every binary of the matrix, built (two toolchains at a time) and answered. */
  public static synchronized List<TestBinary> all() {
    if (all == null) {
      all = buildAll(matrix());
    }
    return all;
  }

  /** The builds of the matrix, toolchain by toolchain, oldest first. */
  public static List<GoBuild> matrix() {
    List<GoBuild> out = new ArrayList<>();
    List<GoToolchain> toolchains = GoToolchains.all();
    for (int i = 0; i < toolchains.size(); i++) {
      GoToolchain tc = toolchains.get(i);
      boolean full = i == 0 || i == toolchains.size() - 1;
      out.addAll(full ? fullSet(tc) : releaseSet(tc));
    }
    return out;
  }

  /** Every platform, every mode. */
  static List<GoBuild> fullSet(GoToolchain tc) {
    List<GoBuild> out = new ArrayList<>();
    for (String p : PLATFORMS) {
      if (p.equals("wasip1/wasm") && tc.minor() < 21) {
        continue;
      }
      out.add(build("timeonly", tc, p, Mode.DEFAULT));
    }
    for (Mode m : List.of(Mode.PIE, Mode.TRIMPATH, Mode.STRIPPED, Mode.EXTLINK, Mode.GOPATH)) {
      out.add(build("timeonly", tc, "linux/amd64", m));
    }
    STRIPPED_TOO.forEach(p -> out.add(build("timeonly", tc, p, Mode.STRIPPED)));
    PIE_TOO.forEach(p -> out.add(build("timeonly", tc, p, Mode.PIE)));
    out.add(build("moddep", tc, "linux/amd64", Mode.DEFAULT));
    out.add(build("nethttp", tc, "linux/amd64", Mode.DEFAULT));
    for (Mode m : List.of(Mode.VCS, Mode.VCS_DIRTY, Mode.VCS_OFF)) {
      out.add(build("vcsdemo", tc, "linux/amd64", m));
    }
    return out;
  }

  /** What changes from release to release: the build info layout, PIE, containers, VCS. */
  static List<GoBuild> releaseSet(GoToolchain tc) {
    return List.of(
        build("timeonly", tc, "linux/amd64", Mode.DEFAULT),
        build("timeonly", tc, "linux/amd64", Mode.PIE),
        build("timeonly", tc, "linux/amd64", Mode.STRIPPED),
        build("timeonly", tc, "windows/amd64", Mode.DEFAULT),
        build("timeonly", tc, "darwin/arm64", Mode.DEFAULT),
        build("moddep", tc, "linux/amd64", Mode.DEFAULT),
        build("vcsdemo", tc, "linux/amd64", Mode.VCS));
  }

  private static GoBuild build(String program, GoToolchain tc, String platform, Mode mode) {
    int slash = platform.indexOf('/');
    return new GoBuild(
        program, tc, platform.substring(0, slash), platform.substring(slash + 1), mode);
  }

  /** A program built by Debian's Go 1.19. */
  public static TestBinary go119(String program, String platform, Mode mode) {
    return get(build(program, GoToolchains.debian119(), platform, mode));
  }

  /** A program built by the newest Go (the machine's go on PATH). */
  public static TestBinary newest(String program, String platform, Mode mode) {
    return get(build(program, GoToolchains.newest(), platform, mode));
  }

  /** {@code timeonly} for linux/amd64 by Go 1.19: the everyday small binary. */
  public static TestBinary timeonly() {
    return go119("timeonly", "linux/amd64", Mode.DEFAULT);
  }

  /** {@code nethttp} for linux/amd64 by Go 1.19: links net/http's (*Client).Do. */
  public static TestBinary nethttp() {
    return go119("nethttp", "linux/amd64", Mode.DEFAULT);
  }

  /** {@code moddep} for linux/amd64 by Go 1.19: module dependencies and replacements. */
  public static TestBinary moddep() {
    return go119("moddep", "linux/amd64", Mode.DEFAULT);
  }

  /** {@code vcsdemo} for linux/amd64 by Go 1.19, from a clean git checkout. */
  public static TestBinary vcsdemo() {
    return go119("vcsdemo", "linux/amd64", Mode.VCS);
  }

  /**
   * Builds the Go program in {@code dir} (a module) with {@code tc} into {@code out}: no cgo,
   * {@code -trimpath} (the binary names no folder of this machine), no VCS stamp. Skipped when
   * {@code out} is newer than every file of {@code dir}.
   */
  public static Path buildProgram(GoToolchain tc, Path dir, Path out) {
    try {
      if (Files.isRegularFile(out)) {
        long built = Files.getLastModifiedTime(out).toMillis();
        try (Stream<Path> s = Files.walk(dir)) {
          if (s.filter(Files::isRegularFile)
              .filter(f -> !f.startsWith(out.getParent()))
              .allMatch(f -> f.toFile().lastModified() <= built)) {
            return out;
          }
        }
      }
      Files.createDirectories(out.getParent());
      Map<String, String> env = goEnv(tc);
      env.put("CGO_ENABLED", "0");
      Path tmp = out.resolveSibling(".building-" + out.getFileName());
      Output o =
          tc.run(dir, env, "build", "-o", tmp.toString(), "-trimpath", "-buildvcs=false", ".");
      if (o.exitCode() != 0) {
        throw new AssertionError(
            "go build in " + dir + " failed (" + o.describe() + ")\n" + o.err());
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + dir, e);
    }
  }

  /** One binary, built unless a stored build with the same key exists. */
  public static TestBinary get(GoBuild b) {
    synchronized (BUILT) {
      TestBinary done = BUILT.get(b);
      if (done != null) {
        return done;
      }
    }
    TestBinary t;
    synchronized (lockFor(b.toolchain())) {
      t = buildLocked(b);
    }
    synchronized (BUILT) {
      BUILT.put(b, t);
    }
    return t;
  }

  /** Builds many, two toolchains at a time; returns them in the order given. */
  public static List<TestBinary> buildAll(List<GoBuild> builds) {
    Map<GoToolchain, List<GoBuild>> groups = new LinkedHashMap<>();
    for (GoBuild b : builds) {
      groups.computeIfAbsent(b.toolchain(), k -> new ArrayList<>()).add(b);
    }
    List<List<GoBuild>> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparingInt(g -> -g.size())); // the long groups first
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (List<GoBuild> g : ordered) {
        futures.add(pool.submit(() -> g.forEach(TestBinaries::get)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    return builds.stream().map(TestBinaries::get).toList();
  }

  private static Object lockFor(GoToolchain tc) {
    synchronized (TOOLCHAIN_LOCKS) {
      return TOOLCHAIN_LOCKS.computeIfAbsent(tc.version(), v -> new Object());
    }
  }

  private static TestBinary buildLocked(GoBuild b) {
    String version = b.toolchain().version();
    Path bin = dir().resolve("bin").resolve(version).resolve(b.name());
    Path answers = dir().resolve("answers").resolve(version).resolve(b.name());
    String key = key(b);
    try {
      Files.createDirectories(dir());
      FileLocks.Held held = FileLocks.exclusive(dir().resolve(".lock-" + version));
      try {
        if (Files.isRegularFile(bin) && key.equals(read(answers.resolve("key")))) {
          return new TestBinary(b, bin, answers);
        }
        Path src = source(b);
        Map<String, String> env = goEnv(b.toolchain());
        env.putAll(b.env());
        if (b.program().equals("moddep")) {
          env.put("GOPROXY", "file://" + dir().resolve("proxy").toAbsolutePath());
          env.put("GOFLAGS", env.get("GOFLAGS") + " -mod=mod");
        }
        Files.createDirectories(bin.getParent());
        Path tmp = bin.resolveSibling(".building-" + b.name());
        List<String> args = new ArrayList<>(List.of("build", "-o", tmp.toString()));
        args.addAll(b.flags());
        args.add(".");
        Output o = b.toolchain().run(src, env, args.toArray(String[]::new));
        if (o.exitCode() != 0) {
          throw new AssertionError(
              "go build of " + b + " failed (" + o.describe() + ")\n" + o.err());
        }
        Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING);
        answer(b.toolchain(), bin, answers);
        Files.writeString(answers.resolve("key"), key);
        return new TestBinary(b, bin, answers);
      } finally {
        held.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + b, e);
    }
  }

  /** Runs the reference tools of the toolchain that built {@code bin} and records their output. */
  private static void answer(GoToolchain tc, Path bin, Path answers) throws IOException {
    if (Files.isDirectory(answers)) {
      delete(answers);
    }
    Files.createDirectories(answers);
    Map<String, String> env = goEnv(tc);
    Path dir = bin.getParent();
    String name = bin.getFileName().toString();
    TestBinary.record(answers, "version-m", tc.run(dir, env, "version", "-m", name));
    TestBinary.record(answers, "buildid", tc.run(dir, env, "tool", "buildid", name));
    TestBinary.record(answers, "nm", tc.run(dir, env, "tool", "nm", name));
  }

  /** The environment of every go command: none of the user's Go settings, no network. */
  public static Map<String, String> goEnv(GoToolchain tc) {
    Map<String, String> env = new HashMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("GO") && !k.startsWith("CGO_") && !k.equals("CC")) {
                env.put(k, v);
              }
            });
    env.put("GOENV", "off");
    env.put("GOFLAGS", "-modcacherw");
    env.put("GOTOOLCHAIN", "local");
    env.put("GOCACHE", TestCache.dir().resolve("gocache").toString());
    env.put("GOMODCACHE", dir().resolve("gomodcache").toString());
    env.put("GOPATH", dir().resolve("gopath").toString());
    env.put("GOPROXY", "off");
    env.put("GOSUMDB", "off");
    env.put("GOWORK", "off");
    return env;
  }

  /** The folder a build runs in: a copy of its program for this toolchain (a git repo for VCS). */
  private static Path source(GoBuild b) throws IOException {
    String version = b.toolchain().version();
    Path base = dir().resolve("src").resolve(version);
    Path go = TestData.file("go");
    return switch (b.program()) {
      case "moddep" -> {
        Path proxy = dir().resolve("proxy");
        if (!Files.isDirectory(proxy)) {
          Path tmp = dir().resolve(".proxy-" + ProcessHandle.current().pid());
          TestGoProxy.write(go.resolve("modules"), tmp);
          try {
            Files.move(tmp, proxy, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException raced) {
            delete(tmp);
          }
        }
        copy(go.resolve("greet"), base.resolve("greet"));
        yield copy(go.resolve("moddep"), base.resolve("moddep"));
      }
      case "vcsdemo" -> {
        boolean dirty = b.mode() == Mode.VCS_DIRTY;
        Path repo = base.resolve(dirty ? "vcsdemo-dirty" : "vcsdemo");
        copy(go.resolve("vcsdemo"), repo);
        GitRepo.commitAll(repo);
        if (dirty) {
          Files.writeString(
              repo.resolve("main.go"), "// an uncommitted edit\n", StandardOpenOption.APPEND);
        }
        yield repo;
      }
      default -> copy(go.resolve(b.program()), base.resolve(b.program()));
    };
  }

  /** Replaces {@code to} with a copy of the files of {@code from}. */
  private static Path copy(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      delete(to);
    }
    Files.createDirectories(to);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        Files.createDirectories(t.getParent());
        Files.copy(f, t);
      }
    }
    return to;
  }

  /** What a stored binary must match: builder, toolchain, build and the program's sources. */
  private static String key(GoBuild b) {
    return String.join(
        "\n",
        "builder " + BUILDER,
        "toolchain " + b.toolchain().version() + " " + b.toolchain().root(),
        "build " + b.name() + " " + b.mode(),
        "flags " + b.flags(),
        "env " + new java.util.TreeMap<>(b.env()),
        "sources " + sourceHash(b.program()));
  }

  private static String sourceHash(String program) {
    synchronized (SOURCE_HASHES) {
      return SOURCE_HASHES.computeIfAbsent(
          program,
          p -> {
            List<String> dirs =
                p.equals("moddep") ? List.of("moddep", "greet", "modules") : List.of(p);
            try {
              MessageDigest md = MessageDigest.getInstance("SHA-256");
              for (String d : dirs) {
                Path root = TestData.file("go").resolve(d);
                try (Stream<Path> s = Files.walk(root)) {
                  for (Path f :
                      (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                    md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    md.update(ByteBuffer.allocate(8).putLong(Files.size(f)).array());
                    md.update(Files.readAllBytes(f));
                  }
                }
              }
              return HexFormat.of().formatHex(md.digest());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  private static String read(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p) : null;
    } catch (IOException e) {
      return null;
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
