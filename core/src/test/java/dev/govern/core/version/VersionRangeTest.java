package dev.govern.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "'>=1.21.4',            go1.21.4,   true",
    "'>=1.21.4',            go1.21.3,   false",
    "'>=1.21.4',            go1.22rc1,  true",
    "'<1.19',               go1.18.10,  true",
    "'<1.19',               go1.19rc1,  false",
    "'<1.19',               go1.19,     false",
    "'1.21.0 - 1.21.3',     go1.21.0,   true",
    "'1.21.0 - 1.21.3',     go1.21.3,   true",
    "'1.21.0 - 1.21.3',     go1.21.4,   false",
    "'1.21.0 - 1.21.3',     go1.21rc2,  false",
    "'1.20.x',              go1.20,     true",
    "'1.20.x',              go1.20.14,  true",
    "'1.20.x',              go1.21.0,   false",
    "'1.22',                go1.22.9,   true",
    "'1.22',                go1.22rc1,  true",
    "'1.22',                go1.23.0,   false",
    "'<1.19 || >=1.22.5',   go1.20.1,   false",
    "'<1.19 || >=1.22.5',   go1.22.5,   true",
    "'<1.19 || >=1.22.5',   go1.17,     true",
    "'>=1.21 <1.23',        go1.22.4,   true",
    "'>=1.21 <1.23',        go1.23.0,   false",
    "'>= 1.21.4',           go1.21.5,   true",
    "'!=1.22.0',            go1.22.0,   false",
    "'!=1.22.0',            go1.22.1,   true",
    "'>1.21',               go1.21.9,   false",
    "'>1.21',               go1.22.0,   true",
    "'=1.22.4',             go1.22.4-custom, true",
    "'go1.22.4',            go1.22.4,   true",
    "'*',                   go1.2.2,    true",
    "'1.21.0 - 1.22',       go1.22.12,  true",
  })
  void containsFollowsGoOrder(String range, String version, boolean expected) {
    assertThat(VersionRange.parse(range).contains(GoVersion.parse(version))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "||",
        ">=1.21 ||",
        ">=",
        "1.x.2",
        "~1.2",
        ">=banana",
        "1.21 - 1.22 - 1.23",
        "1.2.3.x"
      })
  void rejectsBadRangesNamingThem(String bad) {
    assertThatThrownBy(() -> VersionRange.parse(bad))
        .isInstanceOf(GovernException.class)
        .satisfies(e -> assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageContaining("range");
  }
}
