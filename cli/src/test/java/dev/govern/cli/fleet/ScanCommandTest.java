package dev.govern.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TarBuilder;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixture fleet built by the test: repositories in different states, binaries, images. */
class ScanCommandTest {
  static final String VULNDB = TestData.osvDir().toString();
  static final String AS_OF = "2026-09-01";

  @TempDir Path tmp;
  Path fleet;

  @BeforeEach
  void buildFleet() throws Exception {
    fleet = tmp.resolve("fleet");
    write("green/.git/HEAD", "ref: refs/heads/main\n");
    write("green/.github/CODEOWNERS", "*  @platform\n/svc/ @payments-team\n");
    write("green/svc/go.mod", "module example.com/payments\n\ngo 1.26.0\ntoolchain go1.26.7\n");
    write("yellow/go.mod", "module example.com/search\n\ngo 1.26.0\n");
    write("yellow/.go-version", "1.26.5\n");
    write("red/go.mod", "module example.com/legacy\n\ngo 1.24\n");
    write("red/Dockerfile", "FROM golang:1.24.3-alpine\n");
    Files.createDirectories(fleet.resolve("bin"));
    Files.copy(TestBinaries.vcsdemo().file(), fleet.resolve("bin/vcsdemo"));
    // a docker save tarball with a Go binary in its only layer
    byte[] layer =
        new TarBuilder()
            .file("usr/local/bin/timeonly", TestBinaries.timeonly().bytes(), 0755)
            .tar();
    String manifest =
        "[{\"Config\":\"cfg.json\",\"RepoTags\":[\"acme/timeonly:1.0\"],\"Layers\":[\"abc123/layer.tar\"]}]";
    Files.write(
        fleet.resolve("images/timeonly.tar"),
        new TarBuilder()
            .file("abc123/layer.tar", layer, 0644)
            .file("cfg.json", "{}", 0644)
            .file("manifest.json", manifest, 0644)
            .tar());
    ociLayout(fleet.resolve("images/oci"), TestBinaries.nethttp().bytes());
    // a symbolic link loop must not trap the walk
    Files.createSymbolicLink(fleet.resolve("red/loop"), fleet);
  }

  private void write(String name, String text) throws Exception {
    Path p = fleet.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.createDirectories(fleet.resolve("images"));
  }

  /** An OCI image layout with one gzip layer holding {@code binary}. */
  private static void ociLayout(Path dir, byte[] binary) throws Exception {
    String layer = blob(dir, new TarBuilder().file("app/server", binary, 0755).tarGz());
    String config = blob(dir, "{}".getBytes(StandardCharsets.UTF_8));
    String manifest =
        blob(
            dir,
            ("{\"schemaVersion\":2,\"config\":{\"digest\":\""
                    + config
                    + "\"},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                    + layer
                    + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\""
            + manifest
            + "\",\"annotations\":{\"org.opencontainers.image.ref.name\":\"acme/nethttp:2\"}}]}");
  }

  private static String blob(Path dir, byte[] data) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    Path p = dir.resolve("blobs/sha256/" + hex);
    Files.createDirectories(p.getParent());
    Files.write(p, data);
    return "sha256:" + hex;
  }

  private CliRunner.Result scan(String... extra) {
    String[] base = {"scan", fleet.toString(), "--vulndb", VULNDB, "--as-of", AS_OF};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new CliRunner(tmp).run(args);
  }

  private static Map<String, JsonNode> byName(JsonNode doc) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    doc.path("services").forEach(s -> m.put(s.path("name").asText(), s));
    return m;
  }

  @Test
  void classifiesEveryServiceOfTheFleet() throws Exception {
    CliRunner.Result r = scan("--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<String, JsonNode> s = byName(new ObjectMapper().readTree(r.out()));
    assertThat(s.get("example.com/payments").path("riskClass").asText()).isEqualTo("green");
    assertThat(s.get("example.com/payments").path("owner").asText()).isEqualTo("@payments-team");
    assertThat(s.get("example.com/payments").path("go").asText()).isEqualTo("go1.26.7");

    JsonNode yellow = s.get("example.com/search");
    assertThat(yellow.path("riskClass").asText()).isEqualTo("yellow");
    assertThat(yellow.path("goFrom").asText()).isEqualTo("version pin file");
    assertThat(yellow.path("because").toString()).contains("behind_patches");

    JsonNode red = s.get("example.com/legacy");
    assertThat(red.path("riskClass").asText()).isEqualTo("red");
    assertThat(red.path("go").asText()).isEqualTo("go1.24.3");
    assertThat(red.path("goFrom").asText()).isEqualTo("Dockerfile");
    assertThat(red.path("supported").asBoolean()).isFalse();
    // every evidence, strongest first: the Dockerfile before the go line (a minimum)
    assertThat(red.path("evidence").get(0).path("kind").asText()).isEqualTo("Dockerfile");
    assertThat(red.path("evidence").get(1).path("minimum").asBoolean()).isTrue();

    assertThat(s).containsKey("example.com/fixtures/vcsdemo (vcsdemo)");
    JsonNode image =
        s.get("example.com/fixtures/timeonly (acme/timeonly:1.0:/usr/local/bin/timeonly)");
    assertThat(image).as(s.keySet().toString()).isNotNull();
    assertThat(image.path("evidence").get(0).path("kind").asText()).isEqualTo("container image");
    assertThat(image.path("riskClass").asText()).isEqualTo("red");
    assertThat(s.keySet())
        .anyMatch(k -> k.startsWith("example.com/fixtures/nethttp (acme/nethttp:2:/app/server)"));
    assertThat(s.get("example.com/fixtures/vcsdemo (vcsdemo)").path("stdlib").size())
        .isGreaterThan(10);
  }

  @Test
  void tableCsvMarkdownAndHtmlReportTheSameServices() throws Exception {
    CliRunner.Result table = scan();
    assertThat(table.out()).contains("class", "example.com/legacy", "services:");
    assertThat(table.out().lines().skip(1).findFirst().orElse("")).startsWith("red");
    CliRunner.Result csv = scan("--format", "csv");
    assertThat(csv.out())
        .startsWith(
            "class,service,owner,go,from,supported,stdlib,toolchain,modules,fix,why,evidence\r\n");
    assertThat(csv.out().split("\r\n")).hasSize(1 + 6);
    assertThat(scan("--format", "markdown").out())
        .contains("| class | service |", "| green | example.com/payments | @payments-team |");
    Path html = tmp.resolve("fleet.html");
    CliRunner.Result h = scan("--format", "html", "--out", html.toString());
    assertThat(h.exitCode()).isZero();
    String page = Files.readString(html);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg", "sortBy(", "example.com/legacy");
    assertThat(page).doesNotContain("src=\"http", "href=\"http", "<link ");
  }

  @Test
  void jsonIsShorthandForFormatJson() throws Exception {
    CliRunner.Result shorthand = scan("--json");
    assertThat(shorthand.exitCode()).as(shorthand.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(shorthand.out());
    assertThat(doc.path("schemaVersion").asInt()).isPositive();
    assertThat(byName(doc).keySet())
        .isEqualTo(byName(new ObjectMapper().readTree(scan("--format", "json").out())).keySet());
    CliRunner.Result clash = scan("--json", "--format", "csv");
    assertThat(clash.exitCode()).isEqualTo(2);
    assertThat(clash.err()).contains("--json and --format csv disagree");
  }

  @Test
  void aMissingPathFailsBeforeAnyDatabaseIsFetched() {
    CliRunner.Result r =
        new CliRunner(tmp)
            .env("GOVERN_VULNDB", "http://127.0.0.1:9/unreachable")
            .run("scan", tmp.resolve("no-such-folder").toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "govern: error: no such file or directory: " + tmp.resolve("no-such-folder") + "\n");
  }

  @Test
  void failOnRedAndYellow() {
    assertThat(scan("--fail-on", "red").exitCode()).isEqualTo(4);
    assertThat(scan("--fail-on", "purple").exitCode()).isEqualTo(2);
  }

  @Test
  void savedScansShowWhatChanged() throws Exception {
    CliRunner.Result saved = scan("--save");
    assertThat(saved.exitCode()).as(saved.err()).isZero();
    Files.writeString(fleet.resolve("yellow/.go-version"), "1.26.7\n");
    Files.writeString(fleet.resolve("red/Dockerfile"), "FROM golang:1.23.0\n");
    Files.delete(fleet.resolve("bin/vcsdemo"));
    write("new/go.mod", "module example.com/fresh\n\ngo 1.26.7\n");
    CliRunner.Result d = scan("--diff");
    assertThat(d.exitCode()).as(d.err()).isZero();
    assertThat(d.out())
        .containsPattern("upgraded\\s+example.com/search: go1.26.5 yellow -> go1.26.7 green")
        .containsPattern("regressed\\s+example.com/legacy: go1.24.3 red -> go1.23.0 red")
        .containsPattern("new\\s+example.com/fresh")
        .containsPattern("gone\\s+example.com/fixtures/vcsdemo");
  }

  @Test
  void diffWithoutASavedScanSaysSo() {
    CliRunner.Result d = scan("--diff");
    assertThat(d.exitCode()).isEqualTo(3);
    assertThat(d.err()).contains("no saved scan", "--save");
  }

  @Test
  void teamClassesFromTheGovernanceFileApply() throws Exception {
    Path gov = tmp.resolve("govern.yaml");
    Files.writeString(gov, "classes:\n  red: [behind_patches]\n  yellow: []\n");
    CliRunner.Result r = scan("--format", "json", "--policy", gov.toString());
    Map<String, JsonNode> s = byName(new ObjectMapper().readTree(r.out()));
    assertThat(s.get("example.com/search").path("riskClass").asText()).isEqualTo("red");
    assertThat(s.get("example.com/payments").path("riskClass").asText()).isEqualTo("green");
  }
}
