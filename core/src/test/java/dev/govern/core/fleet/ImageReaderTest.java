package dev.govern.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.TarBuilder;
import dev.govern.core.testing.TestBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container images: only what a container of the image would see is reported. */
class ImageReaderTest {
  @TempDir Path dir;

  /** A binary built at test time by Go 1.19 for linux (see TestBinaries). */
  private static byte[] fixture(String name) {
    return switch (name) {
      case "timeonly-linux-amd64" -> TestBinaries.timeonly().bytes();
      case "timeonly-linux-386" ->
          TestBinaries.go119("timeonly", "linux/386", Mode.DEFAULT).bytes();
      case "moddep-linux-amd64" -> TestBinaries.moddep().bytes();
      case "vcsdemo-linux-amd64" -> TestBinaries.vcsdemo().bytes();
      case "nethttp-linux-amd64-nodwarf" -> TestBinaries.nethttp().bytes();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static List<String> seen(List<ImageReader.ImageBinary> found) {
    return found.stream()
        .map(b -> b.image() + " " + b.layer() + " " + b.path() + " " + b.info().path())
        .toList();
  }

  /**
   * Three layers, stored out of order, the manifest last (as docker save writes it): the bottom
   * layer has three binaries; the middle one deletes one by a whiteout and another by making its
   * folder opaque; the top one replaces the third.
   */
  private Path layeredImage(boolean withManifest) throws IOException {
    byte[] bottom =
        new TarBuilder()
            .dir("usr/")
            .dir("usr/bin/")
            .file("usr/bin/deleted", fixture("timeonly-linux-amd64"), 0755)
            .file("./usr/bin/replaced", fixture("moddep-linux-amd64"), 0755)
            .dir("opt/app/")
            .file("opt/app/hidden", fixture("vcsdemo-linux-amd64"), 0755)
            .file("opt/keep/kept", fixture("timeonly-linux-386"), 0755)
            .tar();
    byte[] middle =
        new TarBuilder()
            .file("usr/bin/.wh.deleted", new byte[0], 0644)
            .file("opt/app/.wh..wh..opq", new byte[0], 0644)
            .file("opt/app/readme", "new folder contents\n", 0644)
            .tar();
    byte[] top =
        new TarBuilder()
            .file("usr/bin/replaced", fixture("nethttp-linux-amd64-nodwarf"), 0755)
            .tar();
    TarBuilder image =
        new TarBuilder()
            .file("top/layer.tar", top, 0644)
            .file("bottom/layer.tar", bottom, 0644)
            .file("middle/layer.tar", middle, 0644);
    if (withManifest) {
      image.file(
          "manifest.json",
          "[{\"Config\":\"c.json\",\"RepoTags\":[\"acme/app:2\"],"
              + "\"Layers\":[\"bottom/layer.tar\",\"middle/layer.tar\",\"top/layer.tar\"]}]",
          0644);
    }
    Path file = dir.resolve("app.tar");
    Files.write(file, image.tar());
    return file;
  }

  @Test
  void whiteoutsOpaqueFoldersAndReplacementsHideLowerLayersBinaries() throws IOException {
    List<ImageReader.ImageBinary> found = ImageReader.fromTarball(layeredImage(true), dir);
    assertThat(seen(found))
        .containsExactly(
            "acme/app:2 bottom/layer.tar /opt/keep/kept example.com/fixtures/timeonly",
            "acme/app:2 top/layer.tar /usr/bin/replaced example.com/fixtures/nethttp");
  }

  @Test
  void withoutAManifestTheLayersCountInTheOrderTheyAreStored() throws IOException {
    // stored top, bottom, middle: the top layer's binary is now below the bottom one's
    List<ImageReader.ImageBinary> found = ImageReader.fromTarball(layeredImage(false), dir);
    assertThat(seen(found))
        .containsExactly(
            "app.tar bottom/layer.tar /usr/bin/replaced example.com/fixtures/moddep",
            "app.tar bottom/layer.tar /opt/keep/kept example.com/fixtures/timeonly");
  }

  @Test
  void aWhiteoutHidesAWholeFolder() {
    ImageLayers.Layer lower = new ImageLayers.Layer("l1");
    lower.record("srv/bin/app");
    ImageLayers.Layer upper = new ImageLayers.Layer("l2");
    assertThat(upper.record("./srv/.wh.bin")).isFalse();
    assertThat(upper.hides("srv/bin/app")).isTrue();
    assertThat(upper.hides("srv/binary")).isFalse();
    assertThat(upper.hides("other/bin/app")).isFalse();
  }

  @Test
  void anOpaqueFolderHidesOnlyWhatIsBelowIt() {
    ImageLayers.Layer upper = new ImageLayers.Layer("l2");
    assertThat(upper.record("/data/.wh..wh..opq")).isFalse();
    assertThat(upper.record("data/new")).isTrue();
    assertThat(upper.hides("data/old")).isTrue();
    assertThat(upper.hides("data/sub/old")).isTrue();
    assertThat(upper.hides("database")).isFalse();
    assertThat(upper.hides("data")).isFalse();
  }

  @Test
  void entryNamesAreNormalized() {
    assertThat(ImageLayers.normalize("./usr/bin/")).isEqualTo("usr/bin");
    assertThat(ImageLayers.normalize("/x")).isEqualTo("x");
    assertThat(ImageLayers.normalize("a/b")).isEqualTo("a/b");
  }
}
