package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.config.GovernHome;
import dev.govern.core.ledger.Change;
import dev.govern.core.testing.FakeToolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsTest {
  @TempDir Path tmp;

  @Test
  void concurrentSwitchesKeepEveryHistoryEntryAndEndConsistent() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    List<String> names = List.of("go1.21.0", "go1.21.1", "go1.22.0", "go1.22.4");
    for (String n : names) {
      FakeToolchains.install(home, n);
    }
    List<Change> recorded = new CopyOnWriteArrayList<>();
    Defaults defaults = new Defaults(home, recorded::add, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String n = names.get(i % names.size());
        all.add(pool.submit(() -> defaults.switchTo(n, null, "use-default", "host:t", null)));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    GovernState state = new StateFile(home).read();
    assertThat(state.history()).hasSize(24);
    assertThat(recorded).hasSize(24);
    assertThat(DefaultLink.read(home)).contains(state.defaultVersion());
    assertThat(state.history().get(23).version()).isEqualTo(state.defaultVersion());
  }

  @Test
  void aRecorderThatFailsLeavesTheOldDefault() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.21.0");
    FakeToolchains.install(home, "go1.22.4");
    new Defaults(home, c -> {}, Clock.systemUTC())
        .switchTo("go1.21.0", null, "use-default", "host:t", null);
    byte[] before = Files.readAllBytes(home.state());
    Defaults failing =
        new Defaults(
            home,
            c -> {
              throw new IllegalStateException("ledger unavailable");
            },
            Clock.systemUTC());
    assertThatThrownBy(() -> failing.switchTo("go1.22.4", null, "use-default", "host:t", null))
        .hasMessage("ledger unavailable");
    assertThat(Files.readAllBytes(home.state())).isEqualTo(before);
    assertThat(DefaultLink.read(home)).contains("go1.21.0");
  }
}
