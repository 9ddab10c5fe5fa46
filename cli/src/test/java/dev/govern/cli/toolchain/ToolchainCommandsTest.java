package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainCommandsTest {
  @TempDir Path tmp;
  private TestMirror mirror;
  private CliRunner govern;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    mirror = new TestMirror(tmp);
    mirror.release("go1.21.13", true);
    mirror.release("go1.22.4", true);
    mirror.release("go1.22.10", true);
    mirror.release("go1.23rc1", false);
    govern = new CliRunner(tmp.resolve("user")).env("GOVERN_MIRROR", mirror.url());
  }

  private Path home() {
    return tmp.resolve("user/.govern");
  }

  @Test
  void installALinePicksItsNewestPatchAndTheToolchainRuns() throws Exception {
    CliRunner.Result r = govern.run("install", "1.22");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    Path root = home().resolve("toolchains/go1.22.10");
    assertThat(r.out()).isEqualTo("installed go1.22.10 in " + root + "\n");
    Process p = new ProcessBuilder(root.resolve("bin/go").toString(), "version").start();
    assertThat(new String(p.getInputStream().readAllBytes()))
        .isEqualTo("go version go1.22.10 test/arch\n");
    CliRunner.Result again = govern.run("install", "go1.22.10");
    assertThat(again.out()).isEqualTo("go1.22.10 is already installed in " + root + "\n");
  }

  @Test
  void installLatestSkipsThePrereleaseUnlessItIsNamed() {
    assertThat(govern.run("install", "latest").out()).startsWith("installed go1.22.10 ");
    assertThat(govern.run("install", "1.23rc1").out()).startsWith("installed go1.23rc1 ");
  }

  @Test
  void installJsonDescribesWhatWasDone() throws Exception {
    CliRunner.Result r = govern.run("install", "1.21.13", "--json");
    JsonNode doc = json.readTree(r.out());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("version").asText()).isEqualTo("go1.21.13");
    assertThat(doc.path("alreadyInstalled").asBoolean()).isFalse();
    assertThat(doc.path("sha256").asText())
        .isEqualTo(TestMirror.sha256(tmp.resolve("mirror/go1.21.13.linux-amd64.tar.gz")));
  }

  @Test
  void anUnknownVersionIsNotFoundAndNamesTheNearestReleases() {
    CliRunner.Result r = govern.run("install", "1.22.7");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .startsWith("govern: error: no Go release matches 1.22.7; nearest: ")
        .contains("go1.22.10", "go1.22.4")
        .contains("hint: run 'govern list-remote --all'");
  }

  @Test
  void offlineUsesOnlyTheCacheAndSaysSoWhenThereIsNone() {
    CliRunner.Result none = govern.run("list-remote", "--offline");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.err()).contains("no cached release index");
    assertThat(govern.run("list-remote").exitCode()).isZero();
    CliRunner.Result cached = govern.run("list-remote", "--offline");
    assertThat(cached.exitCode()).isZero();
    assertThat(cached.out()).contains("go1.22.10");
  }

  @Test
  void listRemoteShowsStableReleasesNewestFirstAndAllAddsPrereleases() throws Exception {
    govern.run("install", "1.22.4");
    CliRunner.Result r = govern.run("list-remote", "--json");
    JsonNode rel = json.readTree(r.out()).path("releases");
    assertThat(rel.findValuesAsText("version"))
        .containsExactly("go1.22.10", "go1.22.4", "go1.21.13");
    assertThat(rel.get(1).path("installed").asBoolean()).isTrue();
    assertThat(rel.get(0).path("installed").asBoolean()).isFalse();
    assertThat(govern.run("list-remote", "--all").out())
        .startsWith("go1.23rc1  (prerelease)\n")
        .contains("go1.22.4   (installed)\n");
  }

  @Test
  void listShowsInstalledToolchainsNewestFirstAndMarksTheDefault() throws Exception {
    govern.run("install", "1.21.13");
    govern.run("install", "1.22.4");
    Files.writeString(home().resolve("state.json"), "{\"default\":\"go1.21.13\",\"history\":[]}");
    assertThat(govern.run("list").out()).isEqualTo("go1.22.4\ngo1.21.13  (default)\n");
    JsonNode doc = json.readTree(govern.run("list", "--json").out());
    assertThat(doc.path("toolchains").findValuesAsText("version"))
        .containsExactly("go1.22.4", "go1.21.13");
    assertThat(doc.path("toolchains").get(1).path("marks").get(0).asText()).isEqualTo("default");
  }

  @Test
  void uninstallRefusesTheDefaultUnlessForced() throws Exception {
    govern.run("install", "1.22.4");
    Files.writeString(home().resolve("state.json"), "{\"default\":\"go1.22.4\"}");
    CliRunner.Result refused = govern.run("uninstall", "1.22.4");
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err())
        .isEqualTo(
            "govern: error: go1.22.4 is the default toolchain; refusing to uninstall it\n"
                + "hint: switch first with 'govern use <version> --default', or pass --force\n");
    CliRunner.Result forced = govern.run("uninstall", "1.22.4", "--force");
    assertThat(forced.out()).isEqualTo("uninstalled go1.22.4\n");
    assertThat(home().resolve("toolchains/go1.22.4")).doesNotExist();
  }

  @Test
  void pruneKeepsTheNewest() {
    govern.run("install", "1.21.13");
    govern.run("install", "1.22.4");
    govern.run("install", "1.22.10");
    CliRunner.Result r = govern.run("prune", "--keep", "1");
    assertThat(r.out()).isEqualTo("removed go1.21.13\nremoved go1.22.4\n");
    assertThat(govern.run("list").out()).isEqualTo("go1.22.10\n");
  }

  @Test
  void anAirGappedArchiveInstallsWithItsHashAndTheVersionFromItsName() throws Exception {
    Path a = TestMirror.toolchainArchive(Files.createDirectories(tmp.resolve("air")), "go1.20.14");
    CliRunner.Result missing = govern.run("install", "--archive", a.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--archive needs --sha256");
    CliRunner.Result r =
        new CliRunner(tmp.resolve("user"))
            .env("GOVERN_INDEX_URL", "http://127.0.0.1:9/never-used")
            .run("install", "--archive", a.toString(), "--sha256", TestMirror.sha256(a));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("installed go1.20.14 in ");
  }

  @Test
  void progressIsDrawnOnStderrOnlyForATerminal() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    dev.govern.cli.support.CliIo terminal =
        new dev.govern.cli.support.CliIo(
            new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), true, false);
    java.util.Map<String, String> env =
        java.util.Map.of("GOVERN_HOME", home().toString(), "GOVERN_MIRROR", mirror.url());
    int code =
        dev.govern.cli.GovernCli.run(
            new String[] {"install", "1.22.4"},
            terminal,
            new dev.govern.core.config.Settings(env, tmp));
    assertThat(code).isZero();
    assertThat(err.toString())
        .startsWith("\rgo1.22.4.linux-amd64.tar.gz ")
        .contains("\rgo1.22.4.linux-amd64.tar.gz 100% ")
        .endsWith("\r\u001b[K");
    assertThat(out.toString()).startsWith("installed go1.22.4 ");
    // not a terminal (CliRunner): nothing on stderr
    assertThat(govern.run("install", "1.21.13").err()).isEmpty();
  }

  @Test
  void helpListsTheToolchainCommandsUnderToolchains() {
    String help = govern.run("--help").out();
    assertThat(help).contains("Toolchains:");
    assertThat(help.substring(help.indexOf("Toolchains:")))
        .contains("install", "list-remote", "uninstall", "prune");
  }

  @Test
  void installAndUninstallAreRecordedInTheLedgerAndKeepTheShimsCurrent() throws Exception {
    CliRunner g = govern.env("GOVERN_OPERATOR", "sre@prod");
    assertThat(g.run("install", "1.22.4").exitCode()).isZero();
    assertThat(Files.exists(home().resolve("bin/go1.22.4"))).isTrue();
    assertThat(Files.exists(home().resolve("bin/go"))).isTrue();
    assertThat(g.run("uninstall", "1.22.4", "--reason", "superseded").exitCode()).isZero();
    assertThat(Files.exists(home().resolve("bin/go1.22.4"))).isFalse();
    JsonNode log = json.readTree(g.run("audit", "log", "--json").out());
    String entries = log.toString();
    assertThat(entries)
        .contains("\"install\"", "\"uninstall\"", "sre@prod", "superseded", "go1.22.4");
    assertThat(g.run("audit", "verify").exitCode()).isZero();
  }
}
