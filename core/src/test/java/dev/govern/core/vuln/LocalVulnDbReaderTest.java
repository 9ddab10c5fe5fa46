package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVulnDbReaderTest {
  @TempDir Path tmp;

  @Test
  void readsTheWholeSharedOsvDirectory() {
    VulnDatabase db = SharedVulnDb.get();
    assertThat(db.size()).isEqualTo(4291);
    assertThat(db.entry("GO-2023-2185").orElseThrow().affected()).hasSize(2);
    assertThat(db.moduleCount()).isGreaterThan(1000);
  }

  @Test
  void readsALayoutDirectoryWithOnlyGzippedDocuments() throws IOException {
    List<Path> files = VulnDbLayout.sharedFiles("GO-2020-");
    VulnDbLayout.write(files, tmp, "2026-08-21T10:00:00Z", null, true);
    assertThat(VulnDbSource.of(tmp.toString()).kind())
        .isEqualTo(VulnDbSource.Kind.LAYOUT_DIRECTORY);
    VulnDatabase db = LocalVulnDbReader.readDirectory(tmp);
    assertThat(db.size()).isEqualTo(files.size());
    assertThat(db.modified()).map(Object::toString).contains("2026-08-21T10:00:00Z");
  }

  @Test
  void readsAZipOfPlainOsvFilesInASubfolder() throws IOException {
    List<Path> files = VulnDbLayout.sharedFiles("GO-2021-");
    Path zip = tmp.resolve("osv.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path f : files) {
        z.putNextEntry(new ZipEntry("osv/" + f.getFileName()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    VulnDbSource src = VulnDbSource.of(zip.toString());
    assertThat(src.kind()).isEqualTo(VulnDbSource.Kind.ZIP);
    assertThat(LocalVulnDbReader.readZip(zip).size()).isEqualTo(files.size());
  }

  @Test
  void damagedEntryIsAnInputErrorNamingTheFile() throws IOException {
    Files.writeString(
        tmp.resolve("GO-2099-0001.json"), "{\"id\": \"GO-2099-0001\", \"affected\": [");
    assertThatThrownBy(() -> LocalVulnDbReader.readDirectory(tmp))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("GO-2099-0001.json");
  }

  @Test
  void directoryWithoutEntriesIsRejected() throws IOException {
    try (OutputStream o = Files.newOutputStream(tmp.resolve("README.txt"))) {
      o.write('x');
    }
    assertThat(VulnDbSource.of(tmp.toString()).kind()).isEqualTo(VulnDbSource.Kind.OSV_DIRECTORY);
    assertThatThrownBy(() -> LocalVulnDbReader.readDirectory(tmp))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("no OSV entries");
  }

  @Test
  void missingSourceIsNotFound() {
    assertThatThrownBy(() -> VulnDbSource.of(tmp.resolve("nope").toString()))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("not found");
  }
}
