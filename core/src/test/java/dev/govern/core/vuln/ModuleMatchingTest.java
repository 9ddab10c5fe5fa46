package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.GovernException;
import dev.govern.core.testing.TestData;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module matching by path and version, and go.mod files with known-vulnerable requirements. */
class ModuleMatchingTest {
  @TempDir Path tmp;
  private final VulnMatcher matcher = new VulnMatcher(SharedVulnDb.get());

  private List<String> ids(String module, String version) {
    return matcher.module(module, version).stream().map(Finding::id).toList();
  }

  @Test
  void releaseVersionsMatchByRange() {
    assertThat(ids("golang.org/x/net", "v0.6.0")).contains("GO-2023-1571");
    assertThat(ids("golang.org/x/net", "v0.7.0")).doesNotContain("GO-2023-1571");
    Finding f =
        matcher.module("golang.org/x/net", "v0.6.0").stream()
            .filter(x -> x.id().equals("GO-2023-1571"))
            .findFirst()
            .orElseThrow();
    assertThat(f.fixed()).contains("0.7.0");
    assertThat(f.packagePaths()).contains("golang.org/x/net/http2");
  }

  @Test
  void pseudoVersionsMatchByTheirTimestamp() {
    assertThat(ids("golang.org/x/net", "v0.0.0-20220601000000-abcdefabcdef"))
        .contains("GO-2023-1495");
    assertThat(ids("golang.org/x/net", "v0.0.0-20220501000000-abcdefabcdef"))
        .doesNotContain("GO-2023-1495");
  }

  @Test
  void incompatibleVersionsMatch() {
    assertThat(ids("github.com/docker/distribution", "v2.6.2+incompatible"))
        .contains("GO-2021-0072");
    assertThat(ids("github.com/docker/distribution", "v2.7.0+incompatible"))
        .doesNotContain("GO-2021-0072");
    assertThat(ids("github.com/evanphx/json-patch", "v3.0.0+incompatible"))
        .contains("GO-2021-0076");
    assertThat(ids("github.com/evanphx/json-patch", "v4.0.0+incompatible"))
        .doesNotContain("GO-2021-0076");
  }

  @Test
  void unknownModulesAndDevelVersionsMatchNothing() {
    assertThat(ids("example.com/nothing", "v1.0.0")).isEmpty();
    assertThat(ids("golang.org/x/net", "(devel)")).isEmpty();
  }

  @Test
  void goModWithVulnerableRequirementsIsReportedPerModule() throws IOException {
    Path goMod = tmp.resolve("go.mod");
    Files.writeString(
        goMod,
        """
        module example.com/app

        go 1.21

        toolchain go1.21.3

        require (
        \tgolang.org/x/net v0.6.0 // indirect
        \tgithub.com/docker/distribution v2.6.2+incompatible
        \texample.com/clean v1.0.0
        )

        require golang.org/x/text v0.3.5

        replace example.com/clean => ../clean
        """);
    ScanTarget t = ScanTarget.goMod(goMod.toString(), new ParsedGoModReader().read(goMod));
    assertThat(t.go()).contains(GoVersion.parse("go1.21.3"));
    VulnReport r = VulnReport.scan(matcher, t);
    assertThat(r.stdlib()).extracting(Finding::id).contains("GO-2023-2185");
    assertThat(r.toolchain()).isNotEmpty();
    assertThat(r.modules())
        .extracting(VulnReport.ModuleFindings::path)
        .containsExactly("golang.org/x/net", "github.com/docker/distribution", "golang.org/x/text");
    assertThat(r.modules().get(2).findings()).extracting(Finding::id).contains("GO-2021-0113");
  }

  @Test
  void goLineAloneMeansTheFirstReleaseOfThatLanguageVersion() {
    GoModFacts facts =
        new GoModFacts(
            "go.mod", java.util.Optional.of("1.22"), java.util.Optional.empty(), List.of());
    assertThat(ScanTarget.goMod("x", facts).go()).contains(GoVersion.parse("go1.22.0"));
    GoModFacts old =
        new GoModFacts(
            "go.mod", java.util.Optional.of("1.19"), java.util.Optional.of("default"), List.of());
    assertThat(ScanTarget.goMod("x", old).go()).contains(GoVersion.parse("go1.19"));
  }

  @Test
  void platformFilterDropsFindingsForOtherSystems() {
    ScanTarget linux =
        new ScanTarget(
            "x",
            ScanTarget.Kind.VERSION,
            java.util.Optional.of(GoVersion.parse("go1.21.3")),
            "",
            List.of(),
            "linux",
            "amd64",
            null);
    assertThat(VulnReport.scan(matcher, linux).stdlib())
        .extracting(Finding::id)
        .doesNotContain("GO-2023-2185");
  }

  @Test
  void readerGivesRequirementsAsTheyTakeEffectAfterReplace() throws IOException {
    Path dir = TestData.goModSamples();
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    int compared = 0;
    for (JsonNode e : expected) {
      String file = e.get("file").asText();
      if (!file.endsWith(".go.mod") || e.has("error")) {
        continue;
      }
      GoModFacts facts = new ParsedGoModReader().read(dir.resolve(file));
      assertThat(facts.go().orElse(null)).as(file).isEqualTo(text(e.get("go")));
      assertThat(facts.toolchain().orElse(null)).as(file).isEqualTo(text(e.get("toolchain")));
      List<String> want = new ArrayList<>();
      for (JsonNode r : e.get("require")) {
        String path = r.get("path").asText();
        String version = r.get("version").asText();
        // x/mod's answer, with the replace that applies (a versioned target; a directory keeps
        // the required version, since nothing published is built)
        for (JsonNode rep : e.get("replace")) {
          JsonNode old = rep.get("old");
          JsonNode target = rep.get("new");
          boolean applies =
              old.get("path").asText().equals(path)
                  && (old.get("version").asText().isEmpty()
                      || old.get("version").asText().equals(version));
          if (applies && !target.get("version").asText().isEmpty()) {
            path = target.get("path").asText();
            version = target.get("version").asText();
            break;
          }
        }
        want.add(path + " " + canonical(version) + " " + r.get("indirect").asBoolean());
      }
      List<String> got = new ArrayList<>();
      // x/mod canonicalizes versions (v1.2 -> v1.2.0, build metadata dropped); the matcher's semver
      // comparison treats both spellings alike, so compare canonical forms
      facts
          .requires()
          .forEach(r -> got.add(r.path() + " " + canonical(r.version()) + " " + r.indirect()));
      assertThat(got).as(file).isEqualTo(want);
      compared++;
    }
    assertThat(compared).isEqualTo(3);
  }

  @Test
  void malformedRequireNamesFileAndLine() throws IOException {
    Path goMod = tmp.resolve("go.mod");
    Files.writeString(goMod, "module x\n\nrequire golang.org/x/net\n");
    assertThatThrownBy(() -> new ParsedGoModReader().read(goMod))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("go.mod:3:");
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String canonical(String v) {
    OsvSemver s = OsvSemver.parse(v);
    String incompatible = v.endsWith("+incompatible") ? "+incompatible" : "";
    return "v" + s + incompatible;
  }
}
