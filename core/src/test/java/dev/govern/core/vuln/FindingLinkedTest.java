package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linked-symbol answers over the real function tables of binaries built by Go 1.19.8. */
class FindingLinkedTest {
  /** The function names of a binary built at test time by Go 1.19.8 (see TestBinaries). */
  private static LinkedFunctions functionsOf(TestBinary binary) {
    try (GoBinary b = GoBinary.open(binary.file(), binary.name())) {
      return LinkedFunctions.of(b.nameTable());
    }
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
    assertThat(f.linked(functionsOf(TestBinaries.nethttp()))).isEqualTo(Linked.YES);
    assertThat(f.linkedSymbols(functionsOf(TestBinaries.nethttp())))
        .contains("net/http.Transport.RoundTrip");
    assertThat(f.linked(functionsOf(TestBinaries.timeonly()))).isEqualTo(Linked.NO);
  }

  @Test
  void vulnerableSymbolsThatWereNotLinkedAnswerNo() throws IOException {
    // net/http is in the binary, but none of this entry's functions is
    assertThat(stdlibFinding("GO-2023-2102").linked(functionsOf(TestBinaries.nethttp())))
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
    assertThat(tool.linked(functionsOf(TestBinaries.nethttp()))).isEqualTo(Linked.UNKNOWN);
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
