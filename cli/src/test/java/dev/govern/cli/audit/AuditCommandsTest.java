package dev.govern.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandsTest {
  @TempDir Path home;

  private final ObjectMapper json = new ObjectMapper();
  private Path gov;
  private Path ledger;

  private CliRunner cli() {
    return new CliRunner(home)
        .env("GOVERN_GOVERNANCE", gov.toString())
        .env("GOVERN_OPERATOR", "alice@ci");
  }

  @BeforeEach
  void governanceFile() throws Exception {
    gov = home.resolve("team/govern.yaml");
    Files.createDirectories(gov.getParent());
    Files.writeString(
        gov, "environments:\n  prod: {version: go1.20.14, since: 2024-03-01, status: live}\n");
    ledger = home.resolve(".govern/ledger.jsonl");
  }

  private void record(int n) {
    for (int i = 0; i < n; i++) {
      CliRunner.Result r =
          cli()
              .run(
                  "envs",
                  "set",
                  "prod",
                  "go1.22." + i,
                  "--status",
                  "live",
                  "--reason",
                  "step " + i);
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
  }

  @Test
  void logShowsEntriesAndFilters() throws Exception {
    record(3);
    CliRunner.Result r = cli().run("audit", "log");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out())
        .contains("alice@ci", "env-set", "env:prod", "go1.22.0 → go1.22.1", "\"step 1\"");
    JsonNode doc = json.readTree(cli().run("audit", "log", "--json", "--action", "env-set").out());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("entries")).hasSize(3);
    assertThat(doc.path("entries").get(2).path("reason").asText()).isEqualTo("step 2");
    assertThat(cli().run("audit", "log", "--operator", "bob").err())
        .contains("no ledger entries match");
    assertThat(cli().run("audit", "log", "--since", "2999-01-01").out()).isEmpty();
    assertThat(cli().run("audit", "log", "--since", "yesterday").exitCode()).isEqualTo(2);
  }

  @Test
  void verifyIsIntactThenExitsFourNamingTheFirstBadSeqAndKind() throws Exception {
    record(3);
    CliRunner.Result ok = cli().run("audit", "verify");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("entries:    3", "intact", "unsigned:   1-3");
    List<String> lines = Files.readAllLines(ledger);
    lines.set(1, lines.get(1).replace("step 1", "step one"));
    Files.write(ledger, lines);
    CliRunner.Result bad = cli().run("audit", "verify");
    assertThat(bad.exitCode()).isEqualTo(4);
    assertThat(bad.out()).contains("NOT INTACT at seq 2: edited");
    assertThat(bad.err()).contains("ledger check failed at seq 2: edited");
    JsonNode doc = json.readTree(cli().run("audit", "verify", "--json").out());
    assertThat(doc.path("intact").asBoolean()).isFalse();
    assertThat(doc.path("problem").path("kind").asText()).isEqualTo("edited");
    assertThat(doc.path("problem").path("seq").asLong()).isEqualTo(2);
  }

  @Test
  void keygenSignsLaterEntriesAndTheGovernanceFileCanRequireSignatures() throws Exception {
    record(1);
    CliRunner.Result k = cli().run("audit", "keygen");
    assertThat(k.exitCode()).as(k.err()).isZero();
    Path priv = home.resolve(".govern/keys/alice@ci.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)))
        .isEqualTo("rw-------");
    String snippet = k.out().lines().filter(l -> l.contains("ed25519:")).findFirst().orElseThrow();
    record(1);
    Files.writeString(
        gov,
        "keys:\n" + snippet + "\nledger: {require_signatures: true}\n",
        StandardOpenOption.APPEND);
    CliRunner.Result v = cli().run("audit", "verify");
    assertThat(v.exitCode()).isEqualTo(4);
    assertThat(v.out()).contains("NOT INTACT at seq 1: unsigned");
    // a ledger whose every entry is signed passes under the same rule
    Files.delete(ledger);
    record(2);
    CliRunner.Result v2 = cli().run("audit", "verify", "--json");
    JsonNode doc = json.readTree(v2.out());
    assertThat(doc.path("intact").asBoolean()).as(v2.out()).isTrue();
    assertThat(doc.path("unsigned")).isEmpty();
    assertThat(doc.path("signaturesRequired").asBoolean()).isTrue();
    // another operator without a key cannot write under that rule
    CliRunner.Result bob =
        cli()
            .env("GOVERN_OPERATOR", "bob@laptop")
            .run("envs", "set", "prod", "go1.22.9", "--status", "live", "--reason", "x");
    assertThat(bob.exitCode()).isEqualTo(3);
    assertThat(bob.err()).contains("bob@laptop has no signing key");
    assertThat(Files.readString(gov)).doesNotContain("go1.22.9");
  }

  @Test
  void checkpointMakesTruncationDetectable() throws Exception {
    record(3);
    CliRunner.Result c = cli().run("audit", "checkpoint");
    assertThat(c.exitCode()).isZero();
    assertThat(c.out()).contains("checkpoint: seq 3");
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, lines.subList(0, 2));
    CliRunner.Result v = cli().run("audit", "verify");
    assertThat(v.exitCode()).isEqualTo(4);
    assertThat(v.out()).contains("NOT INTACT at seq 3: truncated");
  }

  @Test
  void repairQuarantinesATornTailAndRecordsIt() throws Exception {
    record(2);
    Files.write(
        ledger, "{\"seq\":3,\"ti".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    CliRunner.Result v = cli().run("audit", "verify");
    assertThat(v.exitCode()).isEqualTo(4);
    assertThat(v.out()).contains("NOT INTACT at seq 3: torn tail");
    CliRunner.Result blocked =
        cli().run("envs", "set", "prod", "go1.22.8", "--status", "live", "--reason", "x");
    assertThat(blocked.exitCode()).isEqualTo(3);
    assertThat(blocked.err()).contains("torn line").contains("govern audit repair");
    CliRunner.Result r = cli().run("audit", "repair");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("moved 12 torn bytes to", "recorded the repair as seq 3");
    assertThat(cli().run("audit", "verify").exitCode()).isZero();
    assertThat(cli().run("audit", "log").out()).contains("ledger-repair");
    assertThat(cli().run("audit", "repair").out()).contains("nothing to repair");
  }

  @Test
  void exportWritesTheGoVersionLogCsvAndJson() throws Exception {
    record(2);
    CliRunner.Result md = cli().run("audit", "export", "--format", "markdown");
    assertThat(md.exitCode()).isZero();
    assertThat(md.out())
        .startsWith("# Go version log")
        .contains(
            "| Time (UTC) | Operator | Action | Subject | From → To | Reason | Evidence | Hash |")
        .contains("| alice@ci | env-set | env:prod | go1.22.0 → go1.22.1 | step 1 |")
        .contains("`govern envs set prod go1.22.1 --status live` → exit 0");
    CliRunner.Result csv = cli().run("audit", "export", "--format", "csv");
    assertThat(csv.out().split("\r\n")[0])
        .startsWith("seq,time,operator,action,subject,from,to,reason");
    JsonNode doc = json.readTree(cli().run("audit", "export", "--format", "json").out());
    assertThat(doc.path("entries")).hasSize(2);
    Path out = home.resolve("go-version-log.md");
    assertThat(cli().run("audit", "export", "-o", out.toString()).exitCode()).isZero();
    assertThat(Files.readString(out)).isEqualTo(md.out());
  }

  @Test
  void auditWithoutSubcommandIsAUsageError() {
    assertThat(cli().run("audit").exitCode()).isEqualTo(2);
  }
}
