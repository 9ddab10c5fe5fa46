package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Untrusted Go files: truncated, mutated and random input gives a header or a one-line
 * INVALID_INPUT error naming the file; never another exception, never a hang.
 */
class GoFileHeaderPropertiesTest {
  static final String VALID =
      "// Copyright\n\n//go:build linux && (amd64 || arm64)\n// +build linux\n\n//go:debug panicnil=1\n"
          + "/* c */\npackage main // x\n\nimport (\n\tstd \"net/http\"\n\t_ `embed`\n\t\"a\\u00e9\\x41\\101\"\n)\n"
          + "import \"fmt\"\n\nfunc main() { fmt.Println(std.StatusOK) }\n";

  @Property(tries = 400)
  void truncatedFilesParseOrFailCleanly(@ForAll("cut") int cut) {
    byte[] all = VALID.getBytes(StandardCharsets.UTF_8);
    check(Arrays.copyOf(all, Math.min(cut, all.length)));
  }

  @Provide
  Arbitrary<Integer> cut() {
    return Arbitraries.integers().between(0, VALID.length());
  }

  @Property(tries = 400)
  void mutatedFilesParseOrFailCleanly(@ForAll("positions") int at, @ForAll byte value) {
    byte[] b = VALID.getBytes(StandardCharsets.UTF_8);
    b[at % b.length] = value;
    check(b);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Property(tries = 300)
  void randomBytesParseOrFailCleanly(@ForAll @Size(max = 300) byte[] random) {
    check(random);
  }

  @Property(tries = 200)
  void randomTokenSoupParsesOrFailsCleanly(@ForAll("soup") String s) {
    check(s.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(
            "package",
            "main",
            "import",
            "(",
            ")",
            "\"fmt\"",
            "`x`",
            ";",
            "\n",
            "//go:build ",
            "linux",
            "&&",
            "||",
            "!",
            "//go:debug a=b\n",
            "/*",
            "*/",
            "_",
            ".",
            "\"\\",
            "// +build x\n")
        .list()
        .ofMaxSize(60)
        .map(l -> String.join(" ", l));
  }

  @Property(tries = 50)
  void deeplyNestedConstraintsAreRefusedNotOverflowed(@ForAll("depth") int depth) {
    String expr = "(".repeat(depth) + "linux" + ")".repeat(depth);
    check(("//go:build " + expr + "\npackage x\n").getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<Integer> depth() {
    return Arbitraries.integers().between(1, 3000);
  }

  static void check(byte[] src) {
    try {
      GoFileHeader h = GoFileHeaderParser.parse("f.go", src);
      assertThat(h.packageName()).isNotNull();
      h.constraint().eval(new BuildContext("linux", "amd64", true, 22));
    } catch (GovernException e) {
      assertThat(e.getMessage()).startsWith("f.go").doesNotContain("\n");
      assertThat(e.code().exitCode()).isEqualTo(2);
    }
  }
}
