package dev.govern.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ModuleVersionTest {

  @Test
  void ordersPrereleasesAsSemverDoes() {
    List<String> ordered =
        List.of(
            "v1.0.0-alpha",
            "v1.0.0-alpha.1",
            "v1.0.0-alpha.beta",
            "v1.0.0-beta",
            "v1.0.0-beta.2",
            "v1.0.0-beta.11",
            "v1.0.0-rc.1",
            "v1.0.0",
            "v1.0.1-0.20230102030405-abcdefabcdef",
            "v1.0.1",
            "v1.2.0",
            "v1.10.0",
            "v2.0.0+incompatible",
            "v10.0.0",
            "v99999999999999999999.0.0");
    List<ModuleVersion> shuffled =
        new ArrayList<>(ordered.stream().map(ModuleVersion::parse).toList());
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled).extracting(ModuleVersion::text).containsExactlyElementsOf(ordered);
  }

  @Test
  void buildMetadataDoesNotChangePrecedence() {
    ModuleVersion plain = ModuleVersion.parse("v2.0.0");
    ModuleVersion incompatible = ModuleVersion.parse("v2.0.0+incompatible");
    assertThat(plain.comparePrecedence(incompatible)).isZero();
    assertThat(ModuleVersion.compare("v2.0.0", "v2.0.0+incompatible")).isZero();
    assertThat(plain.compareTo(incompatible)).isNotZero(); // consistent with equals
    assertThat(incompatible.isIncompatible()).isTrue();
    assertThat(ModuleVersion.parse("v1.0.0+meta").isIncompatible()).isFalse();
  }

  @Test
  void canonicalisesShorthandAndDropsBuildMetadataExceptIncompatible() {
    assertThat(ModuleVersion.canonical("v1")).isEqualTo("v1.0.0");
    assertThat(ModuleVersion.canonical("v1.2")).isEqualTo("v1.2.0");
    assertThat(ModuleVersion.canonical("v1.5.0+build.7")).isEqualTo("v1.5.0");
    assertThat(ModuleVersion.canonical("v2.0.0+incompatible")).isEqualTo("v2.0.0+incompatible");
    assertThat(ModuleVersion.canonical("1.2.3")).isEmpty();
    assertThat(ModuleVersion.parse("v1.2").isCanonical()).isFalse();
    assertThat(ModuleVersion.parse("v1.2.0-rc.1").isCanonical()).isTrue();
  }

  @Test
  void rejectsWhatGoRejects() {
    for (String bad :
        List.of(
            "",
            "1.2.3",
            "v",
            "v01.2.3",
            "v1.02.3",
            "v1.2.3-01",
            "v1.2.3-",
            "v1.2.3+",
            "v1.2-pre",
            "v1.2.3-a..b",
            "v1.2.3 ",
            "V1.2.3",
            "v1.2.3-é")) {
      assertThat(ModuleVersion.isValid(bad)).as(bad).isFalse();
    }
    assertThat(ModuleVersion.isValid("v1.2.3-0a")).isTrue(); // alphanumeric, not a number
    assertThatThrownBy(() -> ModuleVersion.parse("latest"))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageContaining("\"latest\"");
  }

  @Test
  void invalidVersionsSortBelowValidOnesInTextComparison() {
    assertThat(ModuleVersion.compare("junk", "v0.0.0")).isNegative();
    assertThat(ModuleVersion.compare("v0.0.0", "junk")).isPositive();
    assertThat(ModuleVersion.compare("junk", "other junk")).isZero();
  }

  @Test
  void lenientParsingAcceptsOsvVersionsWithoutThePrefix() {
    assertThat(ModuleVersion.tryParseLenient("1.2.3")).contains(ModuleVersion.parse("v1.2.3"));
    assertThat(ModuleVersion.tryParseLenient("v1.2.3")).contains(ModuleVersion.parse("v1.2.3"));
    assertThat(
            ModuleVersion.tryParseLenient("0.0.0-20230102030405-abcdefabcdef")
                .orElseThrow()
                .isPseudo())
        .isTrue();
    assertThat(ModuleVersion.tryParseLenient("x1.2.3")).isEmpty();
    assertThat(ModuleVersion.tryParse("1.2.3")).isEmpty();
  }

  @Test
  void exposesTheParts() {
    ModuleVersion v = ModuleVersion.parse("v3.1.4-rc.1+incompatible");
    assertThat(v.majorPrefix()).isEqualTo("v3");
    assertThat(v.prerelease()).isEqualTo("-rc.1");
    assertThat(v.build()).isEqualTo("+incompatible");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(v.isPseudo()).isFalse();
  }

  @Provide
  Arbitrary<ModuleVersion> versions() {
    Arbitrary<String> num = Arbitraries.of("0", "1", "2", "10", "11", "99999999999999999999");
    Arbitrary<String> ident = Arbitraries.of("0", "1", "2", "11", "alpha", "beta", "rc", "x-y");
    Arbitrary<String> pre =
        ident
            .list()
            .ofMinSize(0)
            .ofMaxSize(3)
            .map(l -> l.isEmpty() ? "" : "-" + String.join(".", l));
    Arbitrary<String> build = Arbitraries.of("", "", "+incompatible", "+b.7");
    return Combinators.combine(num, num, num, pre, build)
        .as((a, b, c, p, m) -> ModuleVersion.parse("v" + a + "." + b + "." + c + p + m));
  }

  @Property(tries = 500)
  void orderIsATotalOrderConsistentWithEquals(
      @ForAll("versions") ModuleVersion a,
      @ForAll("versions") ModuleVersion b,
      @ForAll("versions") ModuleVersion c) {
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
    }
    assertThat(ModuleVersion.parse(a.canonical()).comparePrecedence(a)).isZero();
  }
}
