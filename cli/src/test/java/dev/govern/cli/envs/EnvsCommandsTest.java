package dev.govern.cli.envs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvsCommandsTest {
  @TempDir Path home;

  private final ObjectMapper json = new ObjectMapper();
  private Path gov;

  private static final String FILE =
      """
      # governance for the payments team
      environments:
        prod:    {version: go1.20.14, since: 2024-03-01, status: live,      note: "all vendor modules compatible"}
        staging: {version: go1.21.13, since: 2024-05-20, status: observing, note: "pprof under load test"}  # watch it
        dev:     {version: go1.22.4,  since: 2024-06-15, status: suspended, note: "net/http timeout bug"}
      policy:
        allow: ">=1.22.5"                  # a VersionRange
      approvals: {prod: 2, staging: 1}
      """;

  private CliRunner cli() {
    return new CliRunner(home).env("GOVERN_OPERATOR", "alice@ci");
  }

  @BeforeEach
  void write() throws Exception {
    gov = home.resolve("govern.yaml");
    Files.writeString(gov, FILE);
  }

  @Test
  void listPrintsTheTableAsTextMarkdownAndJson() throws Exception {
    CliRunner.Result t =
        cli().run("envs", "list", "--governance", gov.toString(), "--as-of", "2024-07-01");
    assertThat(t.exitCode()).isZero();
    // nothing is downloaded: the VULNS column comes from the database embedded in govern, which
    // answers as the repository's copy does
    String vulndb = TestData.osvDir().toString();
    CliRunner.Result withCopy =
        cli()
            .run(
                "envs",
                "list",
                "--governance",
                gov.toString(),
                "--as-of",
                "2024-07-01",
                "--vulndb",
                vulndb);
    assertThat(t.out()).isEqualTo(withCopy.out());
    assertThat(t.out().lines().toList())
        .hasSize(4)
        .first()
        .isEqualTo("ENVIRONMENT  VERSION    SINCE       STATUS     SUPPORTED  VULNS  NOTE");
    assertThat(t.out().lines().skip(1).toList())
        .allMatch(l -> l.matches("\\S+ +go1\\.\\S+ +\\S+ +\\S+ +(yes|no) +[1-9][0-9]* +.*"));
    CliRunner.Result md =
        cli()
            .run(
                "envs",
                "list",
                "--governance",
                gov.toString(),
                "--format",
                "markdown",
                "--as-of",
                "2024-07-01",
                "--vulndb",
                vulndb);
    assertThat(md.out())
        .containsPattern(
            "\\| staging \\| go1.21.13 \\| 2024-05-20 \\| observing \\| pprof under load test \\| yes \\| [1-9][0-9]* \\|");
    JsonNode doc =
        json.readTree(cli().run("envs", "list", "--governance", gov.toString(), "--json").out());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("environments").get(2).path("status").asText()).isEqualTo("suspended");
  }

  @Test
  void setChangesOnlyThatRowAndRecordsItInTheLedger() throws Exception {
    CliRunner.Result r =
        cli()
            .env("GOVERN_GOVERNANCE", gov.toString())
            .run(
                "envs",
                "set",
                "staging",
                "1.22.5",
                "--status",
                "live",
                "--reason",
                "load test passed");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(Files.readString(gov))
        .isEqualTo(
            FILE.replace(
                "staging: {version: go1.21.13, since: 2024-05-20, status: observing,",
                "staging: {version: go1.22.5, since: " + today + ", status: live,"));
    JsonNode log = json.readTree(cli().run("audit", "log", "--json").out()).path("entries").get(0);
    assertThat(log.path("action").asText()).isEqualTo("env-set");
    assertThat(log.path("subject").asText()).isEqualTo("env:staging");
    assertThat(log.path("from").asText()).isEqualTo("go1.21.13");
    assertThat(log.path("to").asText()).isEqualTo("go1.22.5");
    assertThat(log.path("reason").asText()).isEqualTo("load test passed");
    assertThat(log.path("operator").asText()).isEqualTo("alice@ci");
  }

  @Test
  void setRefusesBadInputWithoutTouchingTheFile() throws Exception {
    CliRunner runner = cli().env("GOVERN_GOVERNANCE", gov.toString());
    assertThat(runner.run("envs", "set", "prod", "go1.22.5", "--status", "live").exitCode())
        .isEqualTo(2);
    CliRunner.Result badStatus =
        runner.run("envs", "set", "prod", "go1.22.5", "--status", "gone", "--reason", "r");
    assertThat(badStatus.exitCode()).isEqualTo(2);
    assertThat(badStatus.err()).contains("--status: expected live, observing or suspended");
    assertThat(
            runner
                .run("envs", "set", "prod", "go1.x", "--status", "live", "--reason", "r")
                .exitCode())
        .isEqualTo(2);
    assertThat(Files.readString(gov)).isEqualTo(FILE);
    assertThat(Files.exists(home.resolve(".govern/ledger.jsonl"))).isFalse();
  }

  @Test
  void invalidGovernanceFileIsOneErrorWithFileLineAndColumn() throws Exception {
    Files.writeString(gov, FILE.replace("status: live, ", "status: alive,"));
    CliRunner.Result r = cli().run("envs", "list", "--governance", gov.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "govern: error: "
                + gov
                + ":3:60: environments.prod.status: expected live, observing or suspended");
  }

  @Test
  void missingGovernanceFileIsNotFound() {
    CliRunner.Result r =
        cli().run("envs", "list", "--governance", home.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(3);
  }

  @Test
  void concurrentSetsKeepEveryUpdate() throws Exception {
    int n = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(n);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<CliRunner.Result>> runs =
        new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String env = "team" + i;
      runs.add(
          pool.submit(
              () -> {
                start.await();
                return cli()
                    .run(
                        "envs",
                        "set",
                        env,
                        "1.22." + (5 + n),
                        "--status",
                        "live",
                        "--reason",
                        "rollout",
                        "--governance",
                        gov.toString());
              }));
    }
    start.countDown();
    for (var f : runs) {
      CliRunner.Result r = f.get();
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    pool.shutdown();
    String text = Files.readString(gov);
    for (int i = 0; i < n; i++) {
      assertThat(text).contains("team" + i + ":");
    }
    assertThat(text).contains("# watch it");
    CliRunner.Result verify = cli().run("audit", "verify");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
  }
}
