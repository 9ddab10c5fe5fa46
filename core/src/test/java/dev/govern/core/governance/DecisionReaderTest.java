package dev.govern.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import dev.govern.core.upgrade.DecisionRules;
import dev.govern.core.upgrade.DecisionRules.Dimension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The decision: block of govern.yaml: defaults, every key, and errors naming line and column. */
class DecisionReaderTest {
  private static final Path FILE = Path.of("team/govern.yaml");

  private static DecisionRules read(String yaml) {
    return DecisionReader.rules(GovernanceFile.parse(FILE, yaml));
  }

  @Test
  void withoutTheBlockTheDefaultsApply() {
    assertThat(read("environments: {}\n")).isEqualTo(DecisionRules.defaults());
    assertThat(read("decision:\n")).isEqualTo(DecisionRules.defaults());
    DecisionRules d = DecisionRules.defaults();
    assertThat(d.gateMaxGap()).isEmpty();
    assertThat(
            d.weight(Dimension.COMPATIBILITY)
                + d.weight(Dimension.SECURITY)
                + d.weight(Dimension.SUPPORT)
                + d.weight(Dimension.ECOSYSTEM))
        .isEqualTo(100);
  }

  @Test
  void everyKeyIsRead() {
    DecisionRules r =
        read(
            "decision:\n"
                + "  weights: {compatibility: 50, security: 30}\n"
                + "  require:\n"
                + "    no_blocking: false\n"
                + "    supported: false\n"
                + "    boundary: false\n"
                + "    policy: false\n"
                + "    min_support_days: 90\n"
                + "    max_stdlib_vulns: 3\n"
                + "  gate: {max_gap: 15, level: warn}\n");
    assertThat(r.weight(Dimension.COMPATIBILITY)).isEqualTo(50);
    assertThat(r.weight(Dimension.SECURITY)).isEqualTo(30);
    assertThat(r.weight(Dimension.SUPPORT)).isEqualTo(20);
    assertThat(r.noBlocking()).isFalse();
    assertThat(r.supported()).isFalse();
    assertThat(r.boundary()).isFalse();
    assertThat(r.policy()).isFalse();
    assertThat(r.minSupportDays()).isEqualTo(90);
    assertThat(r.maxStdlibVulns()).hasValue(3);
    assertThat(r.gateMaxGap()).hasValue(15);
    assertThat(r.gateWarnOnly()).isTrue();
  }

  @Test
  void badKeysAndValuesNameFileLineAndColumn() {
    assertError(
        "decision:\n  weigths: {}\n", "team/govern.yaml:2:3: decision: unknown key \"weigths\"");
    assertError(
        "decision:\n  weights: {speed: 3}\n",
        "team/govern.yaml:2:13: decision.weights: unknown key \"speed\"");
    assertError(
        "decision:\n  weights: {security: -1}\n",
        "team/govern.yaml:2:23: decision.weights.security: expected a whole number >= 0");
    assertError(
        "decision:\n  weights: {compatibility: 0, security: 0, support: 0, ecosystem: 0}\n",
        "decision.weights: at least one weight must be above 0");
    assertError(
        "decision:\n  require: {supported: yes please}\n",
        "decision.require.supported: expected true or false");
    assertError(
        "decision:\n  gate: {level: fail}\n",
        "team/govern.yaml:2:9: decision.gate: missing max_gap");
    assertError(
        "decision:\n  gate: {max_gap: 150}\n",
        "decision.gate.max_gap: expected 0 to 100 points, found 150");
    assertError(
        "decision:\n  gate: {max_gap: 5, level: loud}\n",
        "decision.gate.level: expected fail or warn, found \"loud\"");
    assertError("decision: [1, 2]\n", "team/govern.yaml:1:11: decision: expected a mapping");
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((GovernException) e).code().exitCode()).isEqualTo(2));
  }
}
