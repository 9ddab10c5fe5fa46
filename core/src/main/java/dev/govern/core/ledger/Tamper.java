package dev.govern.core.ledger;

/** The kinds of damage {@code audit verify} tells apart. */
public enum Tamper {
  /** An entry's content no longer matches its hash, or it no longer chains to its predecessor. */
  EDITED("edited"),
  /** An entry is missing from the middle of the chain. */
  REMOVED("removed"),
  /** Entries are out of order. */
  REORDERED("reordered"),
  /** An entry appears twice. */
  DUPLICATED("duplicated"),
  /** An entry (or checkpoint) is signed by a key that is not trusted for its operator. */
  FORGED("forged"),
  /** A signature by a trusted key does not verify. */
  BAD_SIGNATURE("bad signature"),
  /** An entry has no signature while the governance file requires one. */
  UNSIGNED("unsigned"),
  /** The last line is incomplete (a writer died mid-append); {@code audit repair} fixes it. */
  TORN_TAIL("torn tail"),
  /** Entries covered by a signed checkpoint are gone from the end. */
  TRUNCATED("truncated");

  private final String word;

  Tamper(String word) {
    this.word = word;
  }

  /** The word used in reports and JSON ({@code bad signature}, {@code torn tail}, …). */
  public String word() {
    return word;
  }
}
