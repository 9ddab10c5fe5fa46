package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.testing.TarBuilder;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives are refused with a clear error and leave nothing behind. */
class ArchiveSafetyTest {
  private static final GoVersion V = GoVersion.parse("go1.22.4");

  @TempDir Path tmp;

  private Installer installer(UnpackLimits limits) {
    return new Installer(
        new ToolchainStore(new GovernHome(tmp.resolve("home"))),
        new UrlFetcher(),
        limits,
        InstallProbe.NONE,
        DownloadProgress.NONE);
  }

  private GovernException refused(TarBuilder archive) throws IOException {
    return refused(archive.tarGz(), "go1.22.4.linux-amd64.tar.gz", UnpackLimits.defaults());
  }

  private GovernException refused(byte[] archive, String name, UnpackLimits limits)
      throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, archive);
    Installer inst = installer(limits);
    GovernException e =
        (GovernException)
            catchThrowable(
                () -> inst.install(V, new ArchiveOrigin.Local(file, TarBuilder.sha256(archive))));
    inst.cleanUp();
    assertNothingLeftBehind();
    return e;
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the install to be refused");
  }

  private void assertNothingLeftBehind() throws IOException {
    Path dir = tmp.resolve("home/toolchains");
    List<String> left;
    try (Stream<Path> s = Files.list(dir)) {
      left = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
    }
    assertThat(left).as("entries left in toolchains/").isEmpty();
    assertThat(tmp.resolve("evil")).doesNotExist();
    assertThat(tmp.resolve("home/evil")).doesNotExist();
  }

  @Test
  void installRejectsArchiveWithParentPathEntries() throws IOException {
    GovernException e =
        refused(TarBuilder.toolchain("go1.22.4").file("go/../../../evil", "x", 0644));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e)
        .hasMessage(
            "refusing to unpack go1.22.4.linux-amd64.tar.gz: entry \"go/../../../evil\" refers to a parent folder (..)");
  }

  @Test
  void installRejectsAbsolutePaths() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.4").file(tmp + "/evil", "x", 0644)))
        .hasMessageContaining("has an absolute path");
  }

  @Test
  void installRejectsSymlinksPointingOutsideTheTree() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.4").symlink("go/bin/evil", "../../evil")))
        .hasMessageContaining("symbolic link \"go/bin/evil\" points outside the tree");
    assertThat(refused(TarBuilder.toolchain("go1.22.4").symlink("go/etc", "/etc")))
        .hasMessageContaining("points outside the tree (to \"/etc\")");
  }

  @Test
  void installRejectsWritingThroughASymlinkEvenOneThatPointsInside() throws IOException {
    // go/lib -> src is harmless alone, but go/lib/x would be written via the link
    assertThat(
            refused(
                TarBuilder.toolchain("go1.22.4")
                    .symlink("go/lib", "src")
                    .file("go/lib/x", "x", 0644)))
        .hasMessageContaining("is inside \"go/lib\", which is not a folder");
  }

  @Test
  void installRejectsLinkTargetsThatClimbAfterDescending() throws IOException {
    // go/a/s -> .. is inside; go/a/e -> s/../.. looks inside lexically but resolves above go/
    assertThat(
            refused(
                TarBuilder.toolchain("go1.22.4")
                    .dir("go/a/")
                    .symlink("go/a/s", "..")
                    .symlink("go/a/e", "s/../..")))
        .hasMessageContaining("has a target with .. after a name");
  }

  @Test
  void installRejectsDeviceFilesAndFifos() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.4").special("go/dev/null", '3')))
        .hasMessageContaining("is a device file or FIFO");
    assertThat(refused(TarBuilder.toolchain("go1.22.4").special("go/fifo", '6')))
        .hasMessageContaining("is a device file or FIFO");
  }

  @Test
  void installRejectsEntriesOutsideTheTopFolder() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.4").file("other/x", "x", 0644)))
        .hasMessageContaining("is outside the top folder go/");
  }

  @Test
  void installRejectsHardLinksToAnythingButAnEarlierFile() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.4").hardlink("go/h", "../../etc/passwd")))
        .hasMessageContaining("hard link \"go/h\" points outside the tree");
  }

  @Test
  void installStopsADecompressionBombAtTheConfiguredSize() throws IOException {
    byte[] bomb = TarBuilder.toolchain("go1.22.4").zeros("go/zeros", 8 << 20).tarGz();
    assertThat(bomb.length).isLessThan(100_000); // 8 MiB of zeros squeeze to a few KB
    GovernException e =
        refused(bomb, "go1.22.4.linux-amd64.tar.gz", new UnpackLimits(1 << 20, 1000));
    assertThat(e).hasMessageContaining("unpacks to more than 1048576 bytes");
  }

  @Test
  void installStopsAnArchiveWithTooManyEntries() throws IOException {
    TarBuilder many = TarBuilder.toolchain("go1.22.4");
    for (int i = 0; i < 50; i++) {
      many.file("go/f" + i, "", 0644);
    }
    assertThat(refused(many.tarGz(), "go1.22.4.linux-amd64.tar.gz", new UnpackLimits(1 << 20, 20)))
        .hasMessageContaining("more than 20 entries");
  }

  @Test
  void installRejectsAnArchiveWhoseVersionFileNamesAnotherVersion() throws IOException {
    assertThat(refused(TarBuilder.toolchain("go1.22.3")))
        .hasMessage(
            "go1.22.4.linux-amd64.tar.gz holds go1.22.3 (first line of go/VERSION), not the requested go1.22.4");
  }

  @Test
  void installRejectsDamagedArchives() throws IOException {
    byte[] good = TarBuilder.toolchain("go1.22.4").tarGz();
    byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
    assertThat(refused(cut, "go1.22.4.linux-amd64.tar.gz", UnpackLimits.defaults()))
        .hasMessageContaining("cannot unpack go1.22.4.linux-amd64.tar.gz");
    assertThat(refused("hello".getBytes(), "go1.22.4.linux-amd64.tar.gz", UnpackLimits.defaults()))
        .hasMessageContaining("not gzip-compressed");
  }

  @Test
  void zipSlipEntriesAreRejected() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      z.putNextEntry(new java.util.zip.ZipEntry("go/VERSION"));
      z.write("go1.22.4\n".getBytes());
      z.putNextEntry(new java.util.zip.ZipEntry("go/../../evil"));
      z.write("x".getBytes());
    }
    assertThat(refused(bytes.toByteArray(), "go1.22.4.windows-amd64.zip", UnpackLimits.defaults()))
        .hasMessageContaining("entry \"go/../../evil\" refers to a parent folder");
  }

  @Test
  void zipSymlinksEscapingTheTreeAreRejected() throws Exception {
    Path src = tmp.resolve("zipsrc");
    Files.createDirectories(src.resolve("go/bin"));
    Files.writeString(src.resolve("go/VERSION"), "go1.22.4\n");
    Files.createSymbolicLink(src.resolve("go/bin/evil"), Path.of("../../../etc"));
    Path zip = tmp.resolve("made.zip");
    Process p =
        new ProcessBuilder("zip", "-q", "-r", "-y", zip.toString(), "go")
            .directory(src.toFile())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    assertThat(
            refused(Files.readAllBytes(zip), "go1.22.4.linux-amd64.zip", UnpackLimits.defaults()))
        .hasMessageContaining("symbolic link \"go/bin/evil\" points outside the tree");
  }
}
