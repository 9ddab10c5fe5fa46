package dev.govern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConventionsTest {
  @TempDir Path home;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void helpListsCommandsByPurposeAndTheExitCodes() {
    CliRunner.Result r = new CliRunner(home).run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Artifacts and knowledge:", "version-info", "Exit codes:", "70");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionPrintsGovernAndTheVersion() {
    CliRunner.Result r = new CliRunner(home).run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).matches("govern \\S+\\R");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRunner.Result r = new CliRunner(home).run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMistypedCommandIsAUsageErrorThatSuggestsTheRightOne() {
    CliRunner.Result r = new CliRunner(home).run("version-inf", "go1.22.4");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "govern: error: Unmatched arguments from index 0: 'version-inf', 'go1.22.4'\n"
                + "hint: did you mean version-info?\n");
  }

  @Test
  void aMistypedOptionGetsASuggestionToo() {
    CliRunner.Result r = new CliRunner(home).run("inspect", "--symbol", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("hint: did you mean --symbols?");
  }

  @Test
  void unknownFlagGetsAShortUsageErrorWithoutStackTrace() {
    CliRunner.Result r = new CliRunner(home).run("version-info", "--bogus", "go1.22.4");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(2);
    assertThat(r.err())
        .startsWith("govern: error: Unknown option: '--bogus'")
        .contains("hint: run 'govern version-info --help'");
    assertThat(r.err()).doesNotContain("at dev.govern");
  }

  @Test
  void badInputIsOneErrorLineAndExitCodeTwo() {
    CliRunner.Result r = new CliRunner(home).run("version-info", "go1.x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "govern: error: not a Go version: \"go1.x\" (expected forms like go1.22.4, 1.22, go1.21rc1, 1.21.0-rc.1)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRunner.Result r = new CliRunner(home).run("version-info", "go1.x", "--verbose");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("at dev.govern.core.version.GoVersion.parse");
  }

  @Test
  void jsonErrorsAreOneDocumentOnStdout() throws Exception {
    CliRunner.Result r = new CliRunner(home).run("version-info", "nope", "--json");
    assertThat(r.exitCode()).isEqualTo(2);
    JsonNode doc = json.readTree(r.out());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("error").path("code").asText()).isEqualTo("usage");
    assertThat(doc.path("error").path("message").asText()).contains("\"nope\"");
  }

  @Test
  void versionInfoJsonDescribesTheVersion() throws Exception {
    CliRunner.Result r = new CliRunner(home).run("version-info", "go1.21rc2", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = json.readTree(r.out());
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("version").asText()).isEqualTo("go1.21rc2");
    assertThat(doc.path("language").asText()).isEqualTo("go1.21");
    assertThat(doc.path("prerelease").asBoolean()).isTrue();
    assertThat(doc.path("release").asBoolean()).isFalse();
    assertThat(doc.path("semver").asText()).isEqualTo("1.21.0-rc.2");
  }

  @Test
  void versionInfoTextNormalizesSemverInput() {
    CliRunner.Result r = new CliRunner(home).run("version-info", "1.9.0-beta.2");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("version:   go1.9beta2", "language:  go1.9", "semver:    1.9.0-beta.2");
  }

  @Test
  void completionScriptsNameTheCommands() {
    for (String shell : new String[] {"bash", "zsh", "fish"}) {
      CliRunner.Result r = new CliRunner(home).run("completion", shell);
      assertThat(r.exitCode()).as(shell).isZero();
      assertThat(r.out()).as(shell).contains("version-info");
    }
    assertThat(new CliRunner(home).run("completion", "fish").out())
        .contains("complete -c govern -n __fish_use_subcommand -a version-info");
  }
}
