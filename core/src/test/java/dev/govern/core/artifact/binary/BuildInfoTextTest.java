package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuildInfoTextTest {
  private static BuildInfo parse(String text) throws BuildInfoText.ParseException {
    return BuildInfoText.parse("go1.22.4", text);
  }

  @Test
  void quotedSettingsRoundTripTheWayGoWritesThem() throws Exception {
    String text =
        "path\tex.com/m\nmod\tex.com/m\t(devel)\t\nbuild\t-ldflags=\"-X main.v=1 -w\"\n"
            + "build\t\"weird key\"=\"tab\\there\"\nbuild\tCGO_ENABLED=0\nbuild\tDefaultGODEBUG=a=1,b=0\n";
    BuildInfo bi = parse(text);
    assertThat(bi.settings())
        .containsExactly(
            new BuildSetting("-ldflags", "-X main.v=1 -w"),
            new BuildSetting("weird key", "tab\there"),
            new BuildSetting("CGO_ENABLED", "0"),
            new BuildSetting("DefaultGODEBUG", "a=1,b=0"));
    assertThat(bi.moduleText()).isEqualTo(text);
  }

  @Test
  void backQuotedValuesAreAcceptedAndWrittenWithDoubleQuotes() throws Exception {
    BuildInfo bi = parse("build\t-gcflags=`all=-N -l`\n");
    assertThat(bi.setting("-gcflags")).contains("all=-N -l");
    assertThat(bi.moduleText()).isEqualTo("build\t-gcflags=\"all=-N -l\"\n");
  }

  @Test
  void replacementOfTheMainModuleAndOfADependency() throws Exception {
    BuildInfo bi =
        parse(
            "mod\tex.com/m\tv1.0.0\th1:x\n=>\t../m\t(devel)\t\n\ndep\tex.com/d\tv1.2.0\n"
                + "=>\tex.com/fork\tv1.2.1\th1:y\n\n");
    assertThat(bi.mainModule().orElseThrow().replacedBy())
        .contains(ModuleInfo.of("../m", "(devel)", ""));
    assertThat(bi.deps().get(0).replacedBy())
        .contains(ModuleInfo.of("ex.com/fork", "v1.2.1", "h1:y"));
  }

  @Test
  void vcsFactsAreExposed() throws Exception {
    BuildInfo bi =
        parse(
            "build\tvcs=git\nbuild\tvcs.revision=2dfab8e1\nbuild\tvcs.time=2024-01-02T03:04:05.5Z\n"
                + "build\tvcs.modified=true\n");
    VcsInfo v = bi.vcs().orElseThrow();
    assertThat(v.system()).isEqualTo("git");
    assertThat(v.revision()).isEqualTo("2dfab8e1");
    assertThat(v.commitTime().orElseThrow().toString()).isEqualTo("2024-01-02T03:04:05.500Z");
    assertThat(v.modified()).contains(true);
    assertThat(parse("build\tGOOS=linux\n").vcs()).isEmpty();
  }

  @Test
  void aLastLineWithoutNewlineIsIgnoredLikeGoDoes() throws Exception {
    assertThat(parse("path\ta\nbuild\tGOOS=linux").settings()).isEmpty();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        arguments("mod\ta\n", "line 1: expected 2 or 3 columns; got 1"),
        arguments("path\tp\ndep\ta\tb\tc\td\n", "line 2: expected 2 or 3 columns; got 4"),
        arguments("=>\ta\tb\tc\n", "line 1: replacement with no module on previous line"),
        arguments("dep\ta\tb\n=>\ta\tb\n", "line 2: expected 3 columns for replacement; got 2"),
        arguments("build\t\n", "line 1: build line missing '='"),
        arguments("build\t=v\n", "line 1: build line with missing key"),
        arguments("build\tkey\n", "line 1: build line missing '=' after key"),
        arguments("build\t\"k\n", "line 1: invalid quoted key in build line"),
        arguments("build\t\"k\"\n", "line 1: build line missing '=' after quoted key"),
        arguments("build\t\"k\"x\n", "line 1: unexpected character after quoted key: \"x\""),
        arguments("build\tk=\"v\n", "line 1: invalid quoted value in build line"),
        arguments("build\tk=a b\n", "line 1: unquoted value \"a b\" must be quoted"),
        arguments("build\ta b=c\n", "line 1: unquoted key \"a b\" must be quoted"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedTextIsRejectedWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(BuildInfoText.ParseException.class)
        .hasMessage("could not parse Go build info: " + message);
  }

  @Property(tries = 500)
  void anySettingSurvivesFormatThenParse(@ForAll String key, @ForAll String value)
      throws Exception {
    String k = key.isEmpty() ? "k" : key.replace("\n", " ");
    String v = value.replace("\n", " ");
    BuildInfo bi = new BuildInfo("go1.22.4", "", null, List.of(), List.of(new BuildSetting(k, v)));
    String text = bi.moduleText();
    if (text.chars().filter(c -> c == '\n').count() != 1) {
      return; // a key or value with a raw CR is quoted; nothing else can add lines
    }
    assertThat(parse(text).settings()).containsExactly(new BuildSetting(k, v));
  }
}
