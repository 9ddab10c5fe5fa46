package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.ledger.Change;
import dev.govern.core.testing.FakeToolchains;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainUseCommandsTest {
  @TempDir Path tmp;
  Path home;
  Path work;
  final List<Change> recorded = new ArrayList<>();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void installTwo() throws Exception {
    home = tmp.resolve(".govern");
    work = tmp.resolve("work");
    Files.createDirectories(work);
    TestToolchains.fake(home, "go1.21.0");
    TestToolchains.fake(home, "go1.22.4");
  }

  CliRunner govern() {
    return new CliRunner(tmp)
        .env("PATH", home.resolve("bin") + ":/usr/bin:/bin")
        .env("HOSTNAME", "build-7")
        .env("GOVERN_SHELL", "bash")
        .cwd(work)
        .recorder(recorded::add);
  }

  @Test
  void useDefaultSwitchesTheDefaultWritesShimsAndRecordsTheChange() throws Exception {
    assertThat(govern().run("use", "1.21.0", "--default").exitCode()).isZero();
    CliRunner.Result r = govern().run("use", "go1.22.4", "--default", "--reason", "CVE fix");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("go1.22.4 is now the default (was go1.21.0)\n");
    assertThat(Files.readSymbolicLink(home.resolve("default")))
        .isEqualTo(Path.of("toolchains/go1.22.4"));
    JsonNode state = json.readTree(home.resolve("state.json").toFile());
    assertThat(state.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(state.path("default").asText()).isEqualTo("go1.22.4");
    assertThat(state.path("history")).hasSize(2);
    assertThat(state.path("history").get(1).path("reason").asText()).isEqualTo("CVE fix");
    assertThat(home.resolve("bin/go")).isExecutable();
    assertThat(recorded)
        .last()
        .isEqualTo(
            new Change("use-default", "host:build-7", "go1.21.0", "go1.22.4", "CVE fix", null));
  }

  @Test
  void everyToolchainCommandExplainsItselfWithHelp() {
    for (String cmd :
        new String[] {
          "use", "pin", "current", "which", "exec", "env", "init", "rollback", "doctor"
        }) {
      CliRunner.Result r = govern().run(cmd, "--help");
      assertThat(r.exitCode()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("Usage: govern " + cmd);
    }
  }

  @Test
  void useDefaultRefusesAVersionThatIsNotInstalled() {
    CliRunner.Result r = govern().run("use", "1.23.0", "--default");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo("govern: error: go1.23.0 is not installed\nhint: run: govern install 1.23.0\n");
    assertThat(home.resolve("state.json")).doesNotExist();
    assertThat(recorded).isEmpty();
  }

  @Test
  void useWithoutTheShellIntegrationExplainsWhatToDo() {
    CliRunner.Result r = govern().run("use", "1.22.4");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("shell integration is not loaded", "govern use 1.22.4 --default");
  }

  @Test
  void useForTheShellPrintsWhatTheShellFunctionEvaluates() {
    assertThat(govern().run("use", "--shell", "bash", "1.22.4").out())
        .isEqualTo("export GOVERN_GO_VERSION='go1.22.4'\n");
    assertThat(govern().run("use", "--shell", "fish", "1.22.4").out())
        .isEqualTo("set -gx GOVERN_GO_VERSION 'go1.22.4'\n");
    assertThat(govern().run("use", "--shell", "bash", "--unset").out())
        .isEqualTo("unset GOVERN_GO_VERSION\n");
    assertThat(govern().run("use", "--shell", "bash", "1.23.0").exitCode()).isEqualTo(3);
  }

  @Test
  void initPrintsAFunctionAndPutsTheShimsFirstOnPath() {
    CliRunner.Result r = govern().run("init", "bash");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("export GOVERN_SHELL=bash", "govern() {", "command govern use --shell bash")
        .contains("export PATH='" + home.resolve("bin") + "':\"$PATH\"");
    assertThat(home.resolve("bin/go")).exists();
    assertThat(govern().run("init", "fish").out()).contains("function govern", "| source");
  }

  @Test
  void pinWritesGoVersionAndCurrentNamesTheFile() throws Exception {
    govern().run("use", "1.21.0", "--default");
    Path sub = work.resolve("svc/api");
    Files.createDirectories(sub);
    CliRunner.Result pin = govern().run("pin", "go1.22.4", "--reason", "needs 1.22");
    assertThat(pin.exitCode()).isZero();
    assertThat(Files.readString(work.resolve(".go-version"))).isEqualTo("1.22.4\n");
    assertThat(recorded)
        .last()
        .isEqualTo(
            new Change(
                "pin",
                work.resolve(".go-version").toString(),
                null,
                "go1.22.4",
                "needs 1.22",
                null));

    CliRunner.Result cur = govern().cwd(sub).run("current", "--json");
    assertThat(cur.exitCode()).isZero();
    JsonNode doc = json.readTree(cur.out());
    assertThat(doc.path("version").asText()).isEqualTo("go1.22.4");
    assertThat(doc.path("source").asText()).isEqualTo(".go-version");
    assertThat(doc.path("decidedBy").asText()).isEqualTo(work.resolve(".go-version").toString());
    assertThat(govern().cwd(tmp).run("current").out())
        .isEqualTo("go1.21.0 (set by the global default)\n");
  }

  @Test
  void pinToolchainChangesOnlyTheToolchainLineOfGoMod() throws Exception {
    String gomod =
        "module example.com/m\r\n\r\ngo 1.21 // lang\r\n\r\nrequire golang.org/x/text v0.14.0\r\n";
    Files.writeString(work.resolve("go.mod"), gomod);
    assertThat(govern().run("pin", "1.22.4", "--toolchain").exitCode()).isZero();
    assertThat(Files.readString(work.resolve("go.mod")))
        .isEqualTo(
            "module example.com/m\r\n\r\ngo 1.21 // lang\r\ntoolchain go1.22.4\r\n\r\nrequire golang.org/x/text v0.14.0\r\n");
    assertThat(govern().run("pin", "1.21.0", "--toolchain").exitCode()).isZero();
    assertThat(Files.readString(work.resolve("go.mod"))).contains("toolchain go1.21.0\r\n");
    assertThat(recorded)
        .extracting(Change::action)
        .containsExactly("pin", "pin-toolchain", "pin", "pin-toolchain");
  }

  @Test
  void pinToolchainRefusesAGoThatCannotReadTheLine() throws Exception {
    Files.writeString(work.resolve("go.mod"), "module m\n\ngo 1.19\n");
    CliRunner.Result r = govern().run("pin", "1.19.8", "--toolchain");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(work.resolve(".go-version")).doesNotExist();
    assertThat(Files.readString(work.resolve("go.mod"))).isEqualTo("module m\n\ngo 1.19\n");
  }

  @Test
  void currentOfAPinThatIsNotInstalledExitsThree() throws Exception {
    Files.writeString(work.resolve(".go-version"), "1.23.1\n");
    CliRunner.Result r = govern().run("current");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("go1.23.1 (set by " + work.resolve(".go-version") + ")\n");
    assertThat(r.err())
        .isEqualTo(
            "govern: go1.23.1 is pinned by "
                + work.resolve(".go-version")
                + " but not installed; run: govern install 1.23.1\n");
  }

  @Test
  void whichPrintsTheRealBinary() throws Exception {
    Files.writeString(work.resolve(".go-version"), "1.22.4\n");
    assertThat(govern().run("which", "gofmt").out())
        .isEqualTo(home.resolve("toolchains/go1.22.4/bin/gofmt") + "\n");
    assertThat(govern().run("which", "vet").exitCode()).isEqualTo(3);
  }

  @Test
  void envPrintsGorootPathAndGotoolchainForShAndJson() throws Exception {
    Files.writeString(work.resolve(".go-version"), "1.22.4\n");
    Path goroot = home.resolve("toolchains/go1.22.4");
    assertThat(govern().run("env").out())
        .isEqualTo(
            "export GOROOT='"
                + goroot
                + "'\nexport PATH='"
                + goroot
                + "/bin:"
                + home.resolve("bin")
                + ":/usr/bin:/bin'\nexport GOTOOLCHAIN='local'\n");
    JsonNode doc = json.readTree(govern().run("env", "--shell", "json").out());
    assertThat(doc.path("env").path("GOROOT").asText()).isEqualTo(goroot.toString());
    assertThat(doc.path("source").asText()).isEqualTo(".go-version");
    assertThat(govern().env("GOTOOLCHAIN", "path").run("env", "--shell", "fish", "1.21.0").out())
        .contains(
            "set -gx GOTOOLCHAIN 'path'\n",
            "set -gx PATH '" + home.resolve("toolchains/go1.21.0/bin") + "' ");
  }

  @Test
  void execRunsTheCommandWithTheVersionAndPassesItsExitCode() {
    CliRunner.Result r = govern().run("exec", "1.21.0", "--", "go", "build");
    assertThat(r.out()).isEqualTo("RESOLVED go1.21.0 go GOTOOLCHAIN=local\n");
    assertThat(govern().run("exec", "1.21.0", "--", "sh", "-c", "exit 5").exitCode()).isEqualTo(5);
    assertThat(govern().run("exec", "1.21.0", "go", "test", "-v", "--json").out())
        .isEqualTo("RESOLVED go1.21.0 go GOTOOLCHAIN=local\n");
    assertThat(govern().run("exec", "1.23.0", "--", "go", "version").exitCode()).isEqualTo(3);
  }

  @Test
  void rollbackWithAFailingSmokeCommandRestoresAndExitsOne() throws Exception {
    govern().run("use", "1.21.0", "--default");
    govern().run("use", "1.22.4", "--default");
    byte[] state = Files.readAllBytes(home.resolve("state.json"));
    CliRunner.Result r = govern().run("rollback", "--smoke", "echo tests failed; exit 1", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = json.readTree(r.out());
    assertThat(doc.path("verified").asBoolean()).isFalse();
    assertThat(doc.path("defaultNow").asText()).isEqualTo("go1.22.4");
    assertThat(doc.path("checks").get(2).path("output").asText()).isEqualTo("tests failed\n");
    assertThat(Files.readAllBytes(home.resolve("state.json"))).isEqualTo(state);

    CliRunner.Result ok =
        govern().run("rollback", "--reason", "regression", "--smoke", "go version");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).endsWith("rolled back go1.22.4 -> go1.21.0, verified\n");
    assertThat(recorded)
        .extracting(Change::action)
        .containsExactly("use-default", "use-default", "rollback-failed", "rollback");
  }

  @Test
  void doctorIsHealthyOnAGoodSetup() {
    govern().run("use", "1.21.0", "--default");
    CliRunner.Result r = govern().run("doctor");
    assertThat(r.out()).isEqualTo("healthy: no problems found\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void doctorFindsTheUsualEmergencyMistakesEachWithAFix() throws Exception {
    govern().run("use", "1.21.0", "--default");
    Path otherGo = tmp.resolve("usr-local-go/bin/go");
    FakeToolchains.script(otherGo, "#!/bin/sh\n");
    Files.writeString(work.resolve(".go-version"), "1.21.0\n");
    Files.writeString(work.resolve("go.mod"), "module m\n\ngo 1.30.1\n");
    Files.delete(home.resolve("toolchains/go1.22.4/VERSION"));
    Path cache = home.resolve("cache");
    Files.createDirectories(cache);
    Files.writeString(cache.resolve("releases.json"), "[]");
    Files.writeString(
        cache.resolve("releases.json.meta"),
        "fetched="
            + Instant.now().minusSeconds(30L * 86400).toString().replace(":", "\\:")
            + "\nsource=x\n");

    CliRunner.Result r =
        new CliRunner(tmp)
            .env("PATH", otherGo.getParent() + ":" + home.resolve("bin") + ":/usr/bin:/bin")
            .env("GOROOT", "/usr/local/go")
            .env("GOTOOLCHAIN", "auto")
            .cwd(work)
            .run("doctor", "--json");
    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode doc = json.readTree(r.out());
    assertThat(doc.path("healthy").asBoolean()).isFalse();
    List<String> ids = new ArrayList<>();
    doc.path("findings")
        .forEach(
            f -> {
              ids.add(f.path("id").asText());
              assertThat(f.path("fix").asText()).isNotBlank();
            });
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "other-go-first-in-path",
            "goroot-exported",
            "shell-integration-not-loaded",
            "required-toolchain-not-installed",
            "damaged-toolchain",
            "stale-cache");
    assertThat(doc.toString()).contains(otherGo.toString(), "go1.30.1 is required by");
  }

  @Test
  void doctorWarnsWhenANewerToolchainRunsInsteadOfTheOneTheGoCommandWouldDownload()
      throws Exception {
    govern().run("use", "1.21.0", "--default");
    Files.writeString(work.resolve("go.mod"), "module m\n\ngo 1.22.1\n");
    CliRunner.Result r = govern().env("GOTOOLCHAIN", "auto").run("doctor", "--json");
    JsonNode doc = json.readTree(r.out());
    List<String> ids = new ArrayList<>();
    doc.path("findings").forEach(f -> ids.add(f.path("id").asText()));
    assertThat(ids)
        .contains("toolchain-substituted")
        .doesNotContain("required-toolchain-not-installed");
    assertThat(doc.toString())
        .contains(
            "go1.22.1 is not installed: go1.22.4 is the newest installed toolchain at least as new",
            "govern install 1.22.1");

    CliRunner.Result current = govern().env("GOTOOLCHAIN", "auto").run("current");
    assertThat(current.out())
        .isEqualTo(
            "go1.22.4 (set by "
                + work.resolve("go.mod")
                + ")\n  "
                + work.resolve("go.mod")
                + " asks for go1.22.1 (go 1.22.1); go1.21.0 (set by the global default) is older;"
                + " go1.22.1 is not installed: go1.22.4 is the newest installed toolchain at least"
                + " as new\n");
  }

  @Test
  void doctorFixRewritesShimsAndTheDefaultLink() throws Exception {
    govern().run("use", "1.21.0", "--default");
    Files.delete(home.resolve("bin/gofmt"));
    Files.delete(home.resolve("default"));
    assertThat(govern().run("doctor").out()).contains("shims-out-of-date", "default-link-mismatch");
    CliRunner.Result fixed = govern().run("doctor", "--fix");
    assertThat(fixed.exitCode()).isZero();
    assertThat(Files.readString(home.resolve("bin/gofmt"), StandardCharsets.UTF_8))
        .startsWith("#!/bin/sh");
  }

  @Test
  void doctorReportsMissingPinsAndDefaults() throws Exception {
    CliRunner.Result none = govern().run("doctor", "--json");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(ids(none)).contains("no-default", "shims-out-of-date");

    govern().run("use", "1.22.4", "--default");
    ShimTestFiles.deleteTree(home.resolve("toolchains/go1.22.4"));
    Files.writeString(work.resolve(".go-version"), "1.23.2\n");
    assertThat(ids(govern().run("doctor", "--json")))
        .contains("default-not-installed", "pinned-not-installed");

    Files.writeString(work.resolve(".go-version"), "stable\n");
    assertThat(ids(govern().run("doctor", "--json"))).contains("bad-version-pin");
  }

  private List<String> ids(CliRunner.Result r) throws Exception {
    List<String> ids = new ArrayList<>();
    json.readTree(r.out()).path("findings").forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }

  @Test
  void useEnvSwitchesToTheVersionTheEnvironmentsTableNames() throws Exception {
    Files.writeString(
        work.resolve("govern.yaml"),
        "environments:\n  staging: {version: go1.21.0, status: observing, note: soak}\n");
    CliRunner.Result r = govern().run("use", "--env", "staging", "--default");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("go1.21.0 is now the default");
    assertThat(recorded).extracting(Change::reason).contains("environment staging (observing)");
    CliRunner.Result missing = govern().run("use", "--env", "prod", "--default");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("environment \"prod\" is not in");
    assertThat(govern().run("use", "1.21.0", "--env", "staging", "--default").exitCode())
        .isEqualTo(2);
  }

  // --json of the commands that change or report something

  private JsonNode doc(CliRunner.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode d = json.readTree(r.out());
    assertThat(d.path("schemaVersion").asInt()).isEqualTo(1);
    return d;
  }

  @Test
  void useDefaultJsonReportsTheSwitchAndThePinThatStillWinsHere() throws Exception {
    TestToolchains.fake(home, "go1.20.14");
    govern().run("use", "1.21.0", "--default");
    Files.writeString(work.resolve(".go-version"), "1.20.14\n");
    JsonNode d = doc(govern().run("use", "1.22.4", "--default", "--json"));
    assertThat(d.path("version").asText()).isEqualTo("go1.22.4");
    assertThat(d.path("previous").asText()).isEqualTo("go1.21.0");
    assertThat(d.path("overriddenHereBy").asText()).contains(".go-version").endsWith("go1.20.14");
  }

  @Test
  void useWithoutDefaultRefusesJson() {
    CliRunner.Result r = govern().run("use", "1.22.4", "--json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("use it with --default");
  }

  @Test
  void pinJsonReportsTheFileAndThePreviousPin() throws Exception {
    govern().run("pin", "1.21.0");
    JsonNode d = doc(govern().run("pin", "1.22.4", "--json"));
    assertThat(d.path("version").asText()).isEqualTo("go1.22.4");
    assertThat(d.path("file").asText()).isEqualTo(work.resolve(".go-version").toString());
    assertThat(d.path("previous").asText()).isEqualTo("go1.21.0");
    assertThat(d.path("gomod").isNull()).isTrue();
    assertThat(d.path("installed").asBoolean()).isTrue();
  }

  @Test
  void whichJsonReportsThePathAndWhatSelectedIt() throws Exception {
    govern().run("pin", "1.21.0");
    JsonNode d = doc(govern().run("which", "--json"));
    assertThat(d.path("tool").asText()).isEqualTo("go");
    assertThat(d.path("path").asText())
        .isEqualTo(home.resolve("toolchains/go1.21.0/bin/go").toString());
    assertThat(d.path("version").asText()).isEqualTo("go1.21.0");
    assertThat(d.path("source").asText()).contains(".go-version");
  }

  @Test
  void uninstallAndPruneJsonListWhatTheyRemoved() throws Exception {
    TestToolchains.fake(home, "go1.20.14");
    JsonNode one = doc(govern().run("uninstall", "1.20.14", "--json"));
    assertThat(one.path("removed").toString()).isEqualTo("[\"go1.20.14\"]");
    JsonNode pruned = doc(govern().run("prune", "--keep", "1", "--json"));
    assertThat(pruned.path("removed").toString()).isEqualTo("[\"go1.21.0\"]");
    JsonNode none = doc(govern().run("prune", "--keep", "1", "--json"));
    assertThat(none.path("removed").toString()).isEqualTo("[]");
    assertThat(recorded).extracting(Change::action).containsExactly("uninstall", "uninstall");
  }
}
