package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.ledger.Change;
import dev.govern.core.testing.FakeToolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
  @TempDir Path tmp;
  GovernHome home;
  final List<Change> recorded = new ArrayList<>();
  final Clock clock = Clock.fixed(Instant.parse("2024-07-01T10:00:00Z"), ZoneOffset.UTC);
  final Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOSTNAME", "build-7");

  @BeforeEach
  void twoDefaults() throws Exception {
    home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.21.0");
    FakeToolchains.install(home, "go1.22.4");
    Shims.refresh(home);
    Defaults d = new Defaults(home, recorded::add, clock);
    d.switchTo("go1.21.0", "baseline", "use-default", "host:build-7", null);
    d.switchTo("go1.22.4", "upgrade", "use-default", "host:build-7", null);
    recorded.clear();
  }

  private Rollback.Outcome rollback(String smoke, boolean keep) {
    return new Rollback(home, recorded::add, clock, Duration.ofSeconds(20))
        .run(new Rollback.Request(null, "net/http regression", smoke, keep, tmp, env));
  }

  @Test
  void rollbackReturnsToThePreviousDefaultVerifiesAndRecordsEvidence() {
    Rollback.Outcome o = rollback("go version", false);
    assertThat(o.verified()).isTrue();
    assertThat(DefaultLink.read(home)).contains("go1.21.0");
    assertThat(new StateFile(home).read().defaultVersion()).isEqualTo("go1.21.0");
    assertThat(o.checks()).extracting(Rollback.Check::passed).containsExactly(true, true, true);
    assertThat(recorded)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("rollback");
              assertThat(c.subject()).isEqualTo("host:build-7");
              assertThat(c.from()).isEqualTo("go1.22.4");
              assertThat(c.to()).isEqualTo("go1.21.0");
              assertThat(c.reason()).isEqualTo("net/http regression");
              assertThat(c.evidence().head()).contains("go version go1.21.0 linux/amd64");
              assertThat(c.evidence().exitCode()).isZero();
            });
    List<GovernState.HistoryEntry> h = new StateFile(home).read().history();
    assertThat(h).last().extracting(GovernState.HistoryEntry::action).isEqualTo("rollback");
  }

  @Test
  void aFailingSmokeCommandRestoresThePreviousStateByteForByte() throws Exception {
    byte[] before = Files.readAllBytes(home.state());
    Rollback.Outcome o = rollback("echo broken >&2; exit 7", false);
    assertThat(o.verified()).isFalse();
    assertThat(o.kept()).isFalse();
    assertThat(Files.readAllBytes(home.state())).isEqualTo(before);
    assertThat(DefaultLink.read(home)).contains("go1.22.4");
    assertThat(recorded)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("rollback-failed");
              assertThat(c.evidence().exitCode()).isEqualTo(7);
              assertThat(c.evidence().head()).contains("broken");
            });
  }

  @Test
  void keepOnFailureKeepsTheRolledBackDefault() {
    Rollback.Outcome o = rollback("exit 1", true);
    assertThat(o.kept()).isTrue();
    assertThat(DefaultLink.read(home)).contains("go1.21.0");
    assertThat(recorded)
        .singleElement()
        .extracting(Change::action)
        .isEqualTo("rollback-unverified");
  }

  @Test
  void theSmokeScriptInCiIsUsedWhenNoCommandIsGiven() throws Exception {
    FakeToolchains.script(
        tmp.resolve("ci/smoke_test.sh"), "#!/bin/sh\necho smoke ran with $(go version)\nexit 3\n");
    Rollback.Outcome o = rollback(null, false);
    assertThat(o.verified()).isFalse();
    assertThat(o.checks().get(2).run().output()).contains("smoke ran with go version go1.21.0");
  }

  @Test
  void aVersionThatDoesNotAnswerAsExpectedFailsVerification() throws Exception {
    FakeToolchains.script(
        home.toolchain("go1.21.0").resolve("bin/go"),
        "#!/bin/sh\necho go version go1.20.1 linux/amd64\n");
    Rollback.Outcome o = rollback(null, false);
    assertThat(o.checks()).singleElement().extracting(Rollback.Check::passed).isEqualTo(false);
    assertThat(DefaultLink.read(home)).contains("go1.22.4");
  }

  @Test
  void aRecorderThatFailsUndoesTheRollback() {
    Rollback r =
        new Rollback(
            home,
            c -> {
              throw new IllegalStateException("ledger is locked");
            },
            clock,
            Duration.ofSeconds(20));
    assertThatThrownBy(() -> r.run(new Rollback.Request(null, null, null, false, tmp, env)))
        .hasMessage("ledger is locked");
    assertThat(DefaultLink.read(home)).contains("go1.22.4");
  }

  @Test
  void rollbackToALineTakesItsNewestInstalledPatch() throws Exception {
    FakeToolchains.install(home, "go1.21.9");
    Rollback.Outcome o =
        new Rollback(home, recorded::add, clock, Duration.ofSeconds(20))
            .run(new Rollback.Request("1.21", null, null, false, tmp, env));
    assertThat(o.to()).isEqualTo("go1.21.9");
    assertThat(o.verified()).isTrue();
  }

  @Test
  void rollbackToAVersionThatIsNotInstalledIsRefused() {
    assertThatThrownBy(
            () ->
                new Rollback(home, recorded::add, clock, Duration.ofSeconds(5))
                    .run(new Rollback.Request("1.20.1", null, null, false, tmp, env)))
        .isInstanceOf(GovernException.class)
        .hasMessage("go1.20.1 is not installed");
  }
}
