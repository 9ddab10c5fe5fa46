package dev.govern.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.LedgerEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTest {
  @TempDir Path dir;

  private Settings settings(Map<String, String> env) {
    return new Settings(env, dir);
  }

  @Test
  void recorderAppendsToGovernLedgerWithTheOperatorFromTheEnvironment() {
    Path shared = dir.resolve("team/ledger.jsonl");
    Settings s =
        settings(
            Map.of(
                "GOVERN_HOME", dir.resolve("home").toString(),
                "GOVERN_LEDGER", shared.toString(),
                "GOVERN_OPERATOR", "carol@build"));
    ChangeRecorder r = Audit.from(s, null, null, dir).recorder();
    r.record(new Change("install", "host:build", null, "go1.22.5", null, null));
    Audit audit = Audit.from(s, null, null, dir);
    assertThat(audit.ledger().file()).isEqualTo(shared);
    LedgerEntry e = audit.ledger().read().entries().get(0);
    assertThat(e.operator()).isEqualTo("carol@build");
    assertThat(e.to()).isEqualTo("go1.22.5");
    assertThat(Audit.from(s, "dave@x", null, dir).operator()).isEqualTo("dave@x");
  }

  @Test
  void defaultOperatorIsUserAtHost() {
    Settings s =
        settings(Map.of("GOVERN_HOME", dir.toString(), "USER", "erin", "HOSTNAME", "box1"));
    assertThat(Audit.from(s, null, null, dir).operator()).isEqualTo("erin@box1");
  }

  @Test
  void reasonIsRequiredForTheActionsTheGovernanceFileNames() throws Exception {
    Files.writeString(
        dir.resolve("govern.yaml"), "ledger: {require_reason: [rollback, use-default]}\n");
    Settings s = settings(Map.of("GOVERN_HOME", dir.resolve("home").toString()));
    ChangeRecorder r = Audit.from(s, "op", null, dir.resolve(".")).recorder();
    Change noReason = new Change("rollback", "host:x", "go1.22.5", "go1.22.4", null, null);
    assertThatThrownBy(() -> r.precheck(noReason))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("a reason is required for rollback")
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.USAGE);
    assertThatThrownBy(() -> r.record(noReason)).isInstanceOf(GovernException.class);
    r.precheck(new Change("install", "host:x", null, "go1.22.5", null, null));
    r.record(new Change("rollback", "host:x", "go1.22.5", "go1.22.4", "broke CI", null));
    assertThat(Files.readAllLines(dir.resolve("home/ledger.jsonl"))).hasSize(1);
  }
}
