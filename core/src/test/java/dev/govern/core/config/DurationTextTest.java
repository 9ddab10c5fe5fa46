package dev.govern.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void unitsAndBareSeconds() {
    assertThat(DurationText.parse("30s", "--t")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("500ms", "--t")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("2m", "--t")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse(" 1h ", "--t")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("45", "--t")).isEqualTo(Duration.ofSeconds(45));
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationText.format(Duration.ofMinutes(5))).isEqualTo("5m");
  }

  @Test
  void anythingElseNamesTheOption() {
    for (String bad : new String[] {"0s", "-1s", "soon", "1d", "", "1.5s", "9999999999s"}) {
      assertThatThrownBy(() -> DurationText.parse(bad, "--health-timeout"))
          .as(bad)
          .hasMessage(
              "--health-timeout takes a positive duration such as 30s, 500ms, 2m or 1h, not \""
                  + bad
                  + "\"");
    }
  }
}
