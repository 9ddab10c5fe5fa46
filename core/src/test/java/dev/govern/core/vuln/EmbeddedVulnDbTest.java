package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot carried in govern, and the tarball reader it is read with. */
class EmbeddedVulnDbTest {
  @TempDir Path tmp;

  @Test
  void theBuildCarriesTheTestdataSnapshotWithItsDate() throws IOException {
    EmbeddedVulnDb e = EmbeddedVulnDb.builtIn().orElseThrow();
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(TestData.file("vulndb/osv.properties"))) {
      p.load(in);
    }
    assertThat(e.snapshot()).isEqualTo(LocalDate.parse(p.getProperty("snapshot")));
    assertThat(e.license()).isEqualTo("CC-BY-4.0");
    assertThat(e.size()).isEqualTo(Files.size(TestData.osvTarGz()));
    VulnDatabase db = e.read();
    assertThat(db.size()).isEqualTo(Integer.parseInt(p.getProperty("entries")));
    assertThat(db.entries())
        .extracting(OsvEntry::id)
        .containsExactlyInAnyOrderElementsOf(
            SharedVulnDb.get().entries().stream().map(OsvEntry::id).toList());
    assertThat(db.modified())
        .contains(e.snapshot().atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
  }

  @Test
  void itsAgeIsCountedInWholeDays() {
    EmbeddedVulnDb e = EmbeddedVulnDb.builtIn().orElseThrow();
    LocalDate d = e.snapshot();
    assertThat(e.describe(d.plusDays(106)))
        .isEqualTo("the embedded database of " + d + " (106 days old)");
    assertThat(e.describe(d.plusDays(1))).endsWith("(1 day old)");
    assertThat(e.describe(d.minusDays(3))).endsWith("(0 days old)");
  }

  @Test
  void aTarballReadsLikeTheDirectory() {
    VulnDatabase tar = LocalVulnDbReader.readTarGz(TestData.osvTarGz());
    assertThat(tar.size()).isEqualTo(SharedVulnDb.get().size());
    assertThat(tar.entry("GO-2023-2185")).isEqualTo(SharedVulnDb.get().entry("GO-2023-2185"));
  }

  @Test
  void aDamagedTarballIsOneInvalidInputErrorNamingIt() throws IOException {
    byte[] whole = Files.readAllBytes(TestData.osvTarGz());
    Path cut = tmp.resolve("cut.tar.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> LocalVulnDbReader.readTarGz(cut))
        .isInstanceOfSatisfying(
            GovernException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageStartingWith(cut + ": not a readable .tar.gz");
    Path text = Files.writeString(tmp.resolve("text.tar.gz"), "not gzip at all");
    assertThatThrownBy(() -> LocalVulnDbReader.readTarGz(text))
        .hasMessageStartingWith(text + ": not a readable .tar.gz");
  }

  private static byte[] small;

  private static synchronized byte[] small() throws IOException {
    if (small == null) {
      // the first 40 entries of the real tarball, as a tarball of their own
      var out = new java.io.ByteArrayOutputStream();
      var builder = new dev.govern.core.testing.TarBuilder();
      try (var s = Files.list(SharedVulnDb.osvDir())) {
        for (Path f : s.sorted().limit(40).toList()) {
          builder.file("osv/" + f.getFileName(), Files.readAllBytes(f), 0644);
        }
      }
      try (var gz = new java.util.zip.GZIPOutputStream(out)) {
        gz.write(builder.tar());
      }
      small = out.toByteArray();
    }
    return small;
  }

  @Property(tries = 300)
  void truncatedOrMutatedTarballsGiveADatabaseOrAnInvalidInputError(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 0, max = 255) int value,
      @ForAll boolean truncate)
      throws IOException {
    byte[] b = small().clone();
    int at = (int) ((long) where * b.length / 1_000_001);
    if (truncate) {
      b = Arrays.copyOf(b, at);
    } else {
      b[at] = (byte) value;
    }
    try {
      VulnDatabase db = LocalVulnDbReader.readTarGz(new ByteArrayInputStream(b), "fuzz.tar.gz");
      assertThat(db.size()).isBetween(1, 40);
    } catch (GovernException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(e.getMessage()).startsWith("fuzz.tar.gz");
    }
  }
}
