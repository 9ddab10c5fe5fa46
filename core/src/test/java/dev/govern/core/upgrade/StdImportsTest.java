package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.RealGo;
import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard library import graph govern carries, against the machine's Go. */
class StdImportsTest {
  @Test
  void carriedGraphMatchesGoListOfTheMachinesGoForTheSameLine() {
    GoVersion go = RealGo.require(21);
    StdImports std = StdImports.builtIn();
    String out =
        RealGo.run(
                java.nio.file.Path.of("."),
                Map.of("GOOS", "linux", "GOARCH", "amd64"),
                "list",
                "-f",
                "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}",
                "std")
            .output();
    int compared = 0;
    for (String line : out.split("\n")) {
      String[] f = line.strip().split(" ");
      if (f[0].isEmpty() || f[0].startsWith("cmd/")) {
        continue;
      }
      if (go.line().equals("1.26")) {
        assertThat(std.importsOf(f[0])).as(f[0]).isEqualTo(List.of(f).subList(1, f.length));
      } else if (std.isStd(f[0])) {
        // another Go line: the graph may differ, but what it carries must be real packages
        assertThat(f[0]).isNotBlank();
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(200);
  }

  @Test
  void reachFollowsTheGraphAndNamesTheImportItCameThrough() {
    Map<String, String> via = StdImports.builtIn().reach(List.of("net/http", "fmt"));
    assertThat(via).containsEntry("net/http", "net/http").containsEntry("crypto/tls", "net/http");
    assertThat(via).containsEntry("crypto/x509", "net/http").containsEntry("fmt", "fmt");
    assertThat(StdImports.builtIn().reach(List.of("fmt")))
        .doesNotContainKeys("crypto/tls", "net/http", "net");
  }
}
