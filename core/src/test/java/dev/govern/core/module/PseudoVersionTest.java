package dev.govern.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PseudoVersionTest {

  @Test
  void recognisesAllFiveForms() {
    assertForm("v0.0.0-20230102030405-abcdefabcdef", 1, null);
    assertForm("v1.2.4-0.20230102030405-abcdefabcdef", 2, "v1.2.3");
    assertForm("v2.0.1-0.20230102030405-abcdefabcdef+incompatible", 3, "v2.0.0+incompatible");
    assertForm("v1.3.0-rc.1.0.20230102030405-abcdefabcdef", 4, "v1.3.0-rc.1");
    assertForm(
        "v2.3.0-pre.0.20230102030405-abcdefabcdef+incompatible", 5, "v2.3.0-pre+incompatible");
  }

  private static void assertForm(String v, int form, String base) {
    PseudoVersion p = PseudoVersion.parse(v).orElseThrow();
    assertThat(p.form()).as(v).isEqualTo(form);
    assertThat(p.base()).as(v).isEqualTo(base);
    assertThat(p.timestamp()).isEqualTo("20230102030405");
    assertThat(p.time()).isEqualTo(Instant.parse("2023-01-02T03:04:05Z"));
    assertThat(p.revision()).isEqualTo("abcdefabcdef");
    assertThat(p.hasValidBase()).isTrue();
    assertThat(p.incompatible()).isEqualTo(form == 3 || form == 5);
    assertThat(ModuleVersion.parse(v).isPseudo()).isTrue();
  }

  @Test
  void baseDecrementsThePatchAcrossDigitBoundaries() {
    assertThat(PseudoVersion.parse("v1.2.10-0.20230102030405-abcdefabcdef").orElseThrow().base())
        .isEqualTo("v1.2.9");
    assertThat(PseudoVersion.parse("v1.2.100-0.20230102030405-abcdefabcdef").orElseThrow().base())
        .isEqualTo("v1.2.99");
    PseudoVersion negative =
        PseudoVersion.parse("v1.2.0-0.20230102030405-abcdefabcdef").orElseThrow();
    assertThat(negative.base()).isNull();
    assertThat(negative.hasValidBase()).isFalse();
  }

  @Test
  void zeroPlaceholderAndImpossibleDates() {
    PseudoVersion zero = PseudoVersion.parse("v0.0.0-00010101000000-000000000000").orElseThrow();
    assertThat(zero.zero()).isTrue();
    assertThat(zero.time()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    PseudoVersion feb30 = PseudoVersion.parse("v0.0.0-20230230000000-abcdefabcdef").orElseThrow();
    assertThat(feb30.time()).isNull();
    assertThat(PseudoVersion.parse("v0.0.0-20240229235959-abcdefabcdef").orElseThrow().time())
        .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
  }

  @Test
  void ordinaryVersionsAreNotPseudoVersions() {
    for (String v :
        new String[] {
          "v1.2.3",
          "v1.2.3-rc.1",
          "v0.0.0-2023010203040-abcdef",
          "v1.2.3-1.20230102030405-abc",
          "v1.0.0-20230102030405-ab_cd",
          "not-a-version"
        }) {
      assertThat(PseudoVersion.isPseudoVersion(v)).as(v).isFalse();
      assertThat(PseudoVersion.parse(v)).as(v).isEmpty();
    }
  }

  @Test
  void aPseudoVersionSortsAfterItsBaseAndBeforeTheNextRelease() {
    ModuleVersion base = ModuleVersion.parse("v1.2.3");
    ModuleVersion pseudo = ModuleVersion.parse("v1.2.4-0.20230102030405-abcdefabcdef");
    ModuleVersion next = ModuleVersion.parse("v1.2.4");
    ModuleVersion nextRc = ModuleVersion.parse("v1.2.4-rc.1");
    assertThat(base).isLessThan(pseudo);
    assertThat(pseudo).isLessThan(nextRc).isLessThan(next);
  }
}
