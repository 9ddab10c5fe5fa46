package dev.govern.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportPolicyTest {
  private final SupportPolicy policy = new SupportPolicy(ReleaseHistory.builtIn());

  @Test
  void endOfSupportAndStatusAgreeWithTheReferenceAtItsSnapshot() throws Exception {
    JsonNode ref = ReleaseHistoryTest.json("go-support.json");
    LocalDate snapshot = LocalDate.parse(ref.get("snapshot_date").asText().substring(0, 10));
    List<SupportStatus> statuses = policy.statuses(snapshot);
    JsonNode lines = ref.get("lines");
    assertThat(statuses).hasSize(lines.size());
    for (int i = 0; i < statuses.size(); i++) {
      SupportStatus s = statuses.get(i);
      JsonNode r = lines.get(i);
      String eos = r.get("end_of_support").isNull() ? null : r.get("end_of_support").asText();
      assertThat(s.endOfSupport().map(LocalDate::toString).orElse(null))
          .as(s.line().line())
          .isEqualTo(eos);
      assertThat(s.supported())
          .as(s.line().line())
          .isEqualTo(r.get("supported_at_snapshot").asBoolean());
    }
  }

  @Test
  void lineEndsOnTheDayTheSecondNewerLineIsReleased() {
    GoVersion v = GoVersion.parse("go1.21.5");
    assertThat(policy.status(v, LocalDate.parse("2024-08-12")).orElseThrow().supported()).isTrue();
    SupportStatus ended = policy.status(v, LocalDate.parse("2024-08-13")).orElseThrow();
    assertThat(ended.supported()).isFalse();
    assertThat(ended.describe()).isEqualTo("end of life since 2024-08-13 (go1.23.0 released)");
  }

  @Test
  void exactlyTwoLinesAreSupportedAfterEachMajorRelease() {
    for (ReleaseLine l : ReleaseHistory.builtIn().lines()) {
      if (l.minor() >= 1) {
        assertThat(policy.supported(l.released())).as("on " + l.released()).hasSize(2);
      }
    }
  }

  @Test
  void unreleasedLineHasNoStatus() {
    assertThat(policy.status(GoVersion.parse("go1.23.0"), LocalDate.parse("2024-01-01"))).isEmpty();
  }
}
