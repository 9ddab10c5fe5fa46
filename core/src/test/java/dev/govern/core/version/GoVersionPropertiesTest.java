package dev.govern.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.version.GoVersion.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GoVersionPropertiesTest {

  @Provide
  Arbitrary<GoVersion> versions() {
    Arbitrary<Integer> minor = Arbitraries.integers().between(0, 40);
    Arbitrary<Integer> patch = Arbitraries.integers().between(-1, 20);
    Arbitrary<Kind> kind = Arbitraries.of(Kind.class);
    Arbitrary<Integer> pre = Arbitraries.integers().between(-1, 5);
    Arbitrary<String> suffix = Arbitraries.of("", "", "", "custom", "boring.1", "x-y");
    return Combinators.combine(minor, patch, kind, pre, suffix)
        .as(
            (mi, pa, k, pr, su) -> {
              int p = k == Kind.RELEASE ? pa : GoVersion.ABSENT;
              int n = k == Kind.RELEASE ? GoVersion.ABSENT : pr;
              return new GoVersion(1, mi, p, k, n, su);
            });
  }

  @Property
  void formatThenParseRoundTrips(@ForAll("versions") GoVersion v) {
    assertThat(GoVersion.parse(v.toString())).isEqualTo(v);
    assertThat(GoVersion.parse(v.bare())).isEqualTo(v);
  }

  @Property
  void semverRoundTrips(@ForAll("versions") GoVersion v) {
    assertThat(GoVersion.fromSemver(v.toSemver())).isEqualTo(v);
    assertThat(GoVersion.parse(v.toSemver())).isEqualTo(v);
  }

  @Property
  void orderIsAntisymmetricAndConsistentWithEquals(
      @ForAll("versions") GoVersion a, @ForAll("versions") GoVersion b) {
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    if (a.equals(b)) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
  }

  @Property
  void orderIsTransitive(
      @ForAll("versions") GoVersion a,
      @ForAll("versions") GoVersion b,
      @ForAll("versions") GoVersion c) {
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
    }
  }

  @Property
  void semverOrderAgreesWithGoOrderWithinAMajorVersion(
      @ForAll("versions") GoVersion a, @ForAll("versions") GoVersion b) {
    GoVersion x = a.withoutSuffix();
    GoVersion y = b.withoutSuffix();
    assertThat(Integer.signum(SemverOrder.compare(x.toSemver(), y.toSemver())))
        .isEqualTo(Integer.signum(x.compareTo(y)));
  }

  @Property
  void languageVersionIsTheFloorOfItsLineFromGo121On(@ForAll("versions") GoVersion v) {
    // before 1.21 the bare line name is the first release, which sorts after its prereleases
    GoVersion lang = v.lang();
    if (v.minor() < GoVersion.FIRST_LANGUAGE_VERSION_LINE) {
      assertThat(lang.isRelease()).isTrue();
      return;
    }
    assertThat(lang.compareIgnoringSuffix(v)).isLessThanOrEqualTo(0);
    assertThat(lang.line()).isEqualTo(v.line());
  }

  /** A plain semver 2.0 precedence compare, independent of GoVersion, to check the mapping. */
  static final class SemverOrder {
    static int compare(String a, String b) {
      String[] pa = a.split("-", 2);
      String[] pb = b.split("-", 2);
      String[] na = pa[0].split("\\.");
      String[] nb = pb[0].split("\\.");
      for (int i = 0; i < 3; i++) {
        int c = Integer.compare(Integer.parseInt(na[i]), Integer.parseInt(nb[i]));
        if (c != 0) {
          return c;
        }
      }
      if (pa.length == 1 || pb.length == 1) {
        return Integer.compare(pb.length, pa.length);
      }
      String[] ia = pa[1].split("\\.");
      String[] ib = pb[1].split("\\.");
      for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
        boolean da = ia[i].matches("\\d+");
        boolean db = ib[i].matches("\\d+");
        int c;
        if (da && db) {
          c = Integer.compare(Integer.parseInt(ia[i]), Integer.parseInt(ib[i]));
        } else if (da || db) {
          c = da ? -1 : 1;
        } else {
          c = ia[i].compareTo(ib[i]);
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(ia.length, ib.length);
    }
  }
}
