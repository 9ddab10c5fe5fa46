package dev.govern.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.testing.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sorts every Go release by the version model and checks it against the release dates. */
class ReleaseHistoryOrderTest {

  record Release(GoVersion version, LocalDate date) {}

  @Test
  void sortingAllReleasesMatchesTheirDatesWithinEachLine() throws Exception {
    JsonNode root = TestData.releases();
    List<Release> releases = new ArrayList<>();
    int undated = 0;
    for (JsonNode r : root) {
      GoVersion v = GoVersion.parse(r.path("version").asText());
      assertThat(v.toString()).as("canonical name").isEqualTo(r.path("version").asText());
      assertThat(v.isRelease()).as(v.toString()).isTrue();
      if (r.path("date").isNull()) {
        // go1.7.2 was tagged but never released: it has no date to order by
        assertThat(r.path("status").asText()).isEqualTo("tagged-not-released");
        undated++;
        continue;
      }
      releases.add(new Release(v, LocalDate.parse(r.path("date").asText())));
    }
    assertThat(releases.size() + undated).isEqualTo(288);
    assertThat(undated).isEqualTo(1);

    List<Release> sorted = new ArrayList<>(releases);
    sorted.sort((a, b) -> a.version().compareTo(b.version()));
    Map<String, List<Release>> byLine = new LinkedHashMap<>();
    for (Release r : sorted) {
      byLine.computeIfAbsent(r.version().line(), k -> new ArrayList<>()).add(r);
    }
    for (List<Release> line : byLine.values()) {
      for (int i = 1; i < line.size(); i++) {
        assertThat(line.get(i).date())
            .as("%s released after %s", line.get(i).version(), line.get(i - 1).version())
            .isAfterOrEqualTo(line.get(i - 1).date());
      }
    }
    // and the first release of each line comes in date order too
    List<LocalDate> firsts = byLine.values().stream().map(l -> l.get(0).date()).toList();
    assertThat(firsts).isSorted();
    assertThat(byLine).hasSizeGreaterThan(25);
  }
}
