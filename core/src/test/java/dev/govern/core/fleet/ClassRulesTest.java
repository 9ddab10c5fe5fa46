package dev.govern.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassRulesTest {
  @Test
  void defaultsFollowTheDesign() {
    ClassRules rules = ClassRules.defaults();
    assertThat(rules.classify(EnumSet.of(Condition.UNSUPPORTED)).riskClass())
        .isEqualTo(RiskClass.RED);
    assertThat(
            rules
                .classify(EnumSet.of(Condition.UNFIXED_VULNERABILITY, Condition.BEHIND_PATCHES))
                .riskClass())
        .isEqualTo(RiskClass.RED);
    assertThat(rules.classify(EnumSet.of(Condition.BEHIND_PATCHES, Condition.FIXED_VULNERABILITY)))
        .isEqualTo(
            new ClassRules.Verdict(
                RiskClass.YELLOW,
                java.util.List.of(Condition.FIXED_VULNERABILITY, Condition.BEHIND_PATCHES)));
    assertThat(rules.classify(EnumSet.noneOf(Condition.class)).riskClass())
        .isEqualTo(RiskClass.GREEN);
    assertThat(rules.classify(EnumSet.of(Condition.TOOLCHAIN_VULNERABILITY)).riskClass())
        .isEqualTo(RiskClass.GREEN);
  }

  @Test
  void aTeamsRulesReplaceTheDefaults() {
    ClassRules strict = new ClassRules(Set.of(Condition.BEHIND_PATCHES), Set.of());
    assertThat(strict.classify(EnumSet.of(Condition.BEHIND_PATCHES)).riskClass())
        .isEqualTo(RiskClass.RED);
    assertThat(strict.classify(EnumSet.of(Condition.UNSUPPORTED)).riskClass())
        .isEqualTo(RiskClass.GREEN);
  }

  @Test
  void conditionWordsRoundTrip() {
    for (Condition c : Condition.values()) {
      assertThat(Condition.ofWord(c.word())).contains(c);
    }
    assertThat(Condition.ofWord("purple")).isEmpty();
  }
}
