package dev.govern.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private static final List<String> FORMATS = List.of("text", "json", "sarif");

  @Test
  void formatIsCaseInsensitiveAndJsonIsShorthand() {
    assertThat(ReportFormat.chosen(false, "SARIF", FORMATS)).isEqualTo("sarif");
    assertThat(ReportFormat.chosen(true, "text", FORMATS)).isEqualTo("json");
    assertThat(ReportFormat.chosen(true, "json", FORMATS)).isEqualTo("json");
  }

  @Test
  void anUnknownFormatOrAClashIsAUsageErrorNamingTheChoices() {
    assertThatThrownBy(() -> ReportFormat.chosen(false, "yaml", FORMATS))
        .isInstanceOf(GovernException.class)
        .hasMessage("unknown format \"yaml\" (text, json or sarif)");
    assertThatThrownBy(() -> ReportFormat.chosen(true, "sarif", FORMATS))
        .hasMessage("--json and --format sarif disagree");
  }
}
