package dev.govern.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.vuln.SharedVulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govern decide}: default candidates, scores with their inputs, weights and eligibility from
 * govern.yaml, the module boundary, the fleet share, the review document, and the gate rule.
 */
class DecideCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AS_OF = "--as-of=2026-08-21";

  @TempDir Path tmp;

  Path web() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        dir.resolve("go.mod"), "module example.com/web\n\ngo 1.21\n\ntoolchain go1.21.13\n");
    Files.writeString(dir.resolve("main.go"), ImpactCommandTest.WEB);
    return dir;
  }

  CliRunner govern() {
    return new CliRunner(tmp).env("GOMODCACHE", tmp.resolve("modcache").toString()).cwd(tmp);
  }

  JsonNode decide(Path dir, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "decide", dir.toString(), "--json", AS_OF, "--vulndb=" + SharedVulnDb.osvDir()));
    args.addAll(List.of(more));
    CliRunner.Result r = govern().run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  static JsonNode row(JsonNode doc, String version) {
    for (JsonNode r : doc.path("candidates")) {
      if (r.path("version").asText().equals(version)) {
        return r;
      }
    }
    throw new AssertionError(version + " not in " + doc.path("candidates"));
  }

  @Test
  void defaultCandidatesAreTheVersionInUseAndTheNewestPatchOfEverySupportedLine()
      throws IOException {
    JsonNode doc = decide(web());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("current").asText()).isEqualTo("go1.21.13");
    List<String> versions = new ArrayList<>();
    doc.path("candidates").forEach(r -> versions.add(r.path("version").asText()));
    // as of 2026-08-21 the supported lines are 1.26 and 1.27 (the history govern carries)
    assertThat(versions).containsExactlyInAnyOrder("go1.21.13", "go1.26.7", "go1.27.0");
    JsonNode current = row(doc, "go1.21.13");
    assertThat(current.path("current").asBoolean()).isTrue();
    assertThat(current.path("eligible").asBoolean()).isFalse();
    assertThat(current.path("ineligibleBecause").toString()).contains("go1.21 is end of life");
    assertThat(current.path("scores").path("compatibility").path("score").asInt()).isEqualTo(100);
    assertThat(current.path("scores").path("support").path("score").asInt()).isZero();
    JsonNode best = doc.path("candidates").get(0);
    assertThat(best.path("eligible").asBoolean()).isTrue();
    assertThat(doc.path("recommended").asText()).isEqualTo(best.path("version").asText());
    assertThat(best.path("goLineStepChanges").asInt()).isPositive();
    for (String dim : List.of("compatibility", "security", "support", "ecosystem")) {
      JsonNode s = best.path("scores").path(dim);
      assertThat(s.path("score").asInt()).isBetween(0, 100);
      assertThat(s.path("inputs").asText()).isNotBlank();
    }
    // the total is the weighted mean of the four scores (default weights 35/35/20/10)
    int expected =
        Math.round(
            (35 * best.path("scores").path("compatibility").path("score").asInt()
                    + 35 * best.path("scores").path("security").path("score").asInt()
                    + 20 * best.path("scores").path("support").path("score").asInt()
                    + 10 * best.path("scores").path("ecosystem").path("score").asInt())
                / 100f);
    assertThat(best.path("total").asInt()).isEqualTo(expected);
    assertThat(doc.path("gap").asInt())
        .isEqualTo(best.path("total").asInt() - current.path("total").asInt());
  }

  @Test
  void weightsAndEligibilityComeFromTheDecisionBlock() throws IOException {
    Path repo = web();
    Files.writeString(
        repo.resolve("govern.yaml"),
        "decision:\n  weights: {compatibility: 0, security: 0, support: 100, ecosystem: 0}\n"
            + "  require: {supported: false}\n");
    JsonNode doc = decide(repo, "--candidates=1.22,1.27");
    List<String> versions = new ArrayList<>();
    doc.path("candidates").forEach(r -> versions.add(r.path("version").asText()));
    assertThat(versions).containsExactly("go1.27.0", "go1.22.12", "go1.21.13");
    for (JsonNode r : doc.path("candidates")) {
      assertThat(r.path("total").asInt())
          .isEqualTo(r.path("scores").path("support").path("score").asInt());
      assertThat(r.path("eligible").asBoolean()).isTrue();
    }
    assertThat(doc.path("weights").path("support").asInt()).isEqualTo(100);
  }

  @Test
  void theModuleBoundaryAndTheFleetShareDecideEcosystem() throws IOException {
    Path repo = web();
    Files.writeString(
        repo.resolve("go.mod"),
        "module example.com/web\n\ngo 1.21\n\ntoolchain go1.21.13\n\nrequire example.com/new v1.0.0\n");
    Path mod = tmp.resolve("modcache/cache/download/example.com/new/@v/v1.0.0.mod");
    Files.createDirectories(mod.getParent());
    Files.writeString(mod, "module example.com/new\n\ngo 1.27.0\n");
    Path scans = Files.createDirectories(tmp.resolve(".govern/scans"));
    Files.writeString(
        scans.resolve("scan-20260820T000000.000Z.json"),
        "{\"schemaVersion\":1,\"scannedAt\":\"2026-08-20T00:00:00Z\",\"roots\":[\"/srv\"],\"services\":["
            + "{\"name\":\"a\",\"riskClass\":\"green\",\"go\":\"go1.27.0\",\"supported\":true,\"stdlib\":0,\"toolchain\":0,\"modules\":0},"
            + "{\"name\":\"b\",\"riskClass\":\"green\",\"go\":\"go1.26.7\",\"supported\":true,\"stdlib\":0,\"toolchain\":0,\"modules\":0},"
            + "{\"name\":\"c\",\"riskClass\":\"green\",\"go\":\"go1.26.5\",\"supported\":true,\"stdlib\":0,\"toolchain\":0,\"modules\":0},"
            + "{\"name\":\"d\",\"riskClass\":\"red\",\"go\":\"go1.20.14\",\"supported\":false,\"stdlib\":9,\"toolchain\":1,\"modules\":0}]}");
    JsonNode doc = decide(repo);
    assertThat(doc.path("fleet").asText()).contains("4 services");
    JsonNode g126 = row(doc, "go1.26.7");
    assertThat(g126.path("eligible").asBoolean()).isFalse();
    assertThat(g126.path("ineligibleBecause").toString())
        .contains("below the module upgrade boundary go 1.27");
    assertThat(g126.path("scores").path("ecosystem").path("score").asInt()).isZero();
    JsonNode g127 = row(doc, "go1.27.0");
    assertThat(g127.path("eligible").asBoolean()).isTrue();
    // one service of four on go1.27: 50 + 50 * 1/4
    assertThat(g127.path("scores").path("ecosystem").path("score").asInt()).isEqualTo(62);
    assertThat(g127.path("scores").path("ecosystem").path("inputs").asText())
        .contains("1 of 4 services");
    assertThat(doc.path("recommended").asText()).isEqualTo("go1.27.0");
  }

  @Test
  void markdownIsADocumentForAReviewBoard() throws IOException {
    CliRunner.Result r =
        govern()
            .run(
                "decide",
                web().toString(),
                "--format",
                "markdown",
                AS_OF,
                "--vulndb=" + SharedVulnDb.osvDir());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("# Go version decision: example.com/web")
        .contains("## Context", "## Decision matrix", "## Recommendation", "# Impact per step")
        .contains("## Step 1: toolchain bump", "## Step 2: go line bump")
        .contains(
            "## Rollback plan", "`govern rollback --reason", "govern pin 1.21.13", "## Sign-off")
        .contains("| 1 | go1.");
    CliRunner.Result text =
        govern().run("decide", web().toString(), AS_OF, "--vulndb=" + SharedVulnDb.osvDir());
    assertThat(text.out()).contains("RANK", "Recommended: go1.");
  }

  @Test
  void unknownCandidatesAreNotFound() throws IOException {
    CliRunner.Result r =
        govern().run("decide", web().toString(), "--candidates", "1.22,1.95", "--offline");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("govern: error: --candidates: unknown Go version go1.95");
  }

  @Test
  void gateFailsWhenTheVersionInUseIsTooFarBehindTheTopRankedOne() throws IOException {
    Path repo = web();
    Files.writeString(repo.resolve("govern.yaml"), "decision:\n  gate: {max_gap: 10}\n");
    CliRunner.Result r =
        govern().run("gate", repo.toString(), "--json", AS_OF, "--vulndb=" + SharedVulnDb.osvDir());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
    JsonNode doc = JSON.readTree(r.out());
    JsonNode decision = null;
    for (JsonNode f : doc.path("findings")) {
      if (f.path("rule").asText().equals("decision")) {
        decision = f;
      }
    }
    assertThat(decision).as(doc.toString()).isNotNull();
    assertThat(decision.path("severity").asText()).isEqualTo("fail");
    assertThat(decision.path("message").asText())
        .contains("go1.21.13 scores", "points below the top-ranked eligible");
    assertThat(decision.toString()).contains("upgrade to go1.");

    Files.writeString(repo.resolve("govern.yaml"), "decision:\n  gate: {max_gap: 100}\n");
    CliRunner.Result loose =
        govern().run("gate", repo.toString(), "--json", AS_OF, "--vulndb=" + SharedVulnDb.osvDir());
    assertThat(loose.out()).doesNotContain("\"decision\"");
  }
}
