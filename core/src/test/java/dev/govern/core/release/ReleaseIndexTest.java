package dev.govern.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.testing.IndexJson;
import org.junit.jupiter.api.Test;

class ReleaseIndexTest {
  private static final Platform LINUX = new Platform("linux", "amd64");
  private static final byte[] A = {1};

  private final ReleaseIndex index =
      ReleaseIndex.parse(
          new IndexJson()
              .release("go1.21.13", true, A)
              .release("go1.22.4", true, A)
              .release("go1.22.10", true, A)
              .release("go1.23rc1", false, A)
              .release(
                  "go1.22.5",
                  true,
                  IndexJson.file("go1.22.5.darwin-arm64.tar.gz", "darwin", "arm64", "go1.22.5", A))
              .bytes(),
          "test");

  private String resolve(String spec) {
    return index.resolve(ReleaseSpec.parse(spec), LINUX).version().toString();
  }

  @Test
  void releasesAreNewestFirstInGoOrder() {
    assertThat(index.releases().stream().map(r -> r.version().toString()))
        .containsExactly("go1.23rc1", "go1.22.10", "go1.22.5", "go1.22.4", "go1.21.13");
  }

  @Test
  void exactSpecsWithAndWithoutPrefixResolveToThatRelease() {
    assertThat(resolve("1.22.4")).isEqualTo("go1.22.4");
    assertThat(resolve("go1.22.4")).isEqualTo("go1.22.4");
  }

  @Test
  void aLineResolvesToItsNewestStablePatchInGoOrderNotStringOrder() {
    assertThat(resolve("1.22")).isEqualTo("go1.22.10");
    assertThat(resolve("go1.21")).isEqualTo("go1.21.13");
  }

  @Test
  void latestSkipsPrereleasesWhichAreOnlyInstalledWhenNamed() {
    assertThat(resolve("latest")).isEqualTo("go1.22.10");
    assertThat(resolve("1.23rc1")).isEqualTo("go1.23rc1");
    assertThatThrownBy(() -> resolve("1.23")).hasMessageContaining("no Go release matches 1.23");
  }

  @Test
  void unknownVersionErrorListsTheNearestExistingOnes() {
    assertThatThrownBy(() -> resolve("1.22.7"))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("no Go release matches 1.22.7; nearest:")
        .hasMessageContaining("go1.22.10")
        .hasMessageContaining("go1.22.5");
  }

  @Test
  void aReleaseWithoutAnArchiveForThePlatformNamesThePlatformsItHas() {
    assertThatThrownBy(() -> resolve("1.22.5"))
        .hasMessage("go1.22.5 has no archive for linux/amd64 (it has: darwin/arm64)");
    assertThat(
            index
                .resolve(ReleaseSpec.parse("1.22.5"), new Platform("darwin", "arm64"))
                .file()
                .filename())
        .isEqualTo("go1.22.5.darwin-arm64.tar.gz");
  }

  @Test
  void sourceAndInstallerFilesAreNotArchives() {
    ReleaseFile src = new ReleaseFile("go1.22.4.src.tar.gz", "", "", "go1.22.4", "ab", 1, "source");
    ReleaseFile pkg =
        new ReleaseFile(
            "go1.22.4.darwin-arm64.pkg", "darwin", "arm64", "go1.22.4", "ab", 1, "installer");
    assertThat(src.isArchive()).isFalse();
    assertThat(pkg.isArchive()).isFalse();
  }

  @Test
  void aDocumentThatIsNotAnIndexIsInvalidInputNamingTheSource() {
    assertThatThrownBy(() -> ReleaseIndex.parse("{\"x\":1}".getBytes(), "http://m/index.json"))
        .hasMessageStartingWith("not a Go download index: http://m/index.json");
  }

  @Test
  void specsRejectNonsense() {
    assertThatThrownBy(() -> ReleaseSpec.parse("1.x")).hasMessageContaining("not a Go version");
    assertThat(ReleaseSpec.parse("LATEST").kind()).isEqualTo(ReleaseSpec.Kind.LATEST);
    assertThat(ReleaseSpec.parse("1.9").kind()).isEqualTo(ReleaseSpec.Kind.LINE);
    assertThat(ReleaseSpec.parse("1.9.0").kind()).isEqualTo(ReleaseSpec.Kind.EXACT);
  }

  @Test
  void platformNamesFollowTheDownloadIndex() {
    assertThat(Platform.goarch("x86_64")).isEqualTo("amd64");
    assertThat(Platform.goarch("aarch64")).isEqualTo("arm64");
    assertThat(Platform.goarch("arm")).isEqualTo("armv6l");
    assertThat(Platform.goarch("i386")).isEqualTo("386");
    assertThat(Platform.goos("Mac OS X")).isEqualTo("darwin");
    assertThat(Platform.goos("Linux")).isEqualTo("linux");
    assertThat(Platform.current("windows", null).os()).isEqualTo("windows");
    assertThatThrownBy(() -> new Platform("Linux!", "amd64"))
        .hasMessageContaining("not an operating system name");
  }
}
