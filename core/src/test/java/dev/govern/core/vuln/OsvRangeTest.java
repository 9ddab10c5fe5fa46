package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OsvRangeTest {
  private static OsvRange range(String... kv) {
    List<OsvRange.Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      OsvRange.Kind k =
          switch (kv[i]) {
            case "introduced" -> OsvRange.Kind.INTRODUCED;
            case "fixed" -> OsvRange.Kind.FIXED;
            default -> OsvRange.Kind.LAST_AFFECTED;
          };
      events.add(OsvRange.Event.of(k, kv[i + 1]));
    }
    return new OsvRange(events);
  }

  private static boolean affects(OsvRange r, String v) {
    return r.affects(OsvSemver.parse(v));
  }

  @Test
  void fixedVersionIsNotAffectedAndIntroducedIs() {
    OsvRange r =
        range("introduced", "0", "fixed", "1.20.11", "introduced", "1.21.0-0", "fixed", "1.21.4");
    assertThat(affects(r, "1.0.0")).isTrue();
    assertThat(affects(r, "1.20.10")).isTrue();
    assertThat(affects(r, "1.20.11")).isFalse();
    assertThat(affects(r, "1.20.99")).isFalse();
    assertThat(affects(r, "1.21.0-0")).isTrue();
    assertThat(affects(r, "1.21.0-rc.1")).isTrue();
    assertThat(affects(r, "1.21.3")).isTrue();
    assertThat(affects(r, "1.21.4")).isFalse();
    assertThat(r.fixedAfter(OsvSemver.parse("1.21.3"))).contains("1.21.4");
  }

  @Test
  void lastAffectedIsInclusive() {
    OsvRange r = range("introduced", "1.2.0", "last_affected", "1.4.0");
    assertThat(affects(r, "1.1.9")).isFalse();
    assertThat(affects(r, "1.2.0")).isTrue();
    assertThat(affects(r, "1.4.0")).isTrue();
    assertThat(affects(r, "1.4.1")).isFalse();
    assertThat(affects(r, "1.4.1-0.20240101000000-abcdefabcdef")).isFalse();
  }

  @Test
  void eventsAreEvaluatedInVersionOrderWhateverTheirOrderInTheFile() {
    OsvRange r = range("fixed", "2.0.0", "introduced", "1.5.0");
    assertThat(affects(r, "1.6.0")).isTrue();
    assertThat(affects(r, "2.0.0")).isFalse();
  }

  @Test
  void introducedWithoutFixIsOpenEnded() {
    OsvRange r = range("introduced", "0");
    assertThat(affects(r, "0.0.0-00010101000000-000000000000")).isTrue();
    assertThat(affects(r, "99.0.0")).isTrue();
  }

  @Test
  void pseudoVersionsAndIncompatibleVersionsCompareAsSemver() {
    OsvRange r =
        range(
            "introduced",
            "0.0.0-20220524220425-1d687d428aca",
            "fixed",
            "0.1.1-0.20221104162952-702349b0e862");
    assertThat(affects(r, "v0.0.0-20220601000000-abcdefabcdef")).isTrue();
    assertThat(affects(r, "v0.0.0-20220501000000-abcdefabcdef")).isFalse();
    assertThat(affects(r, "v0.1.0")).isTrue();
    assertThat(affects(r, "v0.1.1")).isFalse();
    OsvRange inc =
        range(
            "introduced",
            "3.0.0+incompatible",
            "fixed",
            "3.0.1-0.20180525145409-4c9aadca8f89+incompatible");
    assertThat(affects(inc, "v3.0.0+incompatible")).isTrue();
    assertThat(affects(inc, "v3.0.1+incompatible")).isFalse();
  }
}
