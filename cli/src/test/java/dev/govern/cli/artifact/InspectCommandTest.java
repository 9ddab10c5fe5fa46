package dev.govern.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoBuild;
import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.GoToolchain;
import dev.govern.core.testing.GoToolchains;
import dev.govern.core.testing.NmSymbols;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InspectCommandTest {
  @TempDir Path home;
  @TempDir Path work;

  /** Binaries built at test time by Go 1.19 and by the newest Go, in every build mode. */
  static Stream<TestBinary> fixtures() {
    List<GoBuild> builds = new ArrayList<>();
    for (GoToolchain tc : List.of(GoToolchains.debian119(), GoToolchains.newest())) {
      for (Mode m :
          List.of(
              Mode.DEFAULT, Mode.PIE, Mode.TRIMPATH, Mode.STRIPPED, Mode.EXTLINK, Mode.GOPATH)) {
        builds.add(new GoBuild("timeonly", tc, "linux", "amd64", m));
      }
      for (String p : List.of("linux/386", "linux/arm64", "windows/amd64", "darwin/arm64")) {
        builds.add(new GoBuild("timeonly", tc, p.split("/")[0], p.split("/")[1], Mode.DEFAULT));
      }
      builds.add(new GoBuild("moddep", tc, "linux", "amd64", Mode.DEFAULT));
      builds.add(new GoBuild("nethttp", tc, "linux", "amd64", Mode.DEFAULT));
      for (Mode m : List.of(Mode.VCS, Mode.VCS_DIRTY, Mode.VCS_OFF)) {
        builds.add(new GoBuild("vcsdemo", tc, "linux", "amd64", m));
      }
    }
    return TestBinaries.buildAll(builds).stream();
  }

  /** A name unique across toolchains: {@code go1.19.8-timeonly-linux-amd64}. */
  private static String unique(TestBinary t) {
    return t.build().toolchain().version() + "-" + t.name();
  }

  private CliRunner govern() {
    return new CliRunner(home);
  }

  /** A hard link (or copy) of a binary in the test's own directory, under a chosen name. */
  private Path place(TestBinary fixture, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(name);
    try {
      Files.createLink(target, fixture.file());
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(fixture.file(), target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return target;
  }

  /** What the toolchain's {@code go version -m} printed, with the file printed as {@code as}. */
  private static String expected(TestBinary fixture, String printedAs) {
    String text = fixture.versionM().out();
    assertThat(text).startsWith(fixture.name() + ": ");
    return printedAs + text.substring(fixture.name().length());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void inspectPrintsExactlyWhatGoVersionMPrints(TestBinary fixture) throws IOException {
    Path f = place(fixture, work, fixture.name());
    CliRunner.Result r = govern().run("inspect", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(expected(fixture, f.toString()));
  }

  @Test
  void directoryScanListsGoBinariesInGoOrderAndSkipsOthersQuietly() throws IOException {
    Map<String, TestBinary> byName = new TreeMap<>();
    fixtures().forEach(t -> byName.put(unique(t), t));
    List<String> names = new ArrayList<>(byName.keySet());
    Path dir = work.resolve("bins");
    StringBuilder want = new StringBuilder();
    for (String n : names) {
      place(byName.get(n), dir, n);
    }
    Files.writeString(dir.resolve("notes.txt"), "not a binary");
    Path script = dir.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    TestBinary i386 = TestBinaries.go119("timeonly", "linux/386", Mode.DEFAULT);
    TestBinary arm64 = TestBinaries.go119("timeonly", "linux/arm64", Mode.DEFAULT);
    place(i386, dir.resolve("sub"), "a-in-sub");
    Path plain = place(TestBinaries.moddep(), dir, "zz-not-executable");
    Files.delete(plain);
    Files.copy(TestBinaries.moddep().file(), plain);
    Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(dir.resolve("link-to-file"), arm64.file());
    Files.createSymbolicLink(dir.resolve("link-to-dir"), dir.resolve("sub"));

    // Go's order: names byte-wise, directories walked where they sort
    List<String> all = new ArrayList<>(names);
    all.add("link-to-file");
    all.add("sub");
    all.sort(String::compareTo);
    for (String n : all) {
      if (n.equals("sub")) {
        want.append(expected(i386, "bins/sub/a-in-sub"));
      } else if (n.equals("link-to-file")) {
        want.append(expected(arm64, "bins/link-to-file"));
      } else {
        want.append(expected(byName.get(n), "bins/" + n));
      }
    }
    String arg = work + "/./bins/";
    CliRunner.Result r = govern().run("inspect", arg);
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(want.toString().replace("bins/", work + "/bins/"));

    CliRunner.Result verbose = govern().run("--verbose", "inspect", "--threads", "1", arg);
    assertThat(verbose.out()).isEqualTo(r.out());
    assertThat(verbose.err())
        .contains(work + "/bins/notes.txt: not executable file")
        .contains(work + "/bins/run.sh: unrecognized file format")
        .contains(work + "/bins/zz-not-executable: not executable file")
        .contains(work + "/bins/link-to-dir: symlink");
    Files.delete(dir.resolve("link-to-file")); // points outside the temp dir: JUnit would warn
  }

  @Test
  void directoryScanReportsABrokenGoBinaryAndContinues() throws IOException {
    Path dir = work.resolve("d");
    TestBinary good = TestBinaries.timeonly();
    place(good, dir, "b-good");
    byte[] bad = good.bytes();
    // the version's uvarint length (at blob + 32) now says 4 GiB: past the end of the section
    byte[] huge = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10};
    System.arraycopy(huge, 0, bad, buildInfoBlob(bad) + 32, huge.length);
    Path broken = dir.resolve("a-broken");
    Files.write(broken, bad);
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
    CliRunner.Result r = govern().run("inspect", dir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(expected(good, dir + "/b-good"));
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("govern: error: " + broken + ": corrupt Go build info");
  }

  @Test
  void jsonDirectoryScanListsSkippedFilesAndErrors() throws IOException {
    Path dir = work.resolve("j");
    TestBinary arm64 = TestBinaries.go119("timeonly", "linux/arm64", Mode.DEFAULT);
    place(arm64, dir, "good");
    Files.writeString(dir.resolve("note.txt"), "text");
    Path cut = dir.resolve("cut");
    Files.write(cut, java.util.Arrays.copyOf(arm64.bytes(), 70_000));
    Files.setPosixFilePermissions(cut, PosixFilePermissions.fromString("rwxr-xr-x"));
    CliRunner.Result r = govern().run("inspect", "--verbose", "--json", dir.toString());
    assertThat(r.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("binaries")).hasSize(1);
    assertThat(doc.get("binaries").get(0).get("architecture").asText()).isEqualTo("arm64");
    assertThat(doc.get("skipped").get(0).get("file").asText()).isEqualTo(dir + "/note.txt");
    assertThat(doc.get("skipped").get(0).get("reason").asText()).isEqualTo("not executable file");
    assertThat(doc.get("errors").get(0).get("file").asText()).isEqualTo(cut.toString());
    assertThat(doc.get("errors").get(0).get("reason").asText()).startsWith("truncated");
  }

  @Test
  void aFileThatIsNotAGoBinaryIsOneErrorLineAndExitThree() throws IOException {
    Path txt = Files.writeString(work.resolve("readme.txt"), "hello, this is text");
    CliRunner.Result r = govern().run("inspect", txt.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("govern: error: " + txt + ": unrecognized file format\n");
  }

  @Test
  void aTruncatedGoBinaryIsOneErrorLineNamingItAndExitThree() throws IOException {
    byte[] whole = TestBinaries.timeonly().bytes();
    Path cut = work.resolve("cut");
    Files.write(cut, java.util.Arrays.copyOf(whole, 100_000));
    CliRunner.Result r = govern().run("inspect", cut.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("govern: error: " + cut + ": truncated (");
  }

  @Test
  void aNonGoElfIsNotAGoExecutable() {
    CliRunner.Result r = govern().run("inspect", "/bin/sh");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("govern: error: /bin/sh: not a Go executable");
  }

  @Test
  void missingFileIsNotFound() {
    CliRunner.Result r = govern().run("inspect", work.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("no such file or directory");
  }

  @Test
  void severalFilesPrintEveryGoodOneAndFailWithThreeIfOneIsBad() throws IOException {
    TestBinary vcs = TestBinaries.vcsdemo();
    Path good = place(vcs, work, "good");
    Path txt = Files.writeString(work.resolve("bad.txt"), "text text text text");
    CliRunner.Result r = govern().run("inspect", txt.toString(), good.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo(expected(vcs, good.toString()));
    assertThat(r.err()).isEqualTo("govern: error: " + txt + ": unrecognized file format\n");
  }

  @Test
  void jsonGivesTheStructuredModel() throws IOException {
    TestBinary moddep = TestBinaries.moddep();
    TestBinary dirty = TestBinaries.go119("vcsdemo", "linux/amd64", Mode.VCS_DIRTY);
    Path f = place(moddep, work, "moddep");
    Path v = place(dirty, work, "vcs");
    CliRunner.Result r = govern().run("inspect", "--json", "--buildid", f.toString(), v.toString());
    assertThat(r.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode b = doc.get("binaries").get(0);
    assertThat(b.get("file").asText()).isEqualTo(f.toString());
    assertThat(b.get("format").asText()).isEqualTo("ELF");
    assertThat(b.get("architecture").asText()).isEqualTo("amd64");
    assertThat(b.get("goVersion").asText()).isEqualTo(moddep.build().toolchain().version());
    assertThat(b.get("main").get("version").asText()).isEqualTo("(devel)");
    assertThat(b.get("deps")).hasSize(4);
    assertThat(b.get("deps").get(0).get("replace").get("path").asText()).isEqualTo("../greet");
    assertThat(b.get("buildId").asText()).isEqualTo(moddep.buildId().out().strip());
    assertThat(b.get("settings").get(1).get("value").asText()).isEqualTo("-X main.unused=1 -w");
    JsonNode vcs = doc.get("binaries").get(1).get("vcs");
    assertThat(vcs.get("revision").asText()).isEqualTo(setting(dirty, "vcs.revision"));
    assertThat(vcs.get("time").asText()).isEqualTo(setting(dirty, "vcs.time"));
    assertThat(vcs.get("modified").asBoolean()).isTrue();
  }

  @Test
  void symbolsListTheFunctionTableAndInlinedNames() throws IOException {
    TestBinary nethttp = TestBinaries.nethttp();
    Path f = place(nethttp, work, "nethttp");
    CliRunner.Result r =
        govern().run("inspect", "--symbols", "--linked", "net/http.(*Client).Do", f.toString());
    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    List<String> funcs =
        lines.stream().filter(l -> l.startsWith("\tfunc\t")).map(l -> l.substring(6)).toList();
    // the function table is what `go tool nm` lists as functions (see NmSymbols)
    assertThat(NmSymbols.normalize(funcs))
        .containsExactlyInAnyOrderElementsOf(NmSymbols.functions(nethttp.nm().out(), false));
    // (*Client).Do is inlined into main.main: not a function of its own, but linked
    assertThat(NmSymbols.functions(nethttp.nm().out(), false))
        .doesNotContain("net/http.(*Client).Do");
    assertThat(lines).contains("\tinlined\tnet/http.(*Client).Do");
    assertThat(lines).contains("\tlinked\tnet/http.(*Client).Do\tyes");

    CliRunner.Result json = govern().run("inspect", "--json", "--symbols", f.toString());
    JsonNode t =
        new ObjectMapper().readTree(json.out()).get("binaries").get(0).get("functionTable");
    assertThat(t.get("layout").asText()).isEqualTo("go1.18");
    assertThat(t.get("functionCount").asInt()).isEqualTo(funcs.size());
    assertThat(t.get("functions")).hasSize(funcs.size());
  }

  @Test
  void buildIdLineFollowsTheModuleLines() throws IOException {
    TestBinary exe = TestBinaries.go119("timeonly", "windows/amd64", Mode.DEFAULT);
    Path f = place(exe, work, "t.exe");
    String id = exe.buildId().out().strip();
    CliRunner.Result r = govern().run("inspect", "--buildid", f.toString());
    assertThat(r.out()).startsWith(expected(exe, f.toString())).endsWith("\tbuildid\t" + id + "\n");
  }

  /** A build setting as {@code go version -m} printed it. */
  private static String setting(TestBinary t, String key) {
    String prefix = "\tbuild\t" + key + "=";
    return t.versionM()
        .out()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow()
        .substring(prefix.length());
  }

  /** Where the build-info blob starts: its 16-byte aligned magic. */
  private static int buildInfoBlob(byte[] b) {
    byte[] magic = "\u00ff Go buildinf:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + magic.length <= b.length; i += 16) {
      for (int j = 0; j < magic.length; j++) {
        if (b[i + j] != magic[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no build info blob");
  }
}
