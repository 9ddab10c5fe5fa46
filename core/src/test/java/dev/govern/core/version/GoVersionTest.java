package dev.govern.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionTest {

  @ParameterizedTest
  @CsvSource({
    "go1,          go1,            1.0.0",
    "go1.0.1,      go1.0.1,        1.0.1",
    "go1.2.2,      go1.2.2,        1.2.2",
    "go1.9beta2,   go1.9beta2,     1.9.0-beta.2",
    "go1.9rc1,     go1.9rc1,       1.9.0-rc.1",
    "go1.9,        go1.9,          1.9.0",
    "1.9.0,        go1.9,          1.9.0",
    "go1.21,       go1.21,         1.21.0-0",
    "go1.21rc1,    go1.21rc1,      1.21.0-rc.1",
    "go1.21.0,     go1.21.0,       1.21.0",
    "go1.22.4,     go1.22.4,       1.22.4",
    "1.22.4,       go1.22.4,       1.22.4",
    "go1.22.4-custom, go1.22.4-custom, 1.22.4+custom",
    "1.21.0-rc.1,  go1.21rc1,      1.21.0-rc.1",
    "1.9.0-beta.2, go1.9beta2,     1.9.0-beta.2",
    "v1.20.14,     go1.20.14,      1.20.14",
    "go1.20,       go1.20,         1.20.0",
  })
  void parsesEveryFormGoHasUsed(String input, String canonical, String semver) {
    GoVersion v = GoVersion.parse(input);
    assertThat(v).hasToString(canonical);
    assertThat(v.toSemver()).isEqualTo(semver);
    assertThat(GoVersion.fromSemver(semver)).isEqualTo(v);
    assertThat(GoVersion.parse(canonical)).isEqualTo(v);
  }

  @Test
  void ordersLikeGoFromGo121On() {
    assertOrdered("1.21", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.22rc1", "1.22.0");
  }

  @Test
  void ordersLikeGoBeforeGo121() {
    assertOrdered("1", "1.0.1", "1.1", "1.9beta1", "1.9beta2", "1.9rc1", "1.9", "1.9.1", "1.10");
  }

  @Test
  void suffixOnlyBreaksTies() {
    GoVersion plain = GoVersion.parse("go1.22.4");
    GoVersion custom = GoVersion.parse("go1.22.4-custom");
    assertThat(plain.compareIgnoringSuffix(custom)).isZero();
    assertThat(plain).isLessThan(custom);
    assertThat(custom).isLessThan(GoVersion.parse("go1.22.5"));
    assertThat(custom.withoutSuffix()).isEqualTo(plain);
  }

  @Test
  void nineAndNinePointZeroAreTheSameRelease() {
    assertThat(GoVersion.parse("1.9")).isEqualTo(GoVersion.parse("go1.9.0"));
    assertThat(GoVersion.parse("1.21")).isNotEqualTo(GoVersion.parse("go1.21.0"));
  }

  @Test
  void classifiesReleasesPrereleasesAndLanguageVersions() {
    GoVersion lang = GoVersion.parse("go1.21");
    assertThat(lang.isLanguageVersion()).isTrue();
    assertThat(lang.isRelease()).isFalse();
    assertThat(lang.isPrerelease()).isFalse();

    GoVersion rc = GoVersion.parse("go1.21rc2");
    assertThat(rc.isPrerelease()).isTrue();
    assertThat(rc.isRelease()).isFalse();

    GoVersion legacy = GoVersion.parse("go1.20");
    assertThat(legacy.isRelease()).isTrue();
    assertThat(legacy.isLanguageVersion()).isFalse();

    assertThat(GoVersion.parse("go1.22.4").lang()).hasToString("go1.22");
    assertThat(GoVersion.parse("go1.9.3").lang()).hasToString("go1.9");
    assertThat(GoVersion.parse("go1.21rc1").lang()).hasToString("go1.21");
    assertThat(GoVersion.parse("go1.22.4-custom").lang()).hasToString("go1.22");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "go",
        "1.",
        "1.x",
        "go1.22.4rc1",
        "1.21.3rc1",
        "go 1.22",
        "1.22.4.1",
        "go1.22.04",
        "1.22.4-",
        "1.22.4-!",
        "1.21.1-rc.1",
        "latest",
        "g1.22",
        "1.22.4 x",
        "1.99999999999"
      })
  void rejectsWhatIsNotAGoVersionNamingTheInput(String bad) {
    assertThatThrownBy(() -> GoVersion.parse(bad))
        .isInstanceOf(GovernException.class)
        .satisfies(e -> assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.USAGE))
        .hasMessageContaining("\"");
  }

  @Test
  void readsASuffixThatLooksLikeAPrereleaseAsASuffix() {
    assertThat(GoVersion.parse("1.21.0-gamma.1").suffix()).isEqualTo("gamma.1");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> GoVersion.parse(null)).isInstanceOf(GovernException.class);
  }

  private static void assertOrdered(String... versions) {
    List<GoVersion> expected = new ArrayList<>();
    for (String s : versions) {
      expected.add(GoVersion.parse(s));
    }
    List<GoVersion> shuffled = new ArrayList<>(expected);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
    for (int i = 1; i < expected.size(); i++) {
      assertThat(expected.get(i - 1)).isLessThan(expected.get(i));
    }
  }
}
