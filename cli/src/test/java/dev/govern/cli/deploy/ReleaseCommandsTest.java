package dev.govern.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govern release} and {@code govern ps} end to end, with a real Go service built at test
 * time in two revisions (one also with Go 1.19) and a third that fails its health check.
 */
@Tag("slow")
class ReleaseCommandsTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path tmp;
  GoService go;
  CliRunner cli;
  Path srv;
  Path run;
  int port;

  @BeforeEach
  void setUp() throws Exception {
    go = GoService.shared();
    port = GoService.freePort();
    run = tmp.resolve("run");
    srv = tmp.resolve("srv/hello");
    GoService.restartScript(tmp);
    cli =
        new CliRunner(tmp)
            .cwd(tmp)
            .env("PATH", System.getenv("PATH"))
            .env("GOVERN_OPERATOR", "alice@test")
            .env("RUN_DIR", run.toString())
            .env("PORT", Integer.toString(port));
  }

  @AfterEach
  void stop() {
    GoService.stop(run);
  }

  private CliRunner.Result ok(String... args) {
    CliRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as("%s\nout: %s\nerr: %s", List.of(args), r.out(), r.err()).isZero();
    return r;
  }

  private JsonNode okJson(String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    a.add("--json");
    return json.readTree(ok(a.toArray(String[]::new)).out());
  }

  private String record(GoService.Build b) throws Exception {
    return okJson("release", "record", b.binary().toString(), "--service", "hello")
        .path("release")
        .path("id")
        .asText();
  }

  private String[] deploy(String ref, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "release",
                "deploy",
                "hello",
                ref,
                "--target",
                srv.toString(),
                "--restart",
                "sh " + tmp.resolve("restart.sh"),
                "--health-url",
                "http://127.0.0.1:" + port + "/health"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** What {@code govern ps --json} says the service process runs. */
  private JsonNode psRow() throws Exception {
    long pid = GoService.pid(run);
    for (JsonNode p : okJson("ps").path("goProcesses")) {
      if (p.path("pid").asLong() == pid) {
        return p;
      }
    }
    throw new AssertionError("govern ps does not list pid " + pid);
  }

  private List<String> ledgerActions() throws Exception {
    List<String> out = new ArrayList<>();
    okJson("audit", "log").path("entries").forEach(e -> out.add(e.path("action").asText()));
    return out;
  }

  @Test
  void recordListAndShowReadTheBuildsAndRefuseWhatCannotBeTrusted() throws Exception {
    JsonNode rec = okJson("release", "record", go.v1().binary().toString(), "--service", "hello");
    assertThat(rec.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(rec.path("added").asBoolean()).isTrue();
    JsonNode v1 = rec.path("release");
    assertThat(v1.path("revision").asText()).isEqualTo(go.v1().revision());
    assertThat(v1.path("goVersion").asText()).isEqualTo(go.goVersion());
    assertThat(v1.path("module").asText()).isEqualTo("example.com/hello");
    assertThat(v1.path("modified").asBoolean()).isFalse();
    assertThat(v1.path("buildId").asText()).isNotEmpty();
    assertThat(v1.path("id").asText()).isEqualTo(v1.path("sha256").asText().substring(0, 12));
    assertThat(ok("release", "record", go.v1().binary().toString(), "--service", "hello").out())
        .startsWith("already recorded: hello " + v1.path("id").asText());
    String old = record(go.v1go119());
    String v2 = record(go.v2());

    JsonNode list = okJson("release", "list", "hello");
    assertThat(list.path("releases").findValuesAsText("id"))
        .containsExactly(v1.path("id").asText(), old, v2);
    assertThat(list.path("releases").findValuesAsText("goVersion"))
        .containsExactly(go.goVersion(), "go1.19.8", go.goVersion());
    assertThat(ok("release", "list", "hello").out().lines().skip(1))
        .allMatch(l -> l.contains("example.com/hello"));

    // a revision prefix shared by two builds (two Go lines) lists both
    String rev = go.v1().revision().substring(0, 8);
    CliRunner.Result ambiguous = cli.run("release", "show", rev, "--service", "hello");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .startsWith(
            "govern: error: \"" + rev + "\" matches 2 releases: hello " + v1.path("id").asText())
        .contains("hello " + old + " (rev " + go.v1().revision().substring(0, 12) + ", go1.19.8)")
        .contains("hint: give more characters");
    assertThat(
            okJson("release", "show", "--go", "1.19", "--service", "hello")
                .path("release")
                .path("id")
                .asText())
        .isEqualTo(old);
    assertThat(
            okJson("release", "show", "previous", "--service", "hello")
                .path("release")
                .path("id")
                .asText())
        .isEqualTo(old);
    assertThat(ok("release", "show", v2.substring(0, 6)).out())
        .contains("release   " + v2 + " of hello", "(verified)", "revision  " + go.v2().revision());

    CliRunner.Result dirty =
        cli.run("release", "record", go.dirty().binary().toString(), "--service", "hello");
    assertThat(dirty.exitCode()).isEqualTo(3);
    assertThat(dirty.err())
        .isEqualTo(
            "govern: error: "
                + go.dirty().binary()
                + ": built from a checkout with uncommitted changes (vcs.modified=true)\n"
                + "hint: commit and rebuild, or pass --allow-modified\n");
    assertThat(
            okJson(
                    "release",
                    "record",
                    go.dirty().binary().toString(),
                    "--service",
                    "hello",
                    "--allow-modified")
                .path("release")
                .path("modified")
                .asBoolean())
        .isTrue();

    Path script =
        Files.writeString(tmp.resolve("run.sh"), "#!/bin/sh\necho not go\n" + "#".repeat(2000));
    CliRunner.Result notGo = cli.run("release", "record", script.toString(), "--service", "hello");
    assertThat(notGo.exitCode()).isEqualTo(3);
    assertThat(notGo.err()).contains(script + ": unrecognized file format", "--allow-no-buildinfo");
    JsonNode plain =
        okJson(
            "release", "record", script.toString(), "--service", "hello", "--allow-no-buildinfo");
    assertThat(plain.path("release").path("goVersion").asText()).isEmpty();

    assertThat(ledgerActions()).containsOnly("release-record").hasSize(5);
    assertThat(cli.run("audit", "verify").exitCode()).isZero();
  }

  @Test
  void deployPsRevertAndRollbackByGoLineWithARealService() throws Exception {
    String v1 = record(go.v1());
    String old = record(go.v1go119());
    String v2 = record(go.v2());
    String broken = record(go.broken());

    CliRunner.Result first = ok(deploy(v1));
    assertThat(first.out())
        .contains("deploy hello " + v1, "swapped   current -> releases/" + v1)
        .containsPattern("deployed " + v1 + ", healthy after \\d+\\.\\d\\d s");
    JsonNode row = psRow();
    assertThat(row.path("releases").get(0).path("id").asText()).isEqualTo(v1);
    assertThat(row.path("releases").get(0).path("service").asText()).isEqualTo("hello");
    assertThat(row.path("revision").asText()).isEqualTo(go.v1().revision());
    assertThat(row.path("goVersion").asText()).isEqualTo(go.goVersion());
    assertThat(row.path("exe").asText())
        .isEqualTo(srv.resolve("releases/" + v1 + "/hello").toString());
    assertThat(ok("ps").out())
        .containsPattern(GoService.pid(run) + "\\s+" + v1 + "\\s+hello\\s+" + go.goVersion());
    assertThat(ok("release", "which", Long.toString(GoService.pid(run))).out())
        .contains("release   " + v1 + " of hello");

    ok(deploy(go.v2().revision().substring(0, 10)));
    assertThat(psRow().path("releases").get(0).path("id").asText()).isEqualTo(v2);

    CliRunner.Result bad = cli.run(deploy(broken, "--health-timeout", "2s"));
    assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(1);
    assertThat(bad.out())
        .contains("| HTTP 500", "reverted  current -> releases/" + v2)
        .contains(
            "deploy of " + broken + " FAILED its health check; reverted to " + v2 + " (healthy)");
    assertThat(psRow().path("releases").get(0).path("id").asText()).isEqualTo(v2);

    JsonNode toOldGo =
        okJson("release", "rollback", "hello", "--target", srv.toString(), "--go", "1.19");
    assertThat(toOldGo.path("ok").asBoolean()).isTrue();
    assertThat(toOldGo.path("to").path("id").asText()).isEqualTo(old);
    assertThat(toOldGo.path("healthyAfterMs").asLong()).isPositive();
    assertThat(psRow().path("goVersion").asText()).isEqualTo("go1.19.8");
    assertThat(psRow().path("releases").get(0).path("id").asText()).isEqualTo(old);

    JsonNode back = okJson("release", "rollback", "hello", "--target", srv.toString());
    assertThat(back.path("action").asText()).isEqualTo("rollback");
    assertThat(back.path("from").path("id").asText()).isEqualTo(old);
    assertThat(back.path("to").path("id").asText()).isEqualTo(v2);
    assertThat(psRow().path("releases").get(0).path("id").asText()).isEqualTo(v2);

    JsonNode shown = okJson("release", "show", "current", "--target", srv.toString());
    assertThat(shown.path("release").path("id").asText()).isEqualTo(v2);
    assertThat(shown.path("target").path("current").asBoolean()).isTrue();
    assertThat(shown.path("target").path("deployments").findValuesAsText("action"))
        .containsExactly("deploy", "revert", "rollback");

    assertThat(ledgerActions().subList(4, ledgerActions().size()))
        .containsExactly(
            "release-deploy",
            "release-health",
            "release-deploy",
            "release-health",
            "release-deploy",
            "release-health",
            "release-revert",
            "release-rollback",
            "release-health",
            "release-rollback",
            "release-health");
    assertThat(cli.run("audit", "verify").exitCode()).isZero();
  }

  @Test
  void badInputGetsOneClearLineAndTheRightExitCode() throws Exception {
    String v1 = record(go.v1());

    Files.createDirectories(srv);
    Files.writeString(srv.resolve("notes.txt"), "mine");
    CliRunner.Result foreign = cli.run(deploy(v1));
    assertThat(foreign.exitCode()).isEqualTo(3);
    assertThat(foreign.err())
        .startsWith(
            "govern: error: "
                + srv
                + " is not a govern release folder (no .govern/target.json; it holds 1 other entry: notes.txt)\n");
    assertThat(cli.run("release", "rollback", "hello", "--target", srv.toString()).err())
        .contains("is not a govern release folder");
    Files.delete(srv.resolve("notes.txt"));

    // a REF that matches several releases: deploy lists them and writes nothing
    String old = record(go.v1go119());
    String rev = go.v1().revision().substring(0, 8);
    CliRunner.Result ambiguous = cli.run(deploy(rev));
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .startsWith("govern: error: \"" + rev + "\" matches 2 releases: ")
        .contains("hello " + v1 + " (rev ", "hello " + old + " (rev ", "go1.19.8")
        .contains("hint: give more characters");
    assertThat(srv.resolve("current")).doesNotExist();
    assertThat(srv.resolve(".govern")).doesNotExist();

    // which BIN: a file is matched by its SHA-256; an unrecorded one says so
    assertThat(ok("release", "which", go.v1go119().binary().toString()).out())
        .contains("release   " + old + " of hello", "go        go1.19.8");
    CliRunner.Result unknown = ok("release", "which", go.v2().binary().toString());
    assertThat(unknown.out())
        .contains("release   (not recorded in ")
        .contains("revision  " + go.v2().revision());

    CliRunner.Result none = cli.run("release", "show", "abcdef12");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.err()).startsWith("govern: error: no release matches \"abcdef12\"");
    assertThat(cli.run("release", "show", "x!").exitCode()).isEqualTo(2);
    assertThat(cli.run("release", "list", "../etc").err())
        .startsWith("govern: error: not a service name: \"../etc\"");
    assertThat(cli.run(deploy(v1, "--health", "true")).err())
        .startsWith("govern: error: give either --health-url or --health, not both");
    assertThat(cli.run(deploy(v1, "--health-timeout", "soon")).err())
        .startsWith("govern: error: --health-timeout takes a positive duration");
    assertThat(cli.run("release", "deploy", "hello", "--target", srv.toString()).err())
        .startsWith("govern: error: name a release: give REF or --go LINE");

    // the store's copy changed after it was recorded
    Path object =
        tmp.resolve(".govern/releases/objects/sha256")
            .resolve(okJson("release", "show", v1).path("release").path("sha256").asText());
    Files.setPosixFilePermissions(object, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(
        object,
        "evil".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);
    CliRunner.Result tampered = cli.run("release", "show", v1);
    assertThat(tampered.exitCode()).isEqualTo(4);
    assertThat(tampered.err())
        .contains("release " + v1 + " of hello: the stored binary " + object + " has SHA-256 ")
        .contains("tampering, refused");
    CliRunner.Result refused = cli.run(deploy(v1, "--json"));
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(json.readTree(refused.out()).path("error").path("code").asText())
        .isEqualTo("check-failed");
    assertThat(srv.resolve("current")).doesNotExist();

    // a damaged record names its file
    Path rec = tmp.resolve(".govern/releases/services/hello").resolve(v1 + ".json");
    Files.writeString(rec, "{\"schemaVersion\":1,\"id\":\"");
    CliRunner.Result damaged = cli.run("release", "list", "hello");
    assertThat(damaged.exitCode()).isEqualTo(2);
    assertThat(damaged.err()).startsWith("govern: error: " + rec + ": not a release record: ");
    assertThat(damaged.err().lines()).hasSize(1);
  }
}
