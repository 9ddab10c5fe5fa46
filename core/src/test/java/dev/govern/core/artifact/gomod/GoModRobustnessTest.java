package dev.govern.core.artifact.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.govern.core.ErrorCode;
import dev.govern.core.module.ModuleVersion;
import dev.govern.core.testing.TestData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the parser either returns a model or raises its own {@link
 * GoModSyntaxException} (INVALID_INPUT, every error naming file:line:column) — never another
 * exception, never a hang. Inputs: random bytes, random token soup, every truncation and
 * single-byte mutations of every sample (testdata/gomod and this module's error cases).
 */
class GoModRobustnessTest {
  private static final Pattern ERROR_LINE = Pattern.compile("[^:]+:[1-9]\\d*:[1-9]\\d*: .+");
  private static final byte[] INTERESTING = {0, '\n', '"', '`', '(', ')', '/', (byte) 0xFF};
  private static final Duration PER_INPUT = Duration.ofSeconds(2);

  /** Parses with all three entry points; fails the test on anything but the parser's own error. */
  static void parsesOrFailsCleanly(byte[] data) {
    long start = System.nanoTime();
    check(data, () -> GoModParser.parse("go.mod", data));
    check(data, () -> GoModParser.parseLax("go.mod", data));
    check(data, () -> GoModParser.parseWork("go.work", data));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PER_INPUT);
  }

  /** Plain checks (no assertion library) because this runs hundreds of thousands of times. */
  private static void check(byte[] data, Runnable parse) {
    try {
      parse.run();
    } catch (GoModSyntaxException e) {
      require(e.code() == ErrorCode.INVALID_INPUT, "code", e);
      require(!e.errors().isEmpty(), "no errors listed", e);
      require(e.getMessage().indexOf('\n') < 0, "multi-line message", e);
      int lines = 1;
      for (byte b : data) {
        lines += b == '\n' ? 1 : 0;
      }
      int previous = 0;
      for (GoModError err : e.errors()) {
        require(ERROR_LINE.matcher(err.toString()).matches(), "not file:line:col: msg", e);
        require(err.line() >= previous && err.line() <= lines, "line out of order/range", e);
        previous = err.line();
      }
    }
  }

  private static void require(boolean ok, String what, GoModSyntaxException e) {
    if (!ok) {
      throw new AssertionError(what + ": " + e.describeAll(), e);
    }
  }

  static List<byte[]> samples() throws IOException, URISyntaxException {
    List<Path> dirs =
        List.of(
            TestData.goModSamples(),
            Path.of(
                Objects.requireNonNull(GoModRobustnessTest.class.getResource("/gomod/errors"))
                    .toURI()));
    List<byte[]> samples = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.sorted().toList()) {
          String n = p.getFileName().toString();
          if (n.endsWith(".go.mod") || n.endsWith(".go.work")) {
            samples.add(Files.readAllBytes(p));
          }
        }
      }
    }
    assertThat(samples).hasSizeGreaterThan(40);
    return samples;
  }

  @Test
  void everyTruncationOfEverySample() throws Exception {
    List<byte[]> samples = samples();
    int cases =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> {
              int n = 0;
              for (byte[] s : samples) {
                for (int len = 0; len <= s.length; len++) {
                  parsesOrFailsCleanly(java.util.Arrays.copyOf(s, len));
                  n++;
                }
              }
              return n;
            });
    System.out.println("gomod robustness: truncations ran " + cases + " inputs x 3 parsers");
    assertThat(cases).isGreaterThan(3000);
  }

  @Test
  void everyPositionOfEverySampleReplacedByEachInterestingByte() throws Exception {
    List<byte[]> samples = samples();
    int cases =
        assertTimeoutPreemptively(
            Duration.ofSeconds(90),
            () -> {
              int n = 0;
              for (byte[] s : samples) {
                for (int i = 0; i < s.length; i++) {
                  for (byte b : INTERESTING) {
                    byte[] m = s.clone();
                    m[i] = b;
                    parsesOrFailsCleanly(m);
                    n++;
                  }
                }
              }
              return n;
            });
    System.out.println("gomod robustness: byte mutations ran " + cases + " inputs x 3 parsers");
    assertThat(cases).isGreaterThan(30_000);
  }

  @Provide
  Arbitrary<byte[]> mutatedSample() throws Exception {
    List<byte[]> samples = samples();
    return Arbitraries.integers()
        .between(0, samples.size() - 1)
        .flatMap(
            i -> {
              byte[] s = samples.get(i);
              return Arbitraries.integers()
                  .between(0, Math.max(0, s.length - 1))
                  .flatMap(
                      pos ->
                          Arbitraries.bytes()
                              .map(
                                  b -> {
                                    byte[] m = s.clone();
                                    if (m.length > 0) {
                                      m[pos] = b;
                                    }
                                    return m;
                                  }));
            });
  }

  @Property(tries = 3000)
  void randomSingleByteMutations(@ForAll("mutatedSample") byte[] data) {
    parsesOrFailsCleanly(data);
  }

  @Property(tries = 3000)
  void randomBytes(@ForAll @Size(max = 2048) byte[] data) {
    parsesOrFailsCleanly(data);
  }

  @Provide
  Arbitrary<byte[]> tokenSoup() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "module",
                "go",
                "toolchain",
                "godebug",
                "require",
                "exclude",
                "replace",
                "retract",
                "tool",
                "ignore",
                "use",
                "(",
                ")",
                "()",
                "[",
                "]",
                ",",
                "=>",
                "{",
                "}",
                "//",
                "// indirect",
                "// Deprecated: x",
                "/*",
                "*/",
                "\"",
                "`",
                "\\",
                "\"q\\\"\"",
                "`raw`",
                "v1.2.3",
                "v1.2",
                "v2.0.0+incompatible",
                "1.21",
                "1.21rc1",
                "go1.22.4",
                "default",
                "k=v",
                "example.com/a",
                "example.com/a/v2",
                "gopkg.in/x.v1",
                "./dir",
                "../d",
                "/abs",
                "C:\\d",
                "a@v1",
                "ü",
                "\u00a0",
                "\u2028",
                "\ufeff",
                "\u0000"),
            Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", "\t", "\n", "\n", "\r\n", "", "\n\n");
    return Arbitraries.entries(token, separator)
        .list()
        .ofMaxSize(60)
        .map(
            parts -> {
              StringBuilder b = new StringBuilder();
              parts.forEach(e -> b.append(e.getKey()).append(e.getValue()));
              return b.toString().getBytes(StandardCharsets.UTF_8);
            });
  }

  @Property(tries = 3000)
  void randomTokenSoup(@ForAll("tokenSoup") byte[] data) {
    parsesOrFailsCleanly(data);
  }

  @Property(tries = 1000)
  void acceptedFilesHoldOnlyCanonicalVersions(@ForAll("tokenSoup") byte[] data) {
    GoModFile f;
    try {
      f = GoModParser.parse("go.mod", data);
    } catch (GoModSyntaxException e) {
      return;
    }
    for (Requirement r : f.require()) {
      assertThat(ModuleVersion.parse(r.version()).isCanonical()).isTrue();
    }
    for (Exclusion x : f.exclude()) {
      assertThat(ModuleVersion.parse(x.version()).isCanonical()).isTrue();
    }
  }

  @Test
  void manySmallStatementsParseQuickly() {
    assertManyToolLinesParse(2 * 1024 * 1024, Duration.ofSeconds(20));
  }

  @Test
  @Tag("slow")
  void manySmallStatementsUpToTheSizeLimitParse() {
    // Statements stream from parser to interpreter, so 2.4 million of them stay cheap.
    assertManyToolLinesParse(GoModParser.MAX_SIZE, Duration.ofSeconds(60));
  }

  private static void assertManyToolLinesParse(int size, Duration limit) {
    int count = size / 7;
    byte[] data = "tool x\n".repeat(count).getBytes(StandardCharsets.US_ASCII);
    GoModFile f = assertTimeoutPreemptively(limit, () -> GoModParser.parse("go.mod", data));
    assertThat(f.tool()).hasSize(count);
  }
}
