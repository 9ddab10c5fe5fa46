package dev.govern.core.artifact.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each directive and each semantic fact on go.mod/go.work files written for these tests. */
class GoModParserTest {

  private static GoModFile mod(String text) {
    return GoModParser.parse("go.mod", text.getBytes(StandardCharsets.UTF_8));
  }

  private static GoWorkFile work(String text) {
    return GoModParser.parseWork("go.work", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void moduleLineAcceptsQuotedPathsAndBlocks() {
    assertThat(mod("module \"example.com/q\\u00e9\"\n").module().path())
        .isEqualTo("example.com/qé");
    assertThat(mod("module (\n\texample.com/inblock\n)\n").module().path())
        .isEqualTo("example.com/inblock");
    assertThat(mod("go 1.21\n").module()).isNull();
    assertThat(mod("").modulePath()).isEmpty();
  }

  @Test
  void deprecationComesFromTheFirstDeprecatedParagraphOfTheModuleComments() {
    assertThat(mod("// Deprecated: use b.\nmodule a\n").module().deprecated()).isEqualTo("use b.");
    assertThat(mod("module a // Deprecated:   spaced\n").module().deprecated()).isEqualTo("spaced");
    String paragraphs =
        "// Package a does things.\n//\n// Deprecated: use c\n// instead.\n//\n// More.\nmodule a\n";
    assertThat(mod(paragraphs).module().deprecated()).isEqualTo("use c\ninstead.");
    assertThat(mod("// See Deprecated: not at paragraph start\nmodule a\n").module().isDeprecated())
        .isFalse();
    // A blank line separates a comment from the module line: it is not attached.
    assertThat(mod("// Deprecated: detached\n\nmodule a\n").module().deprecated()).isEmpty();
    assertThat(mod("// Deprecated: on block\nmodule (\n\ta\n)\n").module().deprecated())
        .isEqualTo("on block");
  }

  @Test
  void goLineGivesTheMinimumGoVersionInGoOrder() {
    GoModFile f = mod("module m\ngo 1.21\n");
    assertThat(f.go().version()).isEqualTo("1.21");
    assertThat(f.minimumGo()).contains(GoVersion.parse("1.21"));
    assertThat(f.minimumGo().orElseThrow()).isLessThan(GoVersion.parse("1.21rc1"));
    assertThat(mod("go 1.21.0\n").minimumGo()).contains(GoVersion.of(1, 21, 0));
    assertThat(mod("go 1.9\n").minimumGo()).contains(GoVersion.of(1, 9, 0));
    assertThat(mod("go 1.21rc1\n").minimumGo().orElseThrow().isPrerelease()).isTrue();
    // Syntactically allowed by Go, but no Go release has this form.
    assertThat(mod("go 1.21.0rc1\n").go().version()).isEqualTo("1.21.0rc1");
    assertThat(mod("go 1.21.0rc1\n").minimumGo()).isEmpty();
    assertThat(mod("module m\n").minimumGo()).isEmpty();
  }

  @Test
  void toolchainLineNamesAGoVersionOrDefault() {
    assertThat(mod("toolchain go1.22.4\n").toolchainVersion()).contains(GoVersion.of(1, 22, 4));
    assertThat(mod("toolchain go1.22.4-custom\n").toolchainVersion().orElseThrow().suffix())
        .isEqualTo("custom");
    GoModFile d = mod("toolchain default\n");
    assertThat(d.toolchain().isDefault()).isTrue();
    assertThat(d.toolchainVersion()).isEmpty();
    // Go accepts any go1.* name for forward compatibility; it just is not a known version.
    assertThat(mod("toolchain go1.future\n").toolchain().name()).isEqualTo("go1.future");
    assertThat(mod("toolchain go1.future\n").toolchainVersion()).isEmpty();
  }

  @Test
  void godebugLinesAndBlocksSplitAtTheFirstEquals() {
    GoModFile f = mod("godebug a=1\ngodebug (\n\tdefault=go1.21\n\tb==c\n\t=empty\n)\n");
    assertThat(f.godebug())
        .extracting(g -> g.key() + "|" + g.value())
        .containsExactly("a|1", "default|go1.21", "b|=c", "|empty");
  }

  @Test
  void requirementsAreDirectUnlessMarkedIndirect() {
    GoModFile f =
        mod(
            """
            module m
            require (
            \ta.com/direct v1.0.0
            \tb.com/ind v1.0.0 // indirect
            \tc.com/reason v1.0.0 // indirect; needed by x
            \td.com/tight v1.0.0 //indirect
            \te.com/other v1.0.0 // indirectly used
            \tf.com/second v1.0.0 // first comment // indirect
            )
            require g.com/single v1.0.0 // indirect
            """);
    assertThat(f.require())
        .extracting(r -> r.path() + "=" + r.indirect())
        .containsExactly(
            "a.com/direct=false",
            "b.com/ind=true",
            "c.com/reason=true",
            "d.com/tight=true",
            "e.com/other=false",
            "f.com/second=false",
            "g.com/single=true");
    assertThat(f.directRequirements())
        .extracting(Requirement::path)
        .containsExactly("a.com/direct", "e.com/other", "f.com/second");
    assertThat(f.indirectRequirements()).hasSize(4);
    assertThat(f.requirement("c.com/reason").orElseThrow().line()).isEqualTo(5);
  }

  @Test
  void versionsAreCanonicalisedAsGoDoes() {
    GoModFile f =
        mod(
            """
            require (
            \ta.com/short v1.2
            \tb.com/shorter v1
            \tc.com/build v1.5.0+build.7
            \td.com/legacy v2.0.0+incompatible
            \t"e.com/quoted" "v1.0.0"
            )
            exclude a.com/short v1.3
            """);
    assertThat(f.require())
        .extracting(Requirement::version)
        .containsExactly("v1.2.0", "v1.0.0", "v1.5.0", "v2.0.0+incompatible", "v1.0.0");
    assertThat(f.require().get(3).incompatible()).isTrue();
    assertThat(f.exclude()).containsExactly(new Exclusion("a.com/short", "v1.3.0", 8));
  }

  @Test
  void requirementsExposePseudoVersionFacts() {
    GoModFile f =
        mod(
            "require (\n"
                + "\ta.com/x v0.0.0-20230102030405-abcdefabcdef\n"
                + "\tb.com/y/v2 v2.1.1-0.20240101000000-0123456789ab\n"
                + "\tc.com/z v1.0.0\n)\n");
    assertThat(f.require().get(0).pseudo().orElseThrow().form()).isEqualTo(1);
    assertThat(f.require().get(1).pseudo().orElseThrow().base()).isEqualTo("v2.1.0");
    assertThat(f.require().get(2).pseudo()).isEmpty();
  }

  @Test
  void replaceHasFourFormsAndExactVersionsWinOverWildcards() {
    GoModFile f =
        mod(
            """
            module m
            replace a.com/x => ../x
            replace a.com/x v1.0.0 => a.com/fork v1.0.1
            replace b.com/y v1 => /abs/y
            replace c.com/z => c.com/zfork v1.2
            replace d.com/w => D:/dir
            """);
    assertThat(f.replace())
        .extracting(r -> r.old() + " => " + r.target() + " dir=" + r.isDirectory())
        .containsExactly(
            "a.com/x => ../x dir=true",
            "a.com/x@v1.0.0 => a.com/fork@v1.0.1 dir=false",
            "b.com/y@v1.0.0 => /abs/y dir=true",
            "c.com/z => c.com/zfork@v1.2.0 dir=false",
            "d.com/w => D:/dir dir=true");
    assertThat(f.effective("a.com/x", "v1.0.0")).isEqualTo(new ModuleRef("a.com/fork", "v1.0.1"));
    assertThat(f.effective("a.com/x", "v1.1.0")).isEqualTo(new ModuleRef("../x", ""));
    assertThat(f.effective("e.com/none", "v1.0.0"))
        .isEqualTo(new ModuleRef("e.com/none", "v1.0.0"));
    assertThat(f.replace().get(1).appliesTo("a.com/x", "v1.0.0")).isTrue();
    assertThat(f.replace().get(1).appliesTo("a.com/x", "v1.0.1")).isFalse();
  }

  @Test
  void retractKeepsVersionsAsWrittenWithTheirRationale() {
    GoModFile f =
        mod(
            """
            module m
            retract v1.0.1 // published accidentally
            // Applies to lines without their own comment.
            retract (
            \t[v1.1.0, v1.1.9]
            \t// own whole-line rationale
            \tv1.0.0
            \tv0.9.0 // own suffix rationale
            )
            retract [v2.0.0,v2.1.0]
            """);
    assertThat(f.retract())
        .extracting(r -> r.low() + ".." + r.high() + " '" + r.rationale() + "'")
        .containsExactly(
            "v1.0.1..v1.0.1 'published accidentally'",
            "v1.1.0..v1.1.9 'Applies to lines without their own comment.'",
            "v1.0.0..v1.0.0 'own whole-line rationale'",
            "v0.9.0..v0.9.0 'own suffix rationale'",
            "v2.0.0..v2.1.0 ''");
    Retraction range = f.retract().get(1);
    assertThat(range.isSingle()).isFalse();
    assertThat(range.covers("v1.1.5")).isTrue();
    assertThat(range.covers("v1.1.10")).isFalse();
    assertThat(range.covers("v1.1.9-rc.1")).isTrue();
    // Without a version fixer Go does not check retract versions: they stay as written.
    assertThat(mod("retract v1.2\n").retract().get(0).low()).isEqualTo("v1.2");
  }

  @Test
  void toolAndIgnoreTakeOnePathEach() {
    GoModFile f =
        mod(
            "tool golang.org/x/tools/cmd/stringer\ntool (\n\t\"example.com/t\"\n)\nignore ./node_modules\n");
    assertThat(f.tool())
        .extracting(PathDirective::path)
        .containsExactly("golang.org/x/tools/cmd/stringer", "example.com/t");
    assertThat(f.ignore()).containsExactly(new PathDirective("./node_modules", 5));
  }

  @Test
  void workFilesHaveUseAndReplaceButNoRequire() {
    GoWorkFile w =
        work(
            "go 1.22.0\ntoolchain go1.22.4\nuse (\n\t./app\n\t\"./with space\"\n)\nuse ./tools\n"
                + "replace a.com/x v1.0.0 => ../x\n");
    assertThat(w.use())
        .extracting(PathDirective::path)
        .containsExactly("./app", "./with space", "./tools");
    assertThat(w.minimumGo()).contains(GoVersion.of(1, 22, 0));
    assertThat(w.toolchainVersion()).contains(GoVersion.of(1, 22, 4));
    assertThat(w.effective("a.com/x", "v1.0.0").path()).isEqualTo("../x");
    assertThatThrownBy(() -> work("require a.com/x v1.0.0\n"))
        .isInstanceOf(GoModSyntaxException.class)
        .hasMessageContaining("go.work:1:1: unknown directive: require");
  }

  @Test
  void commentsBlankLinesCrlfAndEmptyBlocksAreNotStatements() {
    GoModFile f =
        mod(
            "// head\r\n\r\nmodule m // c\r\n\r\nrequire ()\r\nrequire (\r\n)\r\n"
                + "require a.com/x v1.0.0 // indirect\r\n");
    assertThat(f.module().path()).isEqualTo("m");
    assertThat(f.require()).singleElement().satisfies(r -> assertThat(r.indirect()).isTrue());
  }

  @Test
  void rawStringsAreTokensThatNoDirectiveAccepts() {
    // The backquoted string hides "//" and spaces from the lexer, as in Go ...
    GoModFile lax =
        GoModParser.parseLax(
            "go.mod", "module m\nfuture `a // b ( c` x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lax.module().path()).isEqualTo("m");
    // ... but Go's parser rejects it wherever a value is expected.
    assertThatThrownBy(() -> mod("module `example.com/m`\n"))
        .hasMessageContaining("unquoted string cannot contain quote");
  }

  @Test
  void laxParsingSkipsUnknownAndMainModuleOnlyDirectives() {
    byte[] data =
        ("module m\ngo v1.21.x\nfuture thing\nreplace a => b\nexclude x v1\ntoolchain bad\n"
                + "retract [v1.0.0\nrequire a.com/x v1.0.0\n")
            .getBytes(StandardCharsets.UTF_8);
    GoModFile f = GoModParser.parseLax("dep/go.mod", data);
    assertThat(f.go().version()).isEqualTo("1.21");
    assertThat(f.replace()).isEmpty();
    assertThat(f.exclude()).isEmpty();
    assertThat(f.toolchain()).isNull();
    assertThat(f.retract()).isEmpty();
    assertThat(f.require()).hasSize(1);
  }

  @Test
  void laxParsingKeepsGosCommentQuirkForSkippedMultiLineStatements() {
    // Checked against x/mod: the skipped statement spans two lines, so its comment goes to the
    // previous single-line element, which becomes indirect.
    byte[] data =
        "module m\nrequire x v1.0.0\nfoo \"a\\\nb\" // indirect\n".getBytes(StandardCharsets.UTF_8);
    assertThat(GoModParser.parseLax("go.mod", data).require().get(0).indirect()).isTrue();
  }

  @Test
  void errorPositionsCountCharactersNotBytes() {
    assertThatThrownBy(() -> mod("module exämple.com/ü\ngo 1.21 \u0001\n"))
        .isInstanceOfSatisfying(
            GoModSyntaxException.class, e -> assertThat(e.errors().get(0).column()).isEqualTo(9));
    // An invalid UTF-8 byte counts as one character, like Go's U+FFFD.
    byte[] bad = {'m', 'o', 'd', 'u', 'l', 'e', ' ', (byte) 0xFF, (byte) 0xFE, ' ', 0x01};
    assertThatThrownBy(() -> GoModParser.parse("go.mod", bad))
        .isInstanceOfSatisfying(
            GoModSyntaxException.class,
            e -> assertThat(e.errors().get(0).toString()).startsWith("go.mod:1:11:"));
  }

  @Test
  void readRefusesFilesAboveTheSizeLimitBeforeReadingThem(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("go.mod");
    try (var ch =
        java.nio.channels.FileChannel.open(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), GoModParser.MAX_SIZE); // sparse
    }
    assertThatThrownBy(() -> GoModParser.read(big))
        .isInstanceOfSatisfying(
            GovernException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("go.mod").contains("too large");
            });
    assertThatThrownBy(() -> GoModParser.parse("x.mod", new byte[GoModParser.MAX_SIZE + 1]))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void readReportsMissingFilesAndDirectories(@TempDir Path dir) {
    assertThatThrownBy(() -> GoModParser.read(dir.resolve("go.mod")))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> GoModParser.read(dir))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void inspectorChoosesTheKindByFileName(@TempDir Path dir) throws IOException {
    Path mod = Files.writeString(dir.resolve("go.mod"), "module m\ngo 1.22\n");
    Path work = Files.writeString(dir.resolve("go.work"), "go 1.22\nuse .\n");
    GoModReport m = GoModInspector.inspect(mod);
    assertThat(m.kind()).isEqualTo("go.mod");
    assertThat(m.minimumGo()).isEqualTo("go1.22");
    assertThat(m.use()).isNull();
    GoModReport w = GoModInspector.inspect(work);
    assertThat(w.kind()).isEqualTo("go.work");
    assertThat(w.use()).containsExactly(".");
    assertThat(w.require()).isNull();
  }
}
