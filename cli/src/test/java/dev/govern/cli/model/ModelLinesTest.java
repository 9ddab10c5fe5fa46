package dev.govern.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The escaped, tab-separated lines of the command model. */
class ModelLinesTest {
  @Provide
  Arbitrary<List<String>> records() {
    Arbitrary<String> field =
        Arbitraries.strings()
            .withChars('a', 'b', '\t', '\n', '\r', '\\', '0', 't', 'é', '"')
            .ofMaxLength(12)
            .injectNull(0.1);
    return field.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property
  void joinedFieldsSplitBackUnchanged(@ForAll("records") List<String> fields) {
    String line = ModelLines.join(fields);
    assertThat(line).doesNotContain("\n").doesNotContain("\r");
    assertThat(Arrays.asList(ModelLines.split(line))).isEqualTo(fields);
  }

  @Property
  void anyLineSplitsOrFailsClearly(@ForAll String line) {
    try {
      String[] fields = ModelLines.split(line);
      assertThat(fields).isNotEmpty();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).containsAnyOf("unknown escape", "a backslash ends the line");
    }
  }

  @Test
  void aNullFieldIsNotAnEmptyOne() {
    List<String> fields = new ArrayList<>(Arrays.asList("x", null, "", "\\0"));
    assertThat(ModelLines.join(fields)).isEqualTo("x\t\\0\t\t\\\\0");
    assertThat(Arrays.asList(ModelLines.split("x\t\\0\t\t\\\\0"))).isEqualTo(fields);
  }

  @Test
  void aTrailingBackslashIsRejected() {
    assertThatThrownBy(() -> ModelLines.split("abc\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a backslash ends the line");
  }
}
