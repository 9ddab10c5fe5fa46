package dev.govern.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectGoModTest {
  private static final Path GOMOD = TestData.goModSamples();

  @TempDir Path tmp;

  @Test
  void jsonMatchesTheParseGoGivesForEverySample() throws Exception {
    JsonNode expected = new ObjectMapper().readTree(GOMOD.resolve("expected.json").toFile());
    for (JsonNode want : expected) {
      if (want.has("error")) {
        continue;
      }
      CliRunner.Result r =
          new CliRunner(tmp)
              .run("inspect", GOMOD.resolve(want.path("file").asText()).toString(), "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode got = new ObjectMapper().readTree(r.out());
      assertThat(got.path("schemaVersion").asInt()).isEqualTo(1);
      JsonNode m = got.path("modules").get(0);
      assertThat(m.path("kind").asText()).isEqualTo(want.path("kind").asText());
      assertThat(m.path("go").asText(null)).isEqualTo(want.path("go").asText(null));
      assertThat(m.path("toolchain").asText(null)).isEqualTo(want.path("toolchain").asText(null));
      assertThat(m.path("require").size()).isEqualTo(want.path("require").size());
      assertThat(m.path("replace").size()).isEqualTo(want.path("replace").size());
    }
  }

  @Test
  void textNamesTheDirectivesAndReplacements() {
    CliRunner.Result r =
        new CliRunner(tmp)
            .run("inspect", GOMOD.resolve("01-blocks-replace-retract.go.mod").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "\tmodule\texample.com/app",
            "\ttoolchain\tgo1.22.4",
            "\treplace\texample.com/direct => ../direct");
  }

  @Test
  void aBrokenGoModIsAUsageErrorWithFileLineAndColumn() throws Exception {
    Path bad = tmp.resolve("go.mod");
    Files.writeString(bad, "module m\n\ngo 1.x\n");
    CliRunner.Result r = new CliRunner(tmp).run("inspect", bad.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("go.mod:3:");
    assertThat(new ObjectMapper().readTree(r.out()).path("error").path("code").asText())
        .isEqualTo("invalid-input");
  }

  @Test
  void goModFilesAndBinariesAreInspectedSeparately() {
    CliRunner.Result r =
        new CliRunner(tmp)
            .run(
                "inspect",
                GOMOD.resolve("01-blocks-replace-retract.go.mod").toString(),
                tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
