package dev.govern.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.vuln.SharedVulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one line and exit 2 or 3; pinned settings the target removes block. */
class ImpactInputsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  CliRunner.Result govern(String... args) {
    return new CliRunner(tmp)
        .env("GOMODCACHE", tmp.resolve("modcache").toString())
        .cwd(tmp)
        .run(args);
  }

  Path module(String goMod, String main) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("m"));
    Files.writeString(dir.resolve("go.mod"), goMod);
    Files.writeString(dir.resolve("main.go"), main);
    return dir;
  }

  static void oneLineError(CliRunner.Result r, int exit, String contains) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(exit);
    assertThat(r.out()).isEmpty();
    String[] lines = r.err().strip().split("\n");
    assertThat(lines[0]).startsWith("govern: error: ").contains(contains);
    assertThat(lines.length).isLessThanOrEqualTo(2);
    if (lines.length == 2) {
      assertThat(lines[1]).startsWith("hint: ");
    }
  }

  @Test
  void unknownTargetVersionIsNotFound() throws IOException {
    Path m = module("module example.com/m\n\ngo 1.21\n", "package main\n\nfunc main() {}\n");
    oneLineError(
        govern("impact", m.toString(), "--to", "1.99", "--offline"),
        3,
        "unknown Go version go1.99");
    oneLineError(govern("impact", m.toString(), "--to", "go1.22.99", "--offline"), 3, "go1.22.99");
    oneLineError(
        govern("impact", m.toString(), "--to", "banana", "--offline"),
        2,
        "\"banana\" is not a Go version");
    oneLineError(
        govern("impact", m.toString(), "--to", "1.23", "--from", "x", "--offline"), 2, "--from");
    oneLineError(
        govern("impact", m.toString(), "--to", "1.23", "--format", "xml"), 2, "unknown format");
  }

  @Test
  void goModThatDoesNotParseNamesFileAndLine() throws IOException {
    Path m = module("module example.com/m\n\ngo 1.21\nrequire example.com/x\n", "package main\n");
    oneLineError(govern("impact", m.toString(), "--to", "1.23", "--offline"), 2, "go.mod:4:");
  }

  @Test
  void binaryWithoutBuildInfoAndMissingTargetsAreNotFound() throws IOException {
    Path notGo = tmp.resolve("tool");
    Files.copy(Path.of(ProcessHandle.current().info().command().orElseThrow()), notGo);
    oneLineError(
        govern("impact", notGo.toString(), "--to", "1.23", "--offline"), 3, notGo.toString());
    Path text = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
    oneLineError(govern("impact", text.toString(), "--to", "1.23", "--offline"), 3, "notes.txt");
    oneLineError(
        govern("impact", tmp.resolve("nope").toString(), "--to", "1.23", "--offline"), 3, "nope");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    oneLineError(govern("impact", empty.toString(), "--to", "1.23", "--offline"), 3, "no go.mod");
  }

  @Test
  void settingsPinnedInTheCodeThatTheTargetRemovesBlock() throws IOException {
    Path m =
        module(
            "module example.com/m\n\ngo 1.23\n\ngodebug asynctimerchan=1\n",
            "//go:debug tls10server=1\n\npackage main\n\nimport \"crypto/tls\"\n\nvar _ = tls.Dial\n\nfunc main() {}\n");
    CliRunner.Result r =
        govern(
            "impact",
            m.toString(),
            "--to",
            "1.27",
            "--json",
            "--as-of",
            "2026-08-21",
            "--vulndb",
            SharedVulnDb.osvDir().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.path("blocking")).hasSize(2);
    assertThat(doc.path("blocking").toString())
        .contains("go.mod godebug asynctimerchan=1: removed in go1.27")
        .contains("//go:debug tls10server=1: removed in go1.27");
    assertThat(doc.path("blocking").get(0).path("alreadyNow").asBoolean()).isFalse();
    // removal forces the new behaviour in the toolchain step; nothing keeps the old one
    JsonNode tls = ImpactCommandTest.find(doc.path("toolchainStep"), "tls10server");
    assertThat(tls.path("before").asText()).isEqualTo("1");
    assertThat(tls.path("after").asText()).isEqualTo("0");
    assertThat(tls.path("keep").isNull()).isTrue();
    assertThat(tls.path("exposure").asText()).isEqualTo("imported");
    assertThat(doc.path("directives")).hasSize(2);
    assertThat(doc.path("directives").toString()).contains("main.go", "\"line\":1");

    CliRunner.Result md =
        govern(
            "impact",
            m.toString(),
            "--to",
            "1.27",
            "--format",
            "markdown",
            "--as-of",
            "2026-08-21",
            "--vulndb",
            SharedVulnDb.osvDir().toString());
    assertThat(md.out())
        .contains("# Upgrade impact: example.com/m to go1.27.0")
        .contains("## Step 1: toolchain bump")
        .contains("**Blocking**")
        .contains("| `tls10server` | crypto/tls | `1` -> `0` | **imported**");
  }
}
