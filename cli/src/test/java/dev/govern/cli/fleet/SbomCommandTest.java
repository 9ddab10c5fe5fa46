package dev.govern.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TestBinaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTest {

  @TempDir Path tmp;

  @Test
  void jsonSbomOfAModuleBinaryIsValidCycloneDxWithStdlibAndModulePurls() throws Exception {
    CliRunner.Result r = new CliRunner(tmp).run("sbom", TestBinaries.moddep().file().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] json = r.out().getBytes(StandardCharsets.UTF_8);
    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();

    JsonNode bom = new ObjectMapper().readTree(json);
    List<String> purls = new ArrayList<>();
    bom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls).contains("pkg:golang/stdlib@1.19.8");
    // every dependency line of `go version -m` appears as a component (replacements in effect)
    List<String> expected = dependencyPurls(TestBinaries.moddep().versionM().out());
    assertThat(expected).isNotEmpty();
    assertThat(purls).containsAll(expected);
    JsonNode app = bom.path("metadata").path("component");
    assertThat(app.path("type").asText()).isEqualTo("application");
    assertThat(app.path("properties").toString()).contains("govern:build:-tags", "fixture,demo");
  }

  @Test
  void xmlSbomIsValidToo() throws Exception {
    Path out = tmp.resolve("sbom.xml");
    CliRunner.Result r =
        new CliRunner(tmp)
            .run(
                "sbom",
                TestBinaries.vcsdemo().file().toString(),
                "--format",
                "cyclonedx-xml",
                "--out",
                out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(new XmlParser().validate(out.toFile(), Version.VERSION_16)).isEmpty();
    String revision =
        TestBinaries.vcsdemo()
            .versionM()
            .out()
            .lines()
            .filter(l -> l.startsWith("\tbuild\tvcs.revision="))
            .findFirst()
            .orElseThrow()
            .substring("\tbuild\tvcs.revision=".length());
    assertThat(Files.readString(out)).contains("vcs.revision", revision);
  }

  @Test
  void notAGoBinaryIsAOneLineErrorWithExitThree() throws Exception {
    Path txt = tmp.resolve("notes.txt");
    Files.writeString(txt, "hello, this is not an executable at all\n");
    CliRunner.Result r = new CliRunner(tmp).run("sbom", txt.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err().lines().findFirst().orElse("")).startsWith("govern: error: " + txt);
    assertThat(new CliRunner(tmp).run("sbom", "--format", "spdx", txt.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aModuleFolderGivesItsRequirementsAndTheToolchainsStdlib() throws Exception {
    Path mod = tmp.resolve("svc");
    Files.createDirectories(mod);
    Files.writeString(
        mod.resolve("go.mod"),
        "module example.com/svc\n\ngo 1.22.0\ntoolchain go1.22.4\n\nrequire (\n\tgolang.org/x/net v0.17.0\n\texample.com/old v1.0.0 // indirect\n\texample.com/local v1.2.0\n)\n\nreplace example.com/old => example.com/new v1.1.0\nreplace example.com/local => ../local\n");
    CliRunner.Result r = new CliRunner(tmp).run("sbom", mod.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] json = r.out().getBytes(StandardCharsets.UTF_8);
    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    String text = r.out();
    assertThat(text)
        .contains(
            "pkg:golang/stdlib@1.22.4",
            "pkg:golang/golang.org/x/net@v0.17.0",
            "pkg:golang/example.com/new@v1.1.0",
            "pkg:golang/example.com/local@v1.2.0",
            "govern:replaced-by-directory",
            "govern:go-minimum");
    assertThat(new CliRunner(tmp).run("sbom", tmp.resolve("nothing").toString()).exitCode())
        .isEqualTo(3);
  }

  /** The purls `dep` and `=>` lines of a `go version -m` listing should produce. */
  /** The purls of the dep lines of {@code go version -m} output, replacements in effect. */
  private static List<String> dependencyPurls(String goVersionM) {
    List<String> out = new ArrayList<>();
    List<String> lines = goVersionM.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).strip().split("\t");
      if (!f[0].equals("dep")) {
        continue;
      }
      String path = f[1];
      String version = f[2];
      if (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("=>")) {
        String[] r = lines.get(i + 1).strip().split("\t");
        if (r.length > 2 && !r[1].startsWith(".") && !r[1].startsWith("/")) {
          path = r[1];
          version = r[2];
        }
      }
      out.add("pkg:golang/" + path + "@" + version.replace("+", "%2B"));
    }
    return out;
  }
}
