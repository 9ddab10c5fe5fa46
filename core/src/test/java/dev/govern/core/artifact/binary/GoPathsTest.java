package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathsTest {
  @ParameterizedTest
  @CsvSource({
    "., x, x",
    "./bins/, x, bins/x",
    "/, x, /x",
    "a//b/, c, a/b/c",
    "a/../b, c, b/c",
    "../up, c, ../up/c",
    "/.., c, /c",
    "a/b, .., a",
    "dir, sub/x, dir/sub/x"
  })
  void joinCleansLikeFilepathJoin(String dir, String name, String want) {
    assertThat(GoPaths.join(dir, name)).isEqualTo(want);
  }
}
