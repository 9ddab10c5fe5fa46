package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OsvSemverTest {
  @Test
  void followsSemverPrecedence() {
    List<String> ascending =
        List.of(
            "0",
            "0.0.0-20190101000000-aaaaaaaaaaaa",
            "v0.0.0-20230102030405-abcdefabcdef",
            "0.1.0",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.2.1-0.20240101000000-0123456789ab",
            "1.2.1",
            "1.21.0-0",
            "1.21.0-rc.1",
            "1.21.0",
            "v2.0.0+incompatible",
            "10.0.0");
    for (int i = 0; i + 1 < ascending.size(); i++) {
      assertThat(OsvSemver.compare(ascending.get(i), ascending.get(i + 1)))
          .as(ascending.get(i) + " < " + ascending.get(i + 1))
          .isNegative();
    }
  }

  @Test
  void buildMetadataAndPrefixDoNotChangeTheOrder() {
    assertThat(OsvSemver.compare("v2.0.0+incompatible", "2.0.0")).isZero();
    assertThat(OsvSemver.compare("v1.2", "1.2.0")).isZero();
  }

  @Property
  void compareIsAntisymmetricAndConsistent(
      @ForAll("versions") String a, @ForAll("versions") String b) {
    int ab = OsvSemver.compare(a, b);
    int ba = OsvSemver.compare(b, a);
    assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ba));
  }

  @Property(tries = 300)
  void compareIsTransitive(
      @ForAll("versions") String a, @ForAll("versions") String b, @ForAll("versions") String c) {
    if (OsvSemver.compare(a, b) <= 0 && OsvSemver.compare(b, c) <= 0) {
      assertThat(OsvSemver.compare(a, c)).isLessThanOrEqualTo(0);
    }
  }

  @Provide
  Arbitrary<String> versions() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 3);
    Arbitrary<String> pre =
        Arbitraries.of(
            "", "-0", "-rc.1", "-rc.2", "-beta", "-0.20230102030405-abcdef", "-alpha.1.x");
    Arbitrary<String> meta = Arbitraries.of("", "", "+incompatible");
    return Combinators.combine(n, n, n, pre, meta)
        .as((x, y, z, p, m) -> x + "." + y + "." + z + p + m);
  }
}
