package dev.govern.core.ledger;

import java.time.Instant;

/**
 * The chain rule shared by every ledger store (the CLI's file, the server's database table): the
 * entry after a head {@code (seq, hash)} has seq + 1, prev = hash, its own hash over its canonical
 * body, and the signature of the given key over that hash. A store's only job is to serialize
 * appends so that two writers never extend the same head.
 */
public final class LedgerChain {
  private LedgerChain() {}

  /** The entry that follows the head {@code (headSeq, headHash)} ({@code (0, GENESIS)}: empty). */
  public static LedgerEntry next(
      long headSeq, String headHash, Change c, String operator, SigningKey key, Instant now) {
    LedgerEntry e =
        new LedgerEntry(
                headSeq + 1,
                Ledger.TIME.format(now),
                operator,
                c.action(),
                c.subject(),
                c.from(),
                c.to(),
                c.reason(),
                c.evidence(),
                headHash,
                null,
                null)
            .withComputedHash();
    return key == null ? e : e.withSig(key.sign(e.hash()));
  }

  /** A signed checkpoint of the head {@code (seq, hash)}; unsigned when {@code key} is null. */
  public static Checkpoint checkpoint(
      long seq, String hash, String operator, SigningKey key, Instant now) {
    Checkpoint cp = new Checkpoint(seq, hash, Ledger.TIME.format(now), operator, null);
    return key == null ? cp : cp.signedBy(key);
  }
}
