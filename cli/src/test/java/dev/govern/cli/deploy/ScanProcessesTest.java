package dev.govern.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govern ps} and {@code govern scan --processes} over processes this test starts: a binary
 * deleted after it started and one whose file was replaced.
 */
@Tag("slow")
class ScanProcessesTest {
  private final ObjectMapper json = new ObjectMapper();
  private final List<Process> started = new ArrayList<>();

  @TempDir Path tmp;

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  /** Starts a copy of {@code b} at {@code path} (without PORT it just waits). */
  private Process start(GoService.Build b, Path path) throws Exception {
    Files.createDirectories(path.getParent());
    Files.copy(b.binary(), path);
    Process p = new ProcessBuilder(path.toString()).start();
    started.add(p);
    // /proc/PID/exe is set once exec has happened: wait for that, not for a time
    while (!Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/exe"))
        .toString()
        .startsWith(path.toString())) {
      Thread.onSpinWait();
    }
    return p;
  }

  private JsonNode row(JsonNode processes, long pid) {
    for (JsonNode p : processes) {
      if (p.path("pid").asLong() == pid) {
        return p;
      }
    }
    throw new AssertionError("no row for pid " + pid + " in " + processes);
  }

  private static JsonNode service(JsonNode inventory, String running) {
    for (JsonNode s : inventory.path("services")) {
      for (JsonNode e : s.path("evidence")) {
        if (e.path("text").asText().endsWith(running)) {
          return s;
        }
      }
    }
    throw new AssertionError("no service running as " + running + " in " + inventory);
  }

  @Test
  void deletedAndReplacedExecutablesAreStillReadAndScanned() throws Exception {
    GoService go = GoService.shared();
    Path deletedPath = tmp.resolve("a/hello-deleted");
    Path replacedPath = tmp.resolve("b/hello-replaced");
    Process deleted = start(go.v1go119(), deletedPath);
    Process replaced = start(go.v2(), replacedPath);
    Files.delete(deletedPath);
    Files.delete(replacedPath);
    Files.copy(go.v1().binary(), replacedPath); // a new file (inode) at the old path

    CliRunner cli = new CliRunner(tmp).cwd(tmp);
    String v2 =
        json.readTree(
                cli.run(
                        "release",
                        "record",
                        go.v2().binary().toString(),
                        "--service",
                        "hello",
                        "--json")
                    .out())
            .path("release")
            .path("id")
            .asText();
    CliRunner.Result ps = cli.run("ps", "--json");
    assertThat(ps.exitCode()).isZero();
    JsonNode procs = json.readTree(ps.out()).path("goProcesses");
    JsonNode d = row(procs, deleted.pid());
    assertThat(d.path("deleted").asBoolean()).isTrue();
    assertThat(d.path("exe").asText()).isEqualTo(deletedPath.toString());
    assertThat(d.path("goVersion").asText()).isEqualTo("go1.19.8");
    assertThat(d.path("revision").asText()).isEqualTo(go.v1().revision());
    assertThat(d.path("releases")).isEmpty();
    JsonNode r = row(procs, replaced.pid());
    assertThat(r.path("replaced").asBoolean()).isTrue();
    assertThat(d.path("replaced").asBoolean()).isFalse();
    assertThat(r.path("revision").asText()).isEqualTo(go.v2().revision());
    assertThat(r.path("releases").get(0).path("id").asText()).isEqualTo(v2);
    assertThat(cli.run("ps").out())
        .contains(deletedPath + " (deleted)")
        .contains(replacedPath + " (replaced)")
        .containsPattern(replaced.pid() + "\\s+" + v2 + "\\s+hello\\s+");

    Path osv = tmp.resolve("vulndb/GO-2099-0001.json");
    Files.createDirectories(osv.getParent());
    Files.writeString(
        osv,
        """
        {"schema_version":"1.3.1","id":"GO-2099-0001","modified":"2024-01-01T00:00:00Z",
         "published":"2024-01-01T00:00:00Z","summary":"unrelated",
         "affected":[{"package":{"name":"example.com/other","ecosystem":"Go"},
           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}
        """);
    CliRunner.Result scan =
        cli.run(
            "scan",
            "--processes",
            "--vulndb",
            osv.getParent().toString(),
            "--format",
            "json",
            "--as-of",
            "2026-06-01");
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode inv = json.readTree(scan.out());
    assertThat(inv.path("roots").findValuesAsText("")).isEmpty();
    assertThat(inv.path("roots").toString()).isEqualTo("[\"running processes\"]");
    JsonNode oldGo = service(inv, "running as pid " + deleted.pid() + " (deleted)");
    assertThat(oldGo.path("name").asText())
        .isEqualTo(
            "example.com/hello ("
                + deletedPath
                + " running as pid "
                + deleted.pid()
                + " (deleted))");
    assertThat(oldGo.path("go").asText()).isEqualTo("go1.19.8");
    assertThat(oldGo.path("goFrom").asText()).isEqualTo("binary build info");
    assertThat(oldGo.path("riskClass").asText()).isEqualTo("red"); // Go 1.19 is long unsupported
    assertThat(oldGo.path("because").toString()).contains("unsupported");
    JsonNode newer = service(inv, "running as pid " + replaced.pid() + " (replaced)");
    assertThat(newer.path("go").asText()).isEqualTo(go.goVersion());
  }
}
