package dev.govern.core.artifact.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small file per error kind (test resources {@code gomod/errors}); {@code expected.tsv} holds
 * what Go's modfile package reports for each: file, line, column, message. Positions must match
 * exactly; messages must start with Go's wording (govern keeps each message on one line).
 */
class GoModErrorCasesTest {

  record Expected(int line, int column, String message) {}

  static Path casesDir() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(GoModErrorCasesTest.class.getResource("/gomod/errors")).toURI());
  }

  static Map<String, List<Expected>> expectations() throws IOException, URISyntaxException {
    Map<String, List<Expected>> all = new LinkedHashMap<>();
    for (String row : Files.readAllLines(casesDir().resolve("expected.tsv"))) {
      if (row.startsWith("#") || row.isBlank()) {
        continue;
      }
      String[] f = row.split("\t", 4);
      all.computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new Expected(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
    }
    return all;
  }

  static Stream<String> caseFiles() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(casesDir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".go.mod") || n.endsWith(".go.work"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyCaseFileHasExpectationsAndViceVersa() throws Exception {
    assertThat(expectations().keySet()).containsExactlyInAnyOrderElementsOf(caseFiles().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseFiles")
  void reportsTheErrorsGoReportsAtTheSamePositions(String name) throws Exception {
    byte[] data = Files.readAllBytes(casesDir().resolve(name));
    List<Expected> expected = expectations().get(name);
    assertThatThrownBy(
            () -> {
              if (name.endsWith(".work")) {
                GoModParser.parseWork(name, data);
              } else {
                GoModParser.parse(name, data);
              }
            })
        .isInstanceOfSatisfying(
            GoModSyntaxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              List<GoModError> actual = e.errors();
              assertThat(actual).hasSameSizeAs(expected);
              for (int i = 0; i < expected.size(); i++) {
                GoModError a = actual.get(i);
                Expected x = expected.get(i);
                assertThat(a.file()).isEqualTo(name);
                assertThat(a.line() + ":" + a.column()).isEqualTo(x.line() + ":" + x.column());
                assertThat(a.message()).startsWith(x.message());
              }
              assertThat(e.getMessage()).doesNotContain("\n").startsWith(name + ":");
            });
  }

  @Test
  void lexerErrorInvalidatesEarlierSemanticErrorsAsInGo() {
    byte[] data =
        "module m\ngo 1.2.3.4\nrequire x latest\n/* no */\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GoModParser.parse("go.mod", data))
        .isInstanceOfSatisfying(
            GoModSyntaxException.class,
            e ->
                assertThat(e.errors())
                    .extracting(GoModError::toString)
                    .containsExactly(
                        "go.mod:4:1: mod files must use // comments (not /* */ comments)"));
  }

  @Test
  void collectsEverySemanticErrorInFileOrder() {
    byte[] data =
        "module m\ngo 1.2.3.4\nrequire x latest\nfrob\nreplace a => b\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GoModParser.parse("go.mod", data))
        .isInstanceOfSatisfying(
            GoModSyntaxException.class,
            e -> {
              assertThat(e.errors()).extracting(GoModError::line).containsExactly(2, 3, 4, 5);
              assertThat(e.describeAll().split("\n")).hasSize(4);
            });
  }

  @Test
  void stopsListingAfterAThousandErrors() {
    byte[] data = "x\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GoModParser.parse("go.mod", data))
        .isInstanceOfSatisfying(
            GoModSyntaxException.class,
            e -> {
              assertThat(e.errors()).hasSize(ModFileInterpreter.MAX_ERRORS + 1);
              assertThat(e.errors().get(ModFileInterpreter.MAX_ERRORS).message())
                  .startsWith("too many errors");
              assertThat(e.getMessage()).endsWith("and 991 more errors");
            });
  }
}
