package dev.govern.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void replacesContentAndLeavesNoTemporaryFiles() throws Exception {
    Path f = tmp.resolve("sub/state.json");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (var s = Files.list(f.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("state.json");
    }
  }

  @Test
  void aFailedWriteKeepsTheOldContent() throws Exception {
    Path f = tmp.resolve("keep.txt");
    AtomicFiles.writeString(f, "old");
    Path dirInTheWay = tmp.resolve("keep.txt.d");
    Files.createDirectories(dirInTheWay.resolve("child"));
    assertThatThrownBy(() -> AtomicFiles.writeString(dirInTheWay, "new"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("keep.txt.d");
    assertThat(Files.readString(f)).isEqualTo("old");
    assertThat(Files.isDirectory(dirInTheWay.resolve("child"))).isTrue();
  }
}
