package dev.govern.cli.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.testing.IndexJson;
import dev.govern.core.testing.MirrorServer;
import dev.govern.core.vuln.EmbeddedVulnDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge commands without a network: loopback servers that refuse connections or fail, and
 * {@code --offline}. They answer from the cache or the embedded snapshot, with one warning line.
 */
class OfflineKnowledgeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** "the embedded database of 2026-08-21 (106 days old)" as of today. */
  static String embedded() {
    return EmbeddedVulnDb.builtIn().orElseThrow().describe(LocalDate.now(ZoneOffset.UTC));
  }

  private static String table() {
    LocalDate asOf = ReleaseHistory.builtInAsOf();
    long d = ChronoUnit.DAYS.between(asOf, LocalDate.now(ZoneOffset.UTC));
    return "the carried release table of "
        + asOf
        + " ("
        + d
        + (d == 1 ? " day" : " days")
        + " old)";
  }

  @Test
  void aRefusedConnectionFallsBackToTheEmbeddedDatabaseWithTheIssuesWarning() throws Exception {
    String refusing = MirrorServer.refusingBase();
    for (List<String> args :
        List.of(
            List.of("vulns", "go1.21.3", "--vulndb", refusing),
            List.of("advise", "go1.21.3", "--as-of", "2026-08-21", "--vulndb", refusing))) {
      CliRunner.Result r = new CliRunner(tmp).run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err())
          .isEqualTo(
              "govern: warning: cannot reach "
                  + refusing
                  + " (connection refused); using "
                  + embedded()
                  + "; --vulndb DIR or --offline to choose\n");
    }
    CliRunner.Result vulns = new CliRunner(tmp).run("vulns", "go1.21.3", "--vulndb", refusing);
    assertThat(vulns.out()).contains("GO-2023-2185", "entries from embedded (2026-08-21)");
  }

  @Test
  void aFailingServerFallsBackToo() throws Exception {
    try (MirrorServer server = new MirrorServer().failWith(500)) {
      String url = server.base() + "vulndb";
      CliRunner.Result r = new CliRunner(tmp).run("vulns", "go1.21.3", "--vulndb", url, "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("cannot reach " + url + " (HTTP 500); using the embedded");
      JsonNode db = JSON.readTree(r.out()).get("database");
      assertThat(db.get("kind").asText()).isEqualTo("embedded");
      assertThat(db.get("warnings")).hasSize(1);
    }
  }

  @Test
  void everyKnowledgeCommandTakesOffline() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("go.mod"), "module m\n\ngo 1.21\n");
    for (List<String> args :
        List.of(
            List.of("vulns", "go1.21.3"),
            List.of("advise", "go1.21.3"),
            List.of("gate", repo.toString()),
            List.of("scan", repo.toString()),
            List.of("releases"))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.add("--offline");
      CliRunner.Result r = new CliRunner(tmp).run(all.toArray(String[]::new));
      assertThat(r.exitCode()).as(args + ": " + r.err()).isIn(0, 4);
      assertThat(r.err()).as(args.toString()).doesNotContain("error");
    }
    Path bin = dev.govern.core.testing.TestBinaries.moddep().file();
    assertThat(new CliRunner(tmp).run("sbom", bin.toString(), "--offline").exitCode()).isZero();
  }

  @Test
  void releasesMergeNewerReleasesFromTheDownloadIndex() throws Exception {
    try (MirrorServer server = new MirrorServer()) {
      server.put(
          "index.json",
          new IndexJson()
              .release("go1.28.0", true, new byte[] {1})
              .release("go1.27.9", true, new byte[] {1})
              .release("go1.27.0", true, new byte[] {1})
              .bytes());
      CliRunner govern = new CliRunner(tmp).env("GOVERN_MIRROR", server.base());
      CliRunner.Result r = govern.run("releases", "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).isEmpty();
      JsonNode doc = JSON.readTree(r.out());
      assertThat(doc.get("carriedAsOf").asText()).isEqualTo("2026-08-21");
      assertThat(doc.get("fromIndex"))
          .extracting(JsonNode::asText)
          .containsExactly("go1.27.9", "go1.28.0");
      JsonNode newest = doc.get("lines").get(0);
      assertThat(newest.get("line").asText()).isEqualTo("go1.28");
      assertThat(newest.get("released").asText())
          .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
      assertThat(doc.get("lines").get(1).get("latestPatch").asText()).isEqualTo("go1.27.9");

      // offline, the cached index still counts; the text names where the rows came from
      CliRunner.Result text = govern.run("releases", "--offline");
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out())
          .contains("go1.28 ")
          .contains("newer than the carried table of 2026-08-21, from the download index");
      assertThat(server.countRequests("index.json")).isEqualTo(1);
    }
  }

  @Test
  void releasesWithoutTheIndexSayWhatTheTableCovers() throws Exception {
    CliRunner.Result offline = new CliRunner(tmp).run("releases", "--offline");
    assertThat(offline.exitCode()).isZero();
    assertThat(offline.err())
        .isEqualTo("govern: warning: no cached download index (offline); using " + table() + "\n");
    String refusing = MirrorServer.refusingBase() + "/";
    CliRunner.Result r = new CliRunner(tmp).env("GOVERN_MIRROR", refusing).run("releases");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "govern: warning: cannot reach "
                + refusing
                + "index.json (connection refused); using "
                + table()
                + "; --mirror BASE or --offline to choose\n");
    // a day the table covers needs no index at all
    CliRunner.Result past = new CliRunner(tmp).run("releases", "--as-of", "2026-08-21");
    assertThat(past.err()).isEmpty();
  }
}
