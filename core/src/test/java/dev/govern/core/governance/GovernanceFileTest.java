package dev.govern.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GovernanceFileTest {
  private static final Path FILE = Path.of("team/govern.yaml");

  static final String DESIGN_EXAMPLE =
      """
      environments:
        prod:    {version: go1.20.14, since: 2024-03-01, status: live,      note: "all vendor modules compatible"}
        staging: {version: go1.21.13, since: 2024-05-20, status: observing, note: "pprof under load test"}
        dev:     {version: go1.22.4,  since: 2024-06-15, status: suspended, note: "net/http timeout bug"}
      policy:
        allow: ">=1.22.5"                  # a VersionRange
        deny:
          - versions: "1.22.0 - 1.22.4"    # a VersionRange
            reason: "net/http regression"
            advisories: [GO-2024-2687]
        supported: fail
        vulnerabilities: {stdlib: fail, toolchain: warn, modules: warn}
        max_patch_lag: 2
        environments:
          prod: {allow: ">=1.22.8"}
      classes:
        red:    [unsupported, unfixed_vulnerability]
        yellow: [behind_patches, fixed_vulnerability]
      approvals: {prod: 2, staging: 1}
      keys:
        - {operator: alice@ci, ed25519: "%s"}
      ledger: {require_signatures: true, require_reason: [rollback, use-default], checkpoint_every: 10}
      """;

  private static String example() {
    return DESIGN_EXAMPLE.formatted(Ed25519Keys.rawBase64(Ed25519Keys.generate().getPublic()));
  }

  private static GovernException error(String yaml) {
    try {
      GovernanceFile.parse(FILE, yaml);
    } catch (GovernException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void aFileThatIsNotYamlMappingsIsNamedInOneShortLine() {
    String passwd = "root:x:0:0:root:/root:/bin/bash\n".repeat(40);
    GovernException e = error(passwd);
    assertThat(e.getMessage())
        .startsWith(
            FILE + ":1:1: the governance file must be a mapping of sections, found \"root:x")
        .endsWith("…\"")
        .doesNotContain("\n");
    assertThat(e.getMessage().length()).isLessThan(200);
  }

  @Test
  void readsTheDesignExample() {
    GovernanceFile g = GovernanceFile.parse(FILE, example());
    assertThat(g.environments().keySet()).containsExactly("prod", "staging", "dev");
    Environment prod = g.environment("prod").orElseThrow();
    assertThat(prod.version()).isEqualTo(GoVersion.parse("go1.20.14"));
    assertThat(prod.since()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(prod.status()).isEqualTo(EnvStatus.LIVE);
    assertThat(prod.note()).isEqualTo("all vendor modules compatible");
    assertThat(g.approvals()).containsEntry("prod", 2).containsEntry("staging", 1);
    assertThat(g.keys())
        .singleElement()
        .satisfies(k -> assertThat(k.operator()).isEqualTo("alice@ci"));
    assertThat(g.ledger().requireSignatures()).isTrue();
    assertThat(g.ledger().reasonRequired("rollback")).isTrue();
    assertThat(g.ledger().checkpointEvery()).isEqualTo(10);
    assertThat(g.policy()).isPresent();
    assertThat(g.classes()).isPresent();
  }

  @Test
  void readsAFullApprovalRuleBesideTheShortForm() {
    GovernanceFile g =
        GovernanceFile.parse(
            FILE,
            """
            approvals:
              staging: 1
              prod:
                required: 2
                groups: [sre, leads]
                expires: 72h
                policy: false
                emergency: {quorum: 1, review_hours: 12}
            """);
    assertThat(g.approvals()).containsEntry("prod", 2).containsEntry("staging", 1);
    dev.govern.core.approval.ApprovalRule prod = g.approvalRule("prod");
    assertThat(prod.groups()).containsExactly("sre", "leads");
    assertThat(prod.expires()).isEqualTo(java.time.Duration.ofHours(72));
    assertThat(prod.policy()).isFalse();
    assertThat(prod.quorum(true)).isEqualTo(1);
    assertThat(prod.emergency().orElseThrow().reviewWithin())
        .isEqualTo(java.time.Duration.ofHours(12));
    assertThat(prod.admits(java.util.List.of("dev", "sre"))).isTrue();
    assertThat(prod.admits(java.util.List.of("dev"))).isFalse();
    assertThat(g.approvalRule("staging").emergency()).isEmpty();
    assertThat(g.approvalRule("qa").required()).isEqualTo(1);
  }

  @Test
  void badApprovalRulesNameLineAndKey() {
    assertThat(error("approvals:\n  prod:\n    expires: soon\n").getMessage())
        .startsWith("team/govern.yaml:3:14: approvals.prod.expires: expected a duration like 30m");
    assertThat(error("approvals:\n  prod:\n    emergency: {quorum: 2}\n").getMessage())
        .contains("approvals.prod.emergency.quorum: expected 0 or 1, found 2");
    assertThat(error("approvals:\n  prod:\n    approvers: 2\n").getMessage())
        .contains("approvals.prod: unknown key \"approvers\"");
  }

  @Test
  void emptyFileIsAnEmptyGovernance() {
    GovernanceFile g = GovernanceFile.parse(FILE, "# nothing yet\n");
    assertThat(g.environments()).isEmpty();
    assertThat(g.ledger().requireSignatures()).isFalse();
  }

  @Test
  void unknownSectionIsAnErrorWithFileLineAndColumn() {
    GovernException e = error("environments: {}\nenviroments: {}\n");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.getMessage()).startsWith("team/govern.yaml:2:1: unknown section \"enviroments\"");
  }

  @Test
  void badStatusNamesTheValueAndWhereItIs() {
    GovernException e = error("environments:\n  prod: {version: go1.22.5, status: liv}\n");
    assertThat(e.getMessage())
        .isEqualTo(
            "team/govern.yaml:2:37: environments.prod.status: expected live, observing or suspended, found \"liv\"");
  }

  @Test
  void badVersionSinceAndUnknownRowKeysAreErrors() {
    assertThat(error("environments:\n  prod: {version: go1.x, status: live}\n").getMessage())
        .startsWith("team/govern.yaml:2:19: environments.prod.version: not a Go version");
    assertThat(
            error(
                    "environments:\n  prod:\n    version: go1.22.5\n    status: live\n    since: 2024-13-01\n")
                .getMessage())
        .startsWith("team/govern.yaml:5:12: environments.prod.since: expected a date");
    assertThat(
            error("environments:\n  prod: {version: go1.22.5, status: live, owner: me}\n")
                .getMessage())
        .startsWith("team/govern.yaml:2:43: environments.prod: unknown key \"owner\"");
    assertThat(error("environments:\n  prod: {status: live}\n").getMessage())
        .contains("environments.prod: missing version");
  }

  @Test
  void duplicateKeysAndBadKeysAndApprovalsAreErrors() {
    assertThat(error("approvals: {prod: 2}\napprovals: {prod: 3}\n").getMessage())
        .startsWith("team/govern.yaml:2:1: duplicate key \"approvals\"");
    assertThat(error("keys:\n  - {operator: a, ed25519: \"AAAA\"}\n").getMessage())
        .contains("team/govern.yaml:2:28: keys[0].ed25519: ed25519 key must be 32 bytes");
    assertThat(error("approvals: {prod: two}\n").getMessage())
        .startsWith("team/govern.yaml:1:19: approvals.prod: expected a whole number");
    assertThat(error("ledger: {require_signatures: maybe}\n").getMessage())
        .startsWith("team/govern.yaml:1:30: ledger.require_signatures: expected true or false");
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    assertThat(error("environments:\n  prod: {version: go1.22.5\n").getMessage())
        .matches("team/govern\\.yaml:\\d+:\\d+: not valid YAML: .*");
  }

  @Test
  void locatorWalksUpToTheNearestGovernYaml() throws Exception {
    Path root = java.nio.file.Files.createTempDirectory("gov");
    Path deep = java.nio.file.Files.createDirectories(root.resolve("a/b/c"));
    java.nio.file.Files.writeString(root.resolve("a/govern.yaml"), "environments: {}\n");
    dev.govern.core.config.Settings s =
        new dev.govern.core.config.Settings(java.util.Map.of(), root);
    assertThat(GovernanceLocator.locate(null, s, deep)).contains(root.resolve("a/govern.yaml"));
    assertThatThrownBy(() -> GovernanceLocator.locate("nope.yaml", s, deep))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("not found");
  }
}
