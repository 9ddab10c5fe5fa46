package dev.govern.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnvironmentsEditorTest {
  private static final Path FILE = Path.of("govern.yaml");

  private static String set(String text, String env, String version, EnvStatus st, String note) {
    GovernanceFile g = GovernanceFile.parse(FILE, text);
    String out =
        EnvironmentsEditor.set(
            g, new Environment(env, GoVersion.parse(version), LocalDate.of(2024, 7, 1), st, note));
    Environment back = GovernanceFile.parse(FILE, out).environment(env).orElseThrow();
    assertThat(back.version()).isEqualTo(GoVersion.parse(version));
    assertThat(back.status()).isEqualTo(st);
    assertThat(back.note()).isEqualTo(note);
    return out;
  }

  @Test
  void flowRowChangesOnlyItsValuesAndKeepsComments() {
    String before =
        """
        # team file
        environments:   # the table
          prod:    {version: go1.20.14, since: 2024-03-01, status: live, note: "ok"}  # prod!
          staging: {version: go1.21.13, since: 2024-05-20, status: observing}
        policy:
          allow: ">=1.22.5"   # keep me
        """;
    String after = set(before, "staging", "go1.22.5", EnvStatus.LIVE, "rolled: \"fine\"");
    assertThat(after)
        .isEqualTo(
            before.replace(
                "staging: {version: go1.21.13, since: 2024-05-20, status: observing}",
                "staging: {version: go1.22.5, since: 2024-07-01, status: live, note: \"rolled: \\\"fine\\\"\"}"));
  }

  @Test
  void blockRowIsEditedInPlaceAndMissingKeysInserted() {
    String before =
        """
        environments:
          dev:
            version: go1.22.4   # old
            status: suspended
          prod: {version: go1.20.14, status: live}
        approvals: {prod: 2}
        """;
    String after = set(before, "dev", "go1.22.6", EnvStatus.OBSERVING, "retry");
    assertThat(after)
        .isEqualTo(
            """
            environments:
              dev:
                version: go1.22.6   # old
                status: observing
                since: 2024-07-01
                note: "retry"
              prod: {version: go1.20.14, status: live}
            approvals: {prod: 2}
            """);
  }

  @Test
  void newRowGoesAfterTheLastRowInTheTablesIndentation() {
    String before =
        "environments:\n  prod: {version: go1.20.14, status: live}  # c\n\n# trailing comment\n";
    String after = set(before, "qa", "go1.22.5", EnvStatus.LIVE, null);
    assertThat(after)
        .isEqualTo(
            "environments:\n  prod: {version: go1.20.14, status: live}  # c\n  qa: {version: go1.22.5, since: 2024-07-01, status: live}\n\n# trailing comment\n");
  }

  @Test
  void missingOrEmptyTableIsCreated() {
    assertThat(set("approvals: {prod: 2}\n", "prod", "go1.22.5", EnvStatus.LIVE, null))
        .isEqualTo(
            "approvals: {prod: 2}\nenvironments:\n  prod: {version: go1.22.5, since: 2024-07-01, status: live}\n");
    assertThat(set("environments: {}\n", "prod", "go1.22.5", EnvStatus.LIVE, null))
        .isEqualTo("environments: {prod: {version: go1.22.5, since: 2024-07-01, status: live}}\n");
    assertThat(set("environments:\n# later\n", "prod", "go1.22.5", EnvStatus.LIVE, null))
        .startsWith("environments:\n  prod: {version: go1.22.5");
  }

  @Test
  void nonAsciiTextBeforeTheRowDoesNotShiftTheEdit() {
    String before =
        "# 😀 émoji\nenvironments:\n  prod: {version: go1.20.14, status: live, note: \"😀 ok\"}\n";
    String after = set(before, "prod", "go1.22.5", EnvStatus.LIVE, "😀 ok");
    assertThat(after)
        .isEqualTo(
            "# 😀 émoji\nenvironments:\n  prod: {version: go1.22.5, status: live, note: \"😀 ok\", since: 2024-07-01}\n");
  }
}
