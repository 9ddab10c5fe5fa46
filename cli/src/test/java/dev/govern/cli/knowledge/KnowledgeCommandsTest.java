package dev.govern.cli.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** govern releases, vulns and advise, run in-process against the repository's test data. */
class KnowledgeCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private CliRunner govern;
  private String osv;

  @BeforeEach
  void setUp() {
    govern = new CliRunner(tmp);
    osv = TestData.osvDir().toString();
  }

  @Test
  void releasesListsEveryLineWithItsSupportAsOfADay() throws Exception {
    CliRunner.Result r = govern.run("releases", "--json", "--as-of", "2026-08-21");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode lines = doc.get("lines");
    assertThat(lines).hasSize(28);
    assertThat(lines.get(0).get("line").asText()).isEqualTo("go1.27");
    assertThat(lines.get(0).get("supported").asBoolean()).isTrue();
    JsonNode go125 = lines.get(2);
    assertThat(go125.get("line").asText()).isEqualTo("go1.25");
    assertThat(go125.get("supported").asBoolean()).isFalse();
    assertThat(go125.get("endOfSupport").asText()).isEqualTo("2026-08-19");
    assertThat(go125.get("endedBy").asText()).isEqualTo("go1.27.0");
    assertThat(go125.get("latestPatch").asText()).isEqualTo("go1.25.14");
    assertThat(go125.get("securityPatchReleases").asInt()).isEqualTo(11);
  }

  @Test
  void releasesAsOfAnEarlierDayKnowsOnlyWhatWasReleasedThen() {
    CliRunner.Result r = govern.run("releases", "--as-of", "2024-02-06");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("go1.22 ")
        .contains("supported");
    assertThat(r.out())
        .contains("end of life since 2024-02-06 (go1.22.0)")
        .doesNotContain("go1.23");
  }

  @Test
  void releasesRejectsABadDateAsUsage() {
    CliRunner.Result r = govern.run("releases", "--as-of", "yesterday");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("govern: error:");
  }

  @Test
  void vulnsOfAVersionAgreeWithTheReferenceList() throws Exception {
    CliRunner.Result r = govern.run("vulns", "go1.21.3", "--vulndb", osv, "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("kind").asText()).isEqualTo("version");
    assertThat(doc.get("database").get("entries").asInt()).isEqualTo(4291);
    TreeSet<String> ids = new TreeSet<>();
    doc.get("stdlib").forEach(f -> ids.add(f.get("id").asText()));
    doc.get("toolchain").forEach(f -> ids.add(f.get("id").asText()));
    TreeSet<String> expected = new TreeSet<>();
    for (JsonNode rel : TestData.releases()) {
      if (rel.get("version").asText().equals("go1.21.3")) {
        rel.get("vulndb_known_affecting").forEach(n -> expected.add(n.asText()));
      }
    }
    assertThat(ids).isEqualTo(expected);
    JsonNode first = doc.get("stdlib").get(0);
    assertThat(first.has("linked")).isFalse();
    assertThat(first.get("packages").get(0).get("path").asText()).isNotEmpty();
  }

  @Test
  void vulnsReadsTheDatabaseFromTheEnvironmentAndPrintsSections() {
    CliRunner.Result r =
        govern.env("GOVERN_VULNDB", osv).run("vulns", "go1.21.3", "--goos", "linux");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("go1.21.3\n")
        .contains("(on linux/any)")
        .contains("Standard library (compiled into programs):")
        .contains("Toolchain (go command, compiler, linker: a build-machine risk):")
        .doesNotContain("GO-2023-2185"); // Windows only
  }

  @Test
  void vulnsOfAModuleDirectoryReportModulesSeparately() throws Exception {
    Files.writeString(
        tmp.resolve("go.mod"),
        "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/net v0.6.0\n"
            + "\tgithub.com/docker/distribution v2.6.2+incompatible\n)\n");
    CliRunner.Result r = govern.run("vulns", tmp.toString(), "--vulndb", osv, "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("kind").asText()).isEqualTo("go.mod");
    assertThat(doc.get("go").asText()).isEqualTo("go1.22.0");
    assertThat(doc.get("modules"))
        .extracting(m -> m.get("path").asText())
        .containsExactly("golang.org/x/net", "github.com/docker/distribution");
    CliRunner.Result text = govern.run("vulns", tmp.resolve("go.mod").toString(), "--vulndb", osv);
    assertThat(text.out()).contains("Module golang.org/x/net@v0.6.0:").contains("GO-2023-1571");
    JsonNode net = doc.get("modules").get(0).get("findings");
    for (JsonNode f : net) {
      if (f.get("id").asText().equals("GO-2023-1571")) {
        assertThat(f.get("fixed").asText()).isEqualTo("v0.7.0");
      }
    }
    assertThat(doc.get("stdlib").get(0).get("fixed").asText()).startsWith("go1.22.");
  }

  @Test
  void everyKnowledgeCommandHasHelp() {
    for (String cmd : new String[] {"releases", "vulns", "advise"}) {
      CliRunner.Result r = govern.run(cmd, "--help");
      assertThat(r.exitCode()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: govern " + cmd);
    }
  }

  @Test
  void vulnsOfSomethingElseIsAUsageError() {
    CliRunner.Result r = govern.run("vulns", "not-a-version", "--vulndb", osv);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not a Go version, a directory or a file");
  }

  @Test
  void offlineWithoutACachedCopyUsesTheEmbeddedDatabaseAndSaysHowOldItIs() throws Exception {
    CliRunner.Result r = govern.run("vulns", "go1.22.1", "--offline", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("database").get("kind").asText()).isEqualTo("embedded");
    assertThat(doc.get("database").get("entries").asInt()).isEqualTo(4291);
    assertThat(r.err())
        .isEqualTo(
            "govern: warning: using "
                + OfflineKnowledgeTest.embedded()
                + " instead of https://vuln.go.dev; offline\n");
  }

  @Test
  void offlineUsesTheCachedDefaultDatabaseAndWarnsOfItsAge() throws Exception {
    // a copy of vuln.go.dev cached three days ago (a zip in the layout the sync writes)
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      z.putNextEntry(new java.util.zip.ZipEntry("index/db.json"));
      z.write(
          "{\"modified\":\"2026-08-21T10:00:00Z\"}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String id : new String[] {"GO-2023-2185", "GO-2023-2186"}) {
        z.putNextEntry(new java.util.zip.ZipEntry("ID/" + id + ".json"));
        z.write(Files.readAllBytes(TestData.osvDir().resolve(id + ".json")));
      }
    }
    java.time.Instant fetched = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
    new dev.govern.core.net.DocumentCache(tmp.resolve(".govern/cache"))
        .put(
            "vulndb/vuln.go.dev.zip",
            "https://vuln.go.dev",
            zip.toByteArray(),
            fetched,
            java.time.Instant.parse("2026-08-21T10:00:00Z"));
    CliRunner.Result r = govern.run("vulns", "go1.21.3", "--offline", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .startsWith("govern: warning: using the copy cached 3 days ago (")
        .endsWith(" instead of https://vuln.go.dev; offline\n");
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("database").get("entries").asInt()).isEqualTo(2);
    assertThat(doc.get("database").get("modified").asText()).isEqualTo("2026-08-21T10:00:00Z");
    assertThat(doc.get("database").get("warnings")).hasSize(1);
    assertThat(doc.get("stdlib"))
        .extracting(f -> f.get("id").asText())
        .containsExactly("GO-2023-2185", "GO-2023-2186");
  }

  @Test
  void adviseRecommendsTheSmallestSupportedCleanUpgrade() throws Exception {
    CliRunner.Result r =
        govern.run("advise", "go1.25.3", "--as-of", "2026-08-21", "--vulndb", osv, "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("supported").asBoolean()).isFalse();
    assertThat(doc.get("recommended").asText()).isEqualTo("go1.26.7");
    JsonNode first = doc.get("candidates").get(0);
    assertThat(first.get("version").asText()).isEqualTo("go1.26.7");
    assertThat(first.get("fixes")).hasSize(doc.get("vulnerabilities").size());
    CliRunner.Result text =
        govern.run("advise", "go1.26.2", "--as-of", "2026-08-21", "--vulndb", osv);
    assertThat(text.out()).contains("go1.26.7    same line").contains("Recommended: go1.26.7");
  }
}
