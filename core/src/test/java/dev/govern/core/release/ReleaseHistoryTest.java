package dev.govern.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.GovernException;
import dev.govern.core.testing.TestData;
import dev.govern.core.version.GoVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseHistoryTest {
  /** A file of testdata/releases ({@code go-releases.json} is kept gzipped). */
  static JsonNode json(String name) {
    return name.equals("go-releases.json")
        ? TestData.releases()
        : TestData.json("releases/" + name);
  }

  @Test
  void builtInTableAgreesWithEveryReferenceRelease() throws Exception {
    ReleaseHistory history = ReleaseHistory.builtIn();
    List<String> expected = new ArrayList<>();
    for (JsonNode r : json("go-releases.json")) {
      String date = r.get("date").isNull() ? "" : r.get("date").asText();
      expected.add(r.get("version").asText() + "," + date + "," + r.get("security").asBoolean());
    }
    List<String> actual = new ArrayList<>();
    for (ReleaseFact f : history.all()) {
      actual.add(
          f.version() + "," + f.date().map(LocalDate::toString).orElse("") + "," + f.security());
    }
    assertThat(actual).hasSize(288).containsExactlyElementsOf(expected);
  }

  @Test
  void linesAgreeWithTheReferenceSupportTable() throws Exception {
    List<ReleaseLine> lines = ReleaseHistory.builtIn().lines();
    JsonNode ref = json("go-support.json").get("lines");
    assertThat(lines).hasSize(ref.size());
    for (int i = 0; i < lines.size(); i++) {
      ReleaseLine l = lines.get(i);
      JsonNode r = ref.get(i);
      assertThat("go" + l.line()).isIn(r.get("line").asText(), r.get("line").asText() + ".0");
      assertThat(l.released()).hasToString(r.get("released").asText());
      assertThat(l.latest().version()).hasToString(r.get("latest_patch").asText());
      assertThat(l.latest().date().orElseThrow()).hasToString(r.get("latest_patch_date").asText());
      assertThat(l.patchReleases()).as(l.line()).isEqualTo(r.get("patch_releases").asInt());
      assertThat(l.securityPatchReleases())
          .as(l.line())
          .isEqualTo(r.get("security_patch_releases").asInt());
    }
  }

  @Test
  void neverReleasedVersionIsKnownButNotPublished() {
    ReleaseHistory h = ReleaseHistory.builtIn();
    ReleaseFact f = h.find(GoVersion.parse("go1.7.2")).orElseThrow();
    assertThat(f.released()).isFalse();
    assertThat(h.published()).doesNotContain(f);
    assertThat(h.line(GoVersion.parse("1.7")).orElseThrow().patchReleases()).isEqualTo(5);
  }

  @Test
  void asOfForgetsLaterReleases() {
    ReleaseHistory then = ReleaseHistory.builtIn().asOf(LocalDate.parse("2024-02-06"));
    assertThat(then.newest().orElseThrow().version()).hasToString("go1.22.0");
    assertThat(then.line(GoVersion.parse("1.23"))).isEmpty();
  }

  @Test
  void mergeAddsNewerReleasesAndReplacesSameVersion() {
    ReleaseFact next =
        new ReleaseFact(
            GoVersion.parse("go1.28.0"), Optional.of(LocalDate.parse("2027-02-10")), false);
    ReleaseHistory h = ReleaseHistory.builtIn().merge(List.of(next));
    assertThat(h.newest()).contains(next);
    assertThat(h.all()).hasSize(289);
  }

  @Test
  void csvRejectsBadLinesNamingTheLine() {
    String csv = "version,date,security\ngo1.22.0,2024-02-06,yes\ngo1.22.1,yesterday,no\n";
    assertThatThrownBy(
            () ->
                ReleaseHistory.parseCsv(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv"))
        .isInstanceOf(GovernException.class)
        .hasMessageStartingWith("t.csv:3:");
  }
}
