package dev.govern.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {
  @TempDir Path dir;

  private static Optional<FileLocks.Held> tryFromAnotherThread(Path file) {
    return CompletableFuture.supplyAsync(
            () -> {
              Optional<FileLocks.Held> held = FileLocks.tryExclusive(file);
              held.ifPresent(FileLocks.Held::close);
              return held;
            })
        .join();
  }

  @Test
  void aHeldLockCannotBeTakenByAnotherThreadUntilReleased() {
    Path file = dir.resolve("sub/x.lock");
    FileLocks.Held held = FileLocks.exclusive(file);
    assertThat(file).exists();
    assertThat(tryFromAnotherThread(file)).isEmpty();
    held.close();
    assertThat(tryFromAnotherThread(file)).isPresent();
  }

  @Test
  void theHolderCannotTakeItTwice() {
    Path file = dir.resolve("y.lock");
    FileLocks.Held held = FileLocks.exclusive(file);
    try {
      assertThat(FileLocks.tryExclusive(file)).isEmpty();
      assertThatThrownBy(() -> FileLocks.exclusive(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already holds");
    } finally {
      held.close();
    }
    try (FileLocks.Held again = FileLocks.tryExclusive(file).orElseThrow()) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void differentFilesDoNotBlockEachOther() {
    FileLocks.Held a = FileLocks.exclusive(dir.resolve("a.lock"));
    try {
      assertThat(tryFromAnotherThread(dir.resolve("b.lock"))).isPresent();
    } finally {
      a.close();
    }
  }
}
