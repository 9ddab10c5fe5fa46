package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.testing.TestData;
import dev.govern.core.version.GoVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs every release of the reference release history through the matcher and compares the stdlib
 * and toolchain ids with the reference's {@code vulndb_known_affecting} lists.
 */
class StdlibMatchingCorrectnessTest {
  @Test
  void everyReleaseMatchesTheReferenceKnownAffectingIds() throws Exception {
    JsonNode releases = TestData.releases();
    VulnMatcher matcher = new VulnMatcher(SharedVulnDb.get());
    Map<String, String> differences = new TreeMap<>();
    int checked = 0;
    int ids = 0;
    for (JsonNode r : releases) {
      GoVersion v = GoVersion.parse(r.get("version").asText());
      TreeSet<String> expected = new TreeSet<>();
      r.get("vulndb_known_affecting").forEach(n -> expected.add(n.asText()));
      TreeSet<String> actual = new TreeSet<>(matcher.go(v).ids());
      if (!expected.equals(actual)) {
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        differences.put(v.toString(), "missing " + missing + " extra " + extra);
      }
      checked++;
      ids += actual.size();
    }
    assertThat(checked).isEqualTo(288);
    assertThat(ids).as("matches found at all").isGreaterThan(10_000);
    assertThat(differences).as("releases whose ids differ from the reference").isEmpty();
  }

  @Test
  void stdlibAndToolchainAreReportedSeparately() {
    VulnMatcher matcher = new VulnMatcher(SharedVulnDb.get());
    VulnMatcher.GoFindings f = matcher.go(GoVersion.parse("go1.21.3"));
    assertThat(f.stdlib()).isNotEmpty().allMatch(Finding::isStdlib);
    assertThat(f.toolchain()).isNotEmpty().allMatch(Finding::isToolchain);
    List<String> stdlibIds = new ArrayList<>();
    f.stdlib().forEach(x -> stdlibIds.add(x.id()));
    // GO-2023-2185 (path/filepath on Windows) affects 1.21.3 and is fixed in 1.21.4
    assertThat(stdlibIds).contains("GO-2023-2185");
    Finding filepath =
        f.stdlib().stream().filter(x -> x.id().equals("GO-2023-2185")).findFirst().orElseThrow();
    assertThat(filepath.packagePaths()).contains("path/filepath");
    assertThat(filepath.appliesTo("windows", "amd64")).isTrue();
    assertThat(filepath.appliesTo("linux", "amd64")).isFalse();
  }
}
