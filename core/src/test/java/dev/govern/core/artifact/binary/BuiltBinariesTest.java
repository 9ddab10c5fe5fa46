package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.testing.GoBuild;
import dev.govern.core.testing.GoToolchain;
import dev.govern.core.testing.GoToolchain.Output;
import dev.govern.core.testing.GoToolchains;
import dev.govern.core.testing.NmSymbols;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every binary of the test matrix ({@link TestBinaries#matrix()}: Go 1.19 to the machine's Go,
 * every platform and build mode) read by govern and compared with what the toolchain that built it
 * says: {@code go version -m} byte for byte, {@code go tool buildid}, and the functions {@code go
 * tool nm} lists. Writes the table of what was compared to {@code target/go-binary-comparison.md}.
 */
@Tag("slow")
class BuiltBinariesTest {
  /** Per binary and check: what it was compared with ("identical", "both refuse", …). */
  private static final Map<TestBinary, Map<String, String>> RESULTS = new ConcurrentHashMap<>();

  static List<TestBinary> binaries() {
    return TestBinaries.all();
  }

  private static void result(TestBinary t, String check, String outcome) {
    RESULTS.computeIfAbsent(t, k -> new ConcurrentHashMap<>()).put(check, outcome);
  }

  /** Whether {@code go version -m} read the binary (old ones exit 0 and print nothing when not). */
  private static boolean read(Output versionM) {
    return versionM.exitCode() == 0 && !versionM.out().isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void goVersionMIsByteForByteTheToolchains(TestBinary t) {
    Output ref = t.versionM();
    String tc = t.build().toolchain().version();
    if (t.build().goarch().equals("wasm")) {
      // Go writes no build info into WebAssembly: no go version -m reads it, govern says so too
      assertThat(read(ref)).isFalse();
      assertThatThrownBy(() -> GoBinary.open(t.file(), t.name()).close())
          .isInstanceOf(NotAGoBinaryException.class)
          .hasMessageContaining("WebAssembly");
      result(t, "version-m", "both refuse (no build info in wasm)");
      return;
    }
    if (read(ref)) {
      assertThat(inspect(t)).isEqualTo(ref.out());
      result(t, "version-m", "identical");
      return;
    }
    // this toolchain's go version -m cannot read the container: the newest one that can is the
    // reference (Go 1.19 reads no Plan 9; Go 1.24+ no Plan 9 amd64 binary of Go 1.19)
    List<GoToolchain> others = new java.util.ArrayList<>(GoToolchains.all());
    java.util.Collections.reverse(others);
    for (GoToolchain other : others) {
      Output o =
          other.run(t.file().getParent(), TestBinaries.goEnv(other), "version", "-m", t.name());
      if (read(o)) {
        assertThat(inspect(t)).isEqualTo(o.out());
        result(
            t, "version-m", "identical to " + other.version() + "'s (" + tc + "'s reads nothing)");
        return;
      }
    }
    // no Go reads it (XCOFF without symbols): the unstripped build's answer plus its -ldflags
    assertThat(t.build().mode())
        .as("%s: no go version -m reads it", t)
        .isEqualTo(GoBuild.Mode.STRIPPED);
    TestBinary plain = sibling(t).orElseThrow();
    String want =
        t.name()
            + plain
                .versionM()
                .out()
                .substring(plain.name().length())
                .replace(
                    "\tbuild\t-compiler=gc\n",
                    "\tbuild\t-compiler=gc\n\tbuild\t-ldflags=\"-s -w\"\n");
    assertThat(inspect(t)).isEqualTo(want);
    result(t, "version-m", "identical to the unstripped build's plus -ldflags (no Go reads it)");
  }

  private static String inspect(TestBinary t) {
    try (GoBinary b = GoBinary.open(t.file(), t.name())) {
      return b.buildInfo().goVersionM(t.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void buildIdIsGoToolBuildids(TestBinary t) {
    Output ref = t.buildId();
    if (t.build().goarch().equals("wasm")) {
      result(t, "buildid", "not read (wasm)");
      return;
    }
    try (GoBinary b = GoBinary.open(t.file(), t.name())) {
      if (ref.exitCode() == 0) {
        assertThat(b.buildId()).contains(ref.out().strip());
        result(t, "buildid", "identical");
      } else {
        assertThat(b.buildId()).as("go tool buildid: %s", ref.describe()).isEmpty();
        result(t, "buildid", "both none");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void functionTableIsWhatGoToolNmLists(TestBinary t) {
    if (t.build().goarch().equals("wasm")) {
      result(t, "nm", "not read (wasm)");
      return;
    }
    Output nm = t.nm();
    String compared = "identical";
    if (nm.exitCode() != 0 || !nm.out().contains("runtime.text")) {
      // stripped: the same build without -s -w has the same functions, and its symbols
      TestBinary plain =
          sibling(t)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          t + ": nm failed and there is no unstripped build: " + nm.describe()));
      assertThat(plain.nm().exitCode()).isZero();
      compared = "identical to the unstripped build's";
      check(t, plain.nm().out());
    } else {
      check(t, nm.out());
    }
    try (GoBinary b = GoBinary.open(t.file(), t.name())) {
      PclnTable.Layout expected =
          t.build().toolchain().minor() >= 20 ? PclnTable.Layout.GO120 : PclnTable.Layout.GO118;
      assertThat(b.functionTable().orElseThrow().layout()).isEqualTo(expected);
    }
    result(t, "nm", compared);
  }

  private static void check(TestBinary t, String nmOut) {
    Set<String> want = NmSymbols.functions(nmOut, t.build().goos().equals("darwin"));
    try (GoBinary b = GoBinary.open(t.file(), t.name())) {
      Set<String> have = NmSymbols.normalize(b.functionNames());
      assertThat(have).as(t.toString()).containsExactlyInAnyOrderElementsOf(want);
      for (String f :
          List.of(
              "main.main",
              "runtime.main",
              "time.Now",
              "time.(*Timer).Reset",
              "net/http.(*Client).Do")) {
        assertThat(b.linkage(f) == FunctionLinkage.FUNCTION).as(f).isEqualTo(want.contains(f));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  void containerIsThePlatformsFormatWordSizeAndByteOrder(TestBinary t) {
    String goos = t.build().goos();
    String goarch = t.build().goarch();
    if (goarch.equals("wasm")) {
      return;
    }
    try (GoBinary b = GoBinary.open(t.file(), t.name())) {
      ExecutableFormat format =
          switch (goos) {
            case "windows" -> ExecutableFormat.PE;
            case "darwin" -> ExecutableFormat.MACHO;
            case "aix" -> ExecutableFormat.XCOFF;
            case "plan9" -> ExecutableFormat.PLAN9;
            default -> ExecutableFormat.ELF;
          };
      assertThat(b.container().format()).isEqualTo(format);
      assertThat(b.container().architecture()).isEqualTo(goarch);
      // Go's platform definitions (internal/goarch): word size and byte order per GOARCH
      int ptr = List.of("386", "arm", "mips", "mipsle").contains(goarch) ? 4 : 8;
      boolean big = List.of("ppc64", "s390x", "mips", "mips64").contains(goarch);
      assertThat(b.container().pointerSize()).isEqualTo(ptr);
      assertThat(b.container().byteOrder())
          .isEqualTo(big ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
      assertThat(b.functionTable().orElseThrow().byteOrder()).isEqualTo(b.container().byteOrder());
      assertThat(b.buildInfo().setting("GOARCH")).contains(goarch);
      assertThat(b.buildInfo().goVersion()).isEqualTo(t.build().toolchain().version());
    }
  }

  private static Optional<TestBinary> sibling(TestBinary t) {
    GoBuild b = t.build();
    GoBuild plain =
        new GoBuild(b.program(), b.toolchain(), b.goos(), b.goarch(), GoBuild.Mode.DEFAULT);
    return TestBinaries.matrix().contains(plain)
        ? Optional.of(TestBinaries.get(plain))
        : Optional.empty();
  }

  @AfterAll
  static void writeComparisonTable() throws IOException {
    List<TestBinary> all = new java.util.ArrayList<>(RESULTS.keySet());
    all.sort(
        java.util.Comparator.comparingInt((TestBinary t) -> t.build().toolchain().minor())
            .thenComparing(t -> t.build().program())
            .thenComparing(t -> t.build().platform())
            .thenComparing(t -> t.build().mode()));
    StringBuilder md = new StringBuilder();
    md.append(
        "| toolchain | program | platform | mode | go version -m | go tool buildid | go tool nm |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    Map<String, int[]> perToolchain = new TreeMap<>();
    for (TestBinary t : all) {
      Map<String, String> r = RESULTS.get(t);
      GoBuild b = t.build();
      md.append("| ")
          .append(b.toolchain().version())
          .append(" | ")
          .append(b.program())
          .append(" | ")
          .append(b.platform())
          .append(" | ")
          .append(b.mode().suffix().isEmpty() ? "default" : b.mode().suffix())
          .append(" | ")
          .append(r.getOrDefault("version-m", "-"))
          .append(" | ")
          .append(r.getOrDefault("buildid", "-"))
          .append(" | ")
          .append(r.getOrDefault("nm", "-"))
          .append(" |\n");
      int[] c = perToolchain.computeIfAbsent(b.toolchain().version(), k -> new int[4]);
      c[0]++;
      c[1] += r.getOrDefault("version-m", "").startsWith("identical") ? 1 : 0;
      c[2] += "identical".equals(r.get("buildid")) ? 1 : 0;
      c[3] += r.getOrDefault("nm", "").startsWith("identical") ? 1 : 0;
    }
    md.append(
        "\n| toolchain | binaries | version -m identical | buildid identical | nm identical |\n");
    md.append("|---|---|---|---|---|\n");
    perToolchain.forEach(
        (tc, c) ->
            md.append("| ")
                .append(tc)
                .append(" | ")
                .append(c[0])
                .append(" | ")
                .append(c[1])
                .append(" | ")
                .append(c[2])
                .append(" | ")
                .append(c[3])
                .append(" |\n"));
    Path out = Path.of("target", "go-binary-comparison.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
  }
}
