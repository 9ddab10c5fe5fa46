package dev.govern.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InspectCommandTest {
  @TempDir Path home;
  @TempDir Path work;

  static Path fixtures() {
    return Path.of(System.getProperty("govern.shared")).resolve("fixtures");
  }

  static Stream<String> fixtureNames() throws IOException {
    try (Stream<Path> s = Files.list(fixtures())) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected.txt"))
          .map(n -> n.substring(0, n.length() - ".expected.txt".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private CliRunner govern() {
    return new CliRunner(home);
  }

  /** A hard link (or copy) of a fixture in the test's own directory, under a chosen name. */
  private Path place(String fixture, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(name);
    try {
      Files.createLink(target, fixtures().resolve(fixture));
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(fixtures().resolve(fixture), target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return target;
  }

  private static String expected(String fixture, String printedAs) throws IOException {
    String text = Files.readString(fixtures().resolve(fixture + ".expected.txt"));
    return printedAs + text.substring(fixture.length());
  }

  @ParameterizedTest
  @MethodSource("fixtureNames")
  void inspectPrintsExactlyWhatGoVersionMPrints(String name) throws IOException {
    Path f = place(name, work, name);
    CliRunner.Result r = govern().run("inspect", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(expected(name, f.toString()));
  }

  @Test
  void directoryScanListsGoBinariesInGoOrderAndSkipsOthersQuietly() throws IOException {
    List<String> names = fixtureNames().toList();
    Path dir = work.resolve("bins");
    StringBuilder want = new StringBuilder();
    for (String n : names) {
      place(n, dir, n);
    }
    Files.writeString(dir.resolve("notes.txt"), "not a binary");
    Path script = dir.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    place("timeonly-linux-386", dir.resolve("sub"), "a-in-sub");
    Path plain = place("moddep-linux-amd64", dir, "zz-not-executable");
    Files.delete(plain);
    Files.copy(fixtures().resolve("moddep-linux-amd64"), plain);
    Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(
        dir.resolve("link-to-file"), fixtures().resolve("timeonly-linux-arm64"));
    Files.createSymbolicLink(dir.resolve("link-to-dir"), dir.resolve("sub"));

    // Go's order: names byte-wise, directories walked where they sort
    List<String> all = new ArrayList<>(names);
    all.add("link-to-file");
    all.add("sub");
    all.sort(String::compareTo);
    for (String n : all) {
      if (n.equals("sub")) {
        want.append(expected("timeonly-linux-386", "bins/sub/a-in-sub"));
      } else if (n.equals("link-to-file")) {
        want.append(expected("timeonly-linux-arm64", "bins/link-to-file"));
      } else {
        want.append(expected(n, "bins/" + n));
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
    place("timeonly-linux-amd64", dir, "b-good");
    byte[] whole = Files.readAllBytes(fixtures().resolve("timeonly-linux-amd64"));
    byte[] bad = whole.clone();
    // the version's uvarint length (at blob + 32) now says 4 GiB: past the end of the section
    byte[] huge = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10};
    System.arraycopy(huge, 0, bad, 0x126000 + 32, huge.length);
    Path broken = dir.resolve("a-broken");
    Files.write(broken, bad);
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
    CliRunner.Result r = govern().run("inspect", dir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(expected("timeonly-linux-amd64", dir + "/b-good"));
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("govern: error: " + broken + ": corrupt Go build info");
  }

  @Test
  void jsonDirectoryScanListsSkippedFilesAndErrors() throws IOException {
    Path dir = work.resolve("j");
    place("timeonly-linux-arm64", dir, "good");
    Files.writeString(dir.resolve("note.txt"), "text");
    Path cut = dir.resolve("cut");
    Files.write(
        cut,
        java.util.Arrays.copyOf(
            Files.readAllBytes(fixtures().resolve("timeonly-linux-arm64")), 70_000));
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
    byte[] whole = Files.readAllBytes(fixtures().resolve("timeonly-linux-amd64"));
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
    Path good = place("vcsdemo-linux-amd64", work, "good");
    Path txt = Files.writeString(work.resolve("bad.txt"), "text text text text");
    CliRunner.Result r = govern().run("inspect", txt.toString(), good.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo(expected("vcsdemo-linux-amd64", good.toString()));
    assertThat(r.err()).isEqualTo("govern: error: " + txt + ": unrecognized file format\n");
  }

  @Test
  void jsonGivesTheStructuredModel() throws IOException {
    Path f = place("moddep-linux-amd64", work, "moddep");
    Path v = place("vcsdemo-linux-amd64-dirty", work, "vcs");
    CliRunner.Result r = govern().run("inspect", "--json", "--buildid", f.toString(), v.toString());
    assertThat(r.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode b = doc.get("binaries").get(0);
    assertThat(b.get("file").asText()).isEqualTo(f.toString());
    assertThat(b.get("format").asText()).isEqualTo("ELF");
    assertThat(b.get("architecture").asText()).isEqualTo("amd64");
    assertThat(b.get("goVersion").asText()).isEqualTo("go1.19.8");
    assertThat(b.get("main").get("version").asText()).isEqualTo("(devel)");
    assertThat(b.get("deps")).hasSize(4);
    assertThat(b.get("deps").get(0).get("replace").get("path").asText())
        .isEqualTo("../stubs/greet");
    assertThat(b.get("buildId").asText()).hasSize(83);
    assertThat(b.get("settings").get(1).get("value").asText()).isEqualTo("-X main.unused=1 -w");
    JsonNode vcs = doc.get("binaries").get(1).get("vcs");
    assertThat(vcs.get("revision").asText()).isEqualTo("2dfab8e11bbb22e339b56a814055e99d0f257bc8");
    assertThat(vcs.get("time").asText()).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(vcs.get("modified").asBoolean()).isTrue();
  }

  @Test
  void symbolsListTheFunctionTableAndInlinedNames() throws IOException {
    Path f = place("nethttp-linux-amd64-nodwarf", work, "nethttp");
    CliRunner.Result r =
        govern().run("inspect", "--symbols", "--linked", "net/http.(*Client).Do", f.toString());
    assertThat(r.exitCode()).isZero();
    List<String> funcs =
        Files.readAllLines(fixtures().resolve("nethttp-linux-amd64-nodwarf.funcs.txt"));
    List<String> lines = r.out().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("\tfunc\t")).map(l -> l.substring(6)))
        .containsExactlyElementsOf(funcs);
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
    Path f = place("timeonly-windows-amd64.exe", work, "t.exe");
    String id = null;
    for (JsonNode n : new ObjectMapper().readTree(fixtures().resolve("manifest.json").toFile())) {
      if (n.get("file").asText().equals("timeonly-windows-amd64.exe")) {
        id = n.get("build_id").asText();
      }
    }
    CliRunner.Result r = govern().run("inspect", "--buildid", f.toString());
    assertThat(r.out())
        .startsWith(expected("timeonly-windows-amd64.exe", f.toString()))
        .endsWith("\tbuildid\t" + id + "\n");
  }
}
