package dev.govern.server.ledger;

import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerChain;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.LedgerVerifier;
import dev.govern.core.ledger.SigningKey;
import dev.govern.core.ledger.Tamper;
import dev.govern.core.ledger.TrustedKey;
import dev.govern.core.ledger.TrustedKeys;
import dev.govern.core.ledger.Verification;
import dev.govern.server.db.LedgerDao;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's own audit ledger, in the database: the CLI's entry format, hash chain and Ed25519
 * signatures ({@link LedgerChain}), signed with this process's {@link ServerKey}. The {@code
 * operator} of an entry is the token holder who made the change; the server's key vouches for it.
 * Appends happen inside the transaction of the change they record and are serialized by the
 * database (see {@link LedgerDao#lockHead}).
 */
public final class ServerLedger {
  private final Jdbi jdbi;
  private final SigningKey key;
  private final Clock clock;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  public ServerLedger(Jdbi jdbi, SigningKey key, Clock clock) {
    this.jdbi = jdbi;
    this.key = key;
    this.clock = clock;
  }

  public SigningKey key() {
    return key;
  }

  public Clock clock() {
    return clock;
  }

  /** Registers this process's public key (every process does at start). */
  public void registerKey() {
    jdbi.useHandle(
        h ->
            new LedgerDao(h)
                .registerKey(
                    new LedgerDao.KeyRow(
                        key.keyId(),
                        ServerKey.OPERATOR,
                        Ed25519Keys.rawBase64(key.publicKey()),
                        Ledger.TIME.format(clock.instant()))));
  }

  /** Adds a listener told of every entry inside its transaction (issue 16's outbox). */
  public void addListener(ChangeListener l) {
    listeners.add(l);
  }

  /** Appends {@code change} by {@code operator} inside the transaction {@code h}. */
  public LedgerEntry append(Handle h, Change change, String operator) {
    LedgerDao dao = new LedgerDao(h);
    String now = Ledger.TIME.format(clock.instant());
    LedgerDao.Head head = dao.lockHead(now);
    LedgerEntry e =
        LedgerChain.next(head.seq(), head.hash(), change, operator, key, clock.instant());
    dao.insert(e);
    for (ChangeListener l : listeners) {
      l.recorded(h, e);
    }
    return e;
  }

  /** The keys that sign this ledger, as trusted keys. */
  public TrustedKeys trustedKeys() {
    List<LedgerDao.KeyRow> rows = jdbi.withHandle(h -> new LedgerDao(h).keys());
    return new TrustedKeys(
        rows.stream()
            .map(
                r ->
                    new TrustedKey(
                        ServerKey.OPERATOR,
                        Ed25519Keys.publicKey(r.publicKey(), "server_keys " + r.keyId()),
                        "server_keys"))
            .toList());
  }

  /**
   * Verifies the whole chain: every entry must be signed by a registered server key (for whichever
   * operator it names), and the chain must reach the head row (entries cut off the end are found).
   */
  public Verification verify() {
    record Read(List<String> lines, LedgerDao.Head head) {}
    Read r = jdbi.inTransaction(h -> new Read(new LedgerDao(h).lines(), new LedgerDao(h).head()));
    TrustedKeys keys = trustedKeys();
    LedgerVerifier verifier =
        new LedgerVerifier((sig, msg, op) -> keys.check(sig, msg, ServerKey.OPERATOR), true);
    Verification v = verifier.verifyLines(r.lines(), List.of());
    if (v.intact() && r.head().seq() > v.entries()) {
      return new Verification(
          v.entries(),
          v.head(),
          new Verification.Problem(
              Tamper.TRUNCATED,
              v.entries() + 1,
              "the ledger ends at seq "
                  + v.entries()
                  + " but its head is seq "
                  + r.head().seq()
                  + ": entries were cut off"),
          v.unsigned(),
          r.head().seq(),
          v.notes());
    }
    if (v.intact() && !r.head().hash().equals(v.head())) {
      return new Verification(
          v.entries(),
          v.head(),
          new Verification.Problem(
              Tamper.EDITED,
              v.entries(),
              "seq " + v.entries() + " differs from the recorded head: history was rewritten"),
          v.unsigned(),
          r.head().seq(),
          v.notes());
    }
    return v;
  }
}
