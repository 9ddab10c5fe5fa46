package dev.govern.cli.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import dev.govern.core.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `govern vulns <binary>`: the binary's Go version, its modules, and which symbols are linked. */
class VulnsBinaryTest {
  @TempDir Path tmp;

  private JsonNode vulns(TestBinary binary) throws Exception {
    CliRunner.Result r =
        new CliRunner(tmp)
            .run(
                "vulns",
                binary.file().toString(),
                "--vulndb",
                TestData.osvDir().toString(),
                "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void linkedSymbolsAreTakenFromTheFunctionTableIncludingInlinedOnes() throws Exception {
    String http = vulns(TestBinaries.nethttp()).toString();
    String timeOnly = vulns(TestBinaries.timeonly()).toString();
    // the same Go version has the same stdlib findings, but only the net/http program links
    // net/http
    assertThat(http).contains("\"linked\":\"yes\"");
    assertThat(count(http, "\"linked\":\"yes\""))
        .isGreaterThan(count(timeOnly, "\"linked\":\"yes\""));
    assertThat(timeOnly).contains("\"linked\":\"no\"");
  }

  @Test
  void aStrippedBinaryStillHasItsFunctionTable() throws Exception {
    String stripped =
        vulns(TestBinaries.go119("timeonly", "linux/amd64", Mode.STRIPPED)).toString();
    assertThat(stripped).contains("\"linked\":\"no\"").doesNotContain("\"linked\":\"unknown\"");
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
