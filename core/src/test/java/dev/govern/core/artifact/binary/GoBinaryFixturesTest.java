package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoBinaryFixturesTest {
  static Stream<String> fixtures() {
    return Fixtures.names().stream();
  }

  static Stream<JsonNode> manifest() {
    Iterable<JsonNode> it = Fixtures.manifest();
    return java.util.stream.StreamSupport.stream(it.spliterator(), false);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void goVersionMOutputMatchesGoByteForByte(String name) {
    try (GoBinary b = GoBinary.open(Fixtures.dir().resolve(name), name)) {
      assertThat(b.buildInfo().goVersionM(name)).isEqualTo(Fixtures.text(name + ".expected.txt"));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void functionNamesMatchTheTableOrderOfDebugGosym(String name) {
    try (GoBinary b = GoBinary.open(Fixtures.dir().resolve(name), name)) {
      List<String> want = Fixtures.text(name + ".funcs.txt").lines().toList();
      assertThat(b.functionNames()).containsExactlyElementsOf(want);
    }
  }

  @ParameterizedTest
  @MethodSource("manifest")
  void buildIdAndLinkageMatchTheManifest(JsonNode fixture) {
    String name = fixture.get("file").asText();
    try (GoBinary b = GoBinary.open(Fixtures.dir().resolve(name), name)) {
      assertThat(b.buildId()).contains(fixture.get("build_id").asText());
      assertThat(b.functionTable().orElseThrow().layout().magic())
          .isEqualTo(
              Integer.parseUnsignedInt(fixture.get("pclntab_magic").asText().substring(2), 16));
      assertThat(b.functionTable().orElseThrow().functionCount())
          .isEqualTo(fixture.get("pclntab_nfunc").asInt());
      fixture
          .get("symbols")
          .properties()
          .forEach(
              e -> {
                FunctionLinkage l = b.linkage(e.getKey());
                boolean function = e.getValue().get("pclntab_function").asBoolean();
                boolean named = e.getValue().get("pclntab_funcnametab").asBoolean();
                assertThat(l == FunctionLinkage.FUNCTION).as(e.getKey()).isEqualTo(function);
                assertThat(l.linked()).as(e.getKey()).isEqualTo(named);
              });
    }
  }
}
