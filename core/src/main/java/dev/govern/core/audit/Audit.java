package dev.govern.core.audit;

import dev.govern.core.config.Settings;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.KeyFolder;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerPolicy;
import dev.govern.core.ledger.LedgerRecorder;
import dev.govern.core.ledger.LedgerVerifier;
import dev.govern.core.ledger.Operators;
import dev.govern.core.ledger.SigningKey;
import dev.govern.core.ledger.TrustedKey;
import dev.govern.core.ledger.TrustedKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the audit needs, wired from settings: the ledger file ({@code GOVERN_LEDGER}, else
 * {@code $GOVERN_HOME/ledger.jsonl}), the operator, their signing key ({@code $GOVERN_HOME/keys/}),
 * the governance file (its {@code ledger:} rules and {@code keys:}), and the trusted keys (the
 * governance file's plus every {@code .pub} in the keys folder).
 *
 * @param ledger the ledger file
 * @param operator who acts
 * @param keys the keys folder
 * @param governance the governance file, when one was found
 * @param clock the time source
 */
public record Audit(
    Ledger ledger,
    String operator,
    KeyFolder keys,
    Optional<GovernanceFile> governance,
    Clock clock) {

  /** Wires the audit for this run; {@code cwd} is where the governance file search starts. */
  public static Audit from(
      Settings settings, String operatorFlag, String governanceFlag, Path cwd) {
    Path file =
        settings
            .get("ledger")
            .map(p -> cwd.resolve(p).toAbsolutePath())
            .orElse(settings.home().ledger());
    Optional<GovernanceFile> gov =
        GovernanceLocator.locate(governanceFlag, settings, cwd).map(GovernanceFile::load);
    return new Audit(
        new Ledger(file),
        Operators.resolve(operatorFlag, settings),
        new KeyFolder(settings.home().keys()),
        gov,
        Clock.systemUTC());
  }

  /** The ledger file: {@code GOVERN_LEDGER} (relative to {@code cwd}), else the home's. */
  public static Path ledgerFile(Settings settings, Path cwd) {
    return settings
        .get("ledger")
        .map(p -> cwd.resolve(p).toAbsolutePath().normalize())
        .orElse(settings.home().ledger());
  }

  /**
   * The recorder toolchain commands use: {@code Audit.recorder(settings(), operatorFlag)}. The
   * governance file is the nearest {@code govern.yaml} from the working directory (or {@code
   * GOVERN_GOVERNANCE}).
   */
  public static ChangeRecorder recorder(Settings settings, String operatorFlag) {
    return from(settings, operatorFlag, null, Path.of("").toAbsolutePath()).recorder();
  }

  public LedgerPolicy policy() {
    return governance.map(GovernanceFile::ledger).orElse(LedgerPolicy.DEFAULT);
  }

  public Optional<SigningKey> signingKey() {
    return keys.signingKey(operator);
  }

  public TrustedKeys trustedKeys() {
    List<TrustedKey> all = new ArrayList<>();
    governance.ifPresent(g -> all.addAll(g.keys()));
    all.addAll(keys.trusted());
    return new TrustedKeys(all);
  }

  public LedgerRecorder recorder() {
    return new LedgerRecorder(ledger, operator, signingKey().orElse(null), policy(), clock);
  }

  public LedgerVerifier verifier() {
    return new LedgerVerifier(trustedKeys(), policy());
  }
}
