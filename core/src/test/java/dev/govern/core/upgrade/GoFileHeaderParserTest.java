package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Go file header as go/build reads it: constraints, directives, package, imports. */
class GoFileHeaderParserTest {
  static GoFileHeader parse(String src) {
    return GoFileHeaderParser.parse("x.go", src.getBytes(StandardCharsets.UTF_8));
  }

  static final BuildContext LINUX = new BuildContext("linux", "amd64", true, 22);
  static final BuildContext WINDOWS = new BuildContext("windows", "arm64", false, 22);

  @Test
  void readsImportsInEveryForm() {
    GoFileHeader h =
        parse(
            "// Package doc.\npackage main // trailing\n\nimport \"fmt\"\nimport (\n\tstdhttp \"net/http\"\n"
                + "\t_ \"embed\"; . \"strings\"\n\t/* c */ `crypto/tls`\n\t\"a\\x2fb\"\n)\nimport m \"math\"\n\nfunc main() {}\nimport \"late\"\n");
    assertThat(h.packageName()).isEqualTo("main");
    assertThat(h.packageLine()).isEqualTo(2);
    assertThat(h.imports())
        .extracting(GoFileHeader.Import::path)
        .containsExactly("fmt", "net/http", "embed", "strings", "crypto/tls", "a/b", "math");
    assertThat(h.imports())
        .extracting(GoFileHeader.Import::line)
        .containsExactly(4, 6, 7, 7, 8, 9, 11);
  }

  @Test
  void directivesAreTheGoCommentsBeforeThePackageClause() {
    GoFileHeader h =
        parse(
            "//go:debug panicnil=1\r\n/* block */\n// doc\n//go:debug http2client=0\n//go:generate x\npackage main\n//go:debug late=1\n");
    assertThat(h.directives())
        .containsExactly(
            new GoFileHeader.Directive("//go:debug panicnil=1", 1),
            new GoFileHeader.Directive("//go:debug http2client=0", 4),
            new GoFileHeader.Directive("//go:generate x", 5));
  }

  @Test
  void buildConstraintsAsGoBuildEvaluatesThem() {
    assertThat(parse("//go:build ignore\n\npackage main\n").constraint().eval(LINUX)).isFalse();
    GoFileHeader h =
        parse("// Copyright\n\n//go:build (linux || darwin) && !cgo && go1.21\n\npackage x\n");
    assertThat(h.constraint().eval(LINUX)).isFalse();
    assertThat(h.constraint().eval(LINUX.withCgo(false))).isTrue();
    assertThat(h.constraint().eval(LINUX.withCgo(false).withGoMinor(20))).isFalse();
    assertThat(parse("//go:build unix\npackage x\n").constraint().eval(LINUX)).isTrue();
    assertThat(parse("//go:build unix\npackage x\n").constraint().eval(WINDOWS)).isFalse();
    // +build lines count only without //go:build, before the blank line ending the header
    assertThat(parse("// +build windows\n\npackage x\n").constraint().eval(LINUX)).isFalse();
    assertThat(parse("// +build linux,amd64 darwin\n\npackage x\n").constraint().eval(LINUX))
        .isTrue();
    assertThat(parse("// +build windows\npackage x\n").constraint().eval(LINUX)).isTrue();
    assertThat(parse("/*\n//go:build ignore\n*/\npackage x\n").constraint().eval(LINUX)).isTrue();
  }

  @Test
  void fileNamesSelectPlatformsAsGoDoes() {
    for (String yes :
        List.of(
            "a.go",
            "a_linux.go",
            "a_amd64.go",
            "a_linux_amd64.go",
            "x_test_linux.go",
            "linux.go",
            "a_unix.go")) {
      assertThat(LINUX.fileNameMatches(yes)).as(yes).isTrue();
    }
    for (String no :
        List.of(
            "a_windows.go",
            "a_arm64.go",
            "a_linux_arm64.go",
            "a_plan9_test.go",
            "b_darwin_amd64.go")) {
      assertThat(LINUX.fileNameMatches(no)).as(no).isFalse();
    }
  }

  @Test
  void badHeadersNameTheLine() {
    assertError("package\n", "x.go:1: expected package name");
    assertError("func main() {}\n", "x.go:1: expected 'package'");
    assertError("package x\nimport \"fmt\n", "x.go:2: string literal not terminated");
    assertError("package x\n/* open\n", "x.go:2: comment not terminated");
    assertError("package x\nimport (\n\t\"fmt\"\n", "x.go:4: expected import path");
    assertError("package x\nimport \"\\q\"\n", "x.go:2: unknown escape sequence");
    assertError("//go:build linux &&\npackage x\n", "x.go: parsing //go:build line");
    assertError("//go:build a\n//go:build b\npackage x\n", "x.go: multiple //go:build comments");
  }

  static void assertError(String src, String message) {
    assertThatThrownBy(() -> parse(src))
        .isInstanceOf(GovernException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(((GovernException) e).code().exitCode()).isEqualTo(2));
  }
}
