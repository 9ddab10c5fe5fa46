package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbSnapshotsTest {
  @TempDir Path tmp;

  private Path copyOf(int n) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("osv"));
    try (Stream<Path> s = Files.list(SharedVulnDb.osvDir())) {
      for (Path p : s.sorted().limit(n).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void theWholeDatabaseReadsBackFromItsSnapshotExactly() throws Exception {
    VulnDbSnapshots snapshots = new VulnDbSnapshots(tmp.resolve("snap"));
    VulnDatabase direct = LocalVulnDbReader.readDirectory(SharedVulnDb.osvDir());
    VulnDatabase first = snapshots.directory(SharedVulnDb.osvDir());
    try (Stream<Path> s = Files.list(tmp.resolve("snap"))) {
      assertThat(s.toList()).hasSize(1);
    }
    VulnDatabase second = snapshots.directory(SharedVulnDb.osvDir());
    assertThat(first.entries()).isEqualTo(direct.entries());
    assertThat(second.entries()).isEqualTo(direct.entries());
    assertThat(second.modified()).isEqualTo(direct.modified());
    assertThat(new VulnMatcher(second).stdlib(dev.govern.core.version.GoVersion.parse("go1.21.3")))
        .isEqualTo(
            new VulnMatcher(direct).stdlib(dev.govern.core.version.GoVersion.parse("go1.21.3")));
  }

  @Test
  void aChangedSourceIsReadAgain() throws Exception {
    Path dir = copyOf(50);
    VulnDbSnapshots snapshots = new VulnDbSnapshots(tmp.resolve("snap"));
    assertThat(snapshots.directory(dir).entries()).hasSize(50);
    List<Path> more;
    try (Stream<Path> s = Files.list(SharedVulnDb.osvDir())) {
      more = s.sorted().skip(50).limit(3).toList();
    }
    for (Path p : more) {
      Files.copy(p, dir.resolve(p.getFileName()));
    }
    assertThat(snapshots.directory(dir).entries()).hasSize(53);
  }

  @Test
  void aDamagedSnapshotIsIgnoredAndRewritten() throws Exception {
    Path dir = copyOf(20);
    Path snapDir = tmp.resolve("snap");
    VulnDbSnapshots snapshots = new VulnDbSnapshots(snapDir);
    List<OsvEntry> good = snapshots.directory(dir).entries();
    Path snap;
    try (Stream<Path> s = Files.list(snapDir)) {
      snap = s.findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(snap);
    Files.write(snap, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(snapshots.directory(dir).entries()).isEqualTo(good);
    assertThat(Files.size(snap)).isEqualTo(bytes.length);
  }
}
