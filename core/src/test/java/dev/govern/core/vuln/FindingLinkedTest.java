package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linked-symbol answers over the real function tables of the fixture binaries (Go 1.19.8). */
class FindingLinkedTest {
  private static LinkedFunctions functionsOf(String binary) throws IOException {
    return LinkedFunctions.of(
        Files.readAllLines(
            java.nio.file.Path.of(
                System.getProperty("govern.shared"), "fixtures", binary + ".funcs.txt")));
  }

  private static Finding stdlibFinding(String id) {
    return new VulnMatcher(SharedVulnDb.get())
        .stdlib(GoVersion.parse("go1.19.8")).stream()
            .filter(f -> f.id().equals(id))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void netHttpFindingIsLinkedOnlyIntoTheBinaryThatUsesNetHttp() throws IOException {
    Finding f = stdlibFinding("GO-2023-1878");
    assertThat(f.linked(functionsOf("nethttp-linux-amd64-nodwarf"))).isEqualTo(Linked.YES);
    assertThat(f.linkedSymbols(functionsOf("nethttp-linux-amd64-nodwarf")))
        .contains("net/http.Transport.RoundTrip");
    assertThat(f.linked(functionsOf("timeonly-linux-amd64"))).isEqualTo(Linked.NO);
  }

  @Test
  void vulnerableSymbolsThatWereNotLinkedAnswerNo() throws IOException {
    // net/http is in the binary, but none of this entry's functions is
    assertThat(stdlibFinding("GO-2023-2102").linked(functionsOf("nethttp-linux-amd64-nodwarf")))
        .isEqualTo(Linked.NO);
  }

  @Test
  void withoutAFunctionTableTheAnswerIsUnknown() {
    assertThat(stdlibFinding("GO-2023-1878").linked(LinkedFunctions.unknown()))
        .isEqualTo(Linked.UNKNOWN);
  }

  @Test
  void toolchainFindingsAreNeverJudgedAsLinked() throws IOException {
    Finding tool =
        new VulnMatcher(SharedVulnDb.get()).toolchain(GoVersion.parse("go1.19.8")).get(0);
    assertThat(tool.linked(functionsOf("nethttp-linux-amd64-nodwarf"))).isEqualTo(Linked.UNKNOWN);
  }

  @Test
  void packageWithoutSymbolsCountsAsLinkedWhenAnyOfItsFunctionsIs() {
    AffectedPackage whole =
        new AffectedPackage("gopkg.in/yaml.v2", List.of(), List.of(), List.of());
    OsvEntry e =
        new OsvEntry(
            "GO-TEST-1",
            List.of(),
            "test",
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            List.of(),
            "");
    Finding f =
        new Finding(e, "gopkg.in/yaml.v2", "v2.2.1", List.of(whole), java.util.Optional.empty());
    assertThat(f.linked(LinkedFunctions.of(List.of("gopkg.in/yaml%2ev2.Unmarshal"))))
        .isEqualTo(Linked.YES);
    assertThat(f.linked(LinkedFunctions.of(List.of("gopkg.in/yaml%2ev3.Unmarshal"))))
        .isEqualTo(Linked.NO);
  }

  @Test
  void symbolNamesCoverMethodsPointerReceiversGenericsAndEscapedPaths() {
    assertThat(GoSymbolNames.candidates("net/http", "Client.Do"))
        .contains("net/http.Client.Do", "net/http.(*Client).Do", "net/http.(*Client[...]).Do");
    assertThat(GoSymbolNames.candidates("gopkg.in/yaml.v2", "Unmarshal"))
        .contains("gopkg.in/yaml%2ev2.Unmarshal", "gopkg.in/yaml.v2.Unmarshal");
    assertThat(GoSymbolNames.packageOf("net/http.(*Client).Do")).isEqualTo("net/http");
    assertThat(GoSymbolNames.packageOf("gopkg.in/yaml%2ev2.Unmarshal"))
        .isEqualTo("gopkg.in/yaml%2ev2");
  }
}
