package dev.govern.core.artifact.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.ErrorCode;
import dev.govern.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every go.mod/go.work sample of testdata/gomod against the expected.json that Go's own modfile
 * package produced: the parsed values key by key, and for rejected files the error lines.
 */
class GoModFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path fixtures() {
    return TestData.goModSamples();
  }

  static Stream<JsonNode> expectations() throws IOException {
    JsonNode all = JSON.readTree(fixtures().resolve("expected.json").toFile());
    List<JsonNode> list = new ArrayList<>();
    all.forEach(list::add);
    assertThat(list).hasSize(6);
    return list.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void parsesLikeGoModfile(JsonNode expected) throws IOException {
    String name = expected.get("file").asText();
    byte[] data = Files.readAllBytes(fixtures().resolve(name));
    boolean work = expected.get("kind").asText().equals("go.work");
    if (expected.has("error")) {
      assertThatThrownBy(() -> parse(name, data, work))
          .isInstanceOfSatisfying(
              GoModSyntaxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                assertThat(fileAndLines(e.errors()))
                    .containsExactlyElementsOf(
                        expectedFileAndLines(expected.get("error").asText()));
              });
      return;
    }
    JsonNode actual = JSON.valueToTree(parse(name, data, work));
    assertSubset(expected, actual, "$");
  }

  private static GoModReport parse(String name, byte[] data, boolean work) {
    return work
        ? GoModReport.of(GoModParser.parseWork(name, data))
        : GoModReport.of(GoModParser.parse(name, data));
  }

  private static List<String> fileAndLines(List<GoModError> errors) {
    return errors.stream().map(e -> e.file() + ":" + e.line()).toList();
  }

  private static List<String> expectedFileAndLines(String goErrors) {
    List<String> out = new ArrayList<>();
    for (String line : goErrors.split("\n")) {
      String[] parts = line.split(":", 3);
      out.add(parts[0] + ":" + parts[1]);
    }
    return out;
  }

  /** Every key of {@code expected} must be in {@code actual} with an equal value (recursively). */
  private static void assertSubset(JsonNode expected, JsonNode actual, String where) {
    assertThat(actual).as(where).isNotNull();
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> f : expected.properties()) {
        assertThat(actual.has(f.getKey())).as(where + "." + f.getKey() + " present").isTrue();
        assertSubset(f.getValue(), actual.get(f.getKey()), where + "." + f.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as(where + " is an array").isTrue();
      assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSubset(expected.get(i), actual.get(i), where + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }
}
