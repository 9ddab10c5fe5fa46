package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.ledger.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --json of the toolchain commands that change or report something. */
class ToolchainJsonTest {
  @TempDir Path tmp;
  Path home;
  Path work;
  final List<Change> recorded = new ArrayList<>();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void installThree() throws Exception {
    home = tmp.resolve(".govern");
    work = tmp.resolve("work");
    Files.createDirectories(work);
    TestToolchains.fake(home, "go1.20.14");
    TestToolchains.fake(home, "go1.21.0");
    TestToolchains.fake(home, "go1.22.4");
  }

  CliRunner govern() {
    return new CliRunner(tmp)
        .env("PATH", home.resolve("bin") + ":/usr/bin:/bin")
        .env("HOSTNAME", "build-7")
        .cwd(work)
        .recorder(recorded::add);
  }

  private JsonNode doc(CliRunner.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode d = json.readTree(r.out());
    assertThat(d.path("schemaVersion").asInt()).isEqualTo(1);
    return d;
  }

  @Test
  void useDefaultReportsTheSwitchAndThePinThatStillWinsHere() throws Exception {
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
  void pinReportsTheFileAndThePreviousPin() throws Exception {
    govern().run("pin", "1.21.0");
    JsonNode d = doc(govern().run("pin", "1.22.4", "--json"));
    assertThat(d.path("version").asText()).isEqualTo("go1.22.4");
    assertThat(d.path("file").asText()).isEqualTo(work.resolve(".go-version").toString());
    assertThat(d.path("previous").asText()).isEqualTo("go1.21.0");
    assertThat(d.path("gomod").isNull()).isTrue();
    assertThat(d.path("installed").asBoolean()).isTrue();
  }

  @Test
  void whichReportsThePathAndWhatSelectedIt() throws Exception {
    govern().run("pin", "1.21.0");
    JsonNode d = doc(govern().run("which", "--json"));
    assertThat(d.path("tool").asText()).isEqualTo("go");
    assertThat(d.path("path").asText())
        .isEqualTo(home.resolve("toolchains/go1.21.0/bin/go").toString());
    assertThat(d.path("version").asText()).isEqualTo("go1.21.0");
    assertThat(d.path("source").asText()).contains(".go-version");
  }

  @Test
  void uninstallAndPruneListWhatTheyRemoved() throws Exception {
    JsonNode one = doc(govern().run("uninstall", "1.20.14", "--json"));
    assertThat(one.path("removed").toString()).isEqualTo("[\"go1.20.14\"]");
    JsonNode pruned = doc(govern().run("prune", "--keep", "1", "--json"));
    assertThat(pruned.path("removed").toString()).isEqualTo("[\"go1.21.0\"]");
    JsonNode none = doc(govern().run("prune", "--keep", "1", "--json"));
    assertThat(none.path("removed").toString()).isEqualTo("[]");
    assertThat(recorded).extracting(Change::action).containsExactly("uninstall", "uninstall");
  }
}
