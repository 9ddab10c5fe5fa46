package dev.govern.cli.audit;

import dev.govern.core.ledger.LedgerEntry;

/**
 * One ledger entry in {@code --json} output.
 *
 * @param evidence command, exitCode, head, tail, omittedLines; null when none
 */
record EntryView(
    long seq,
    String time,
    String operator,
    String action,
    String subject,
    String from,
    String to,
    String reason,
    EvidenceView evidence,
    String prev,
    String hash,
    String sig) {

  record EvidenceView(String command, int exitCode, String head, String tail, int omittedLines) {}

  static EntryView of(LedgerEntry e) {
    EvidenceView ev =
        e.evidence() == null
            ? null
            : new EvidenceView(
                e.evidence().command(),
                e.evidence().exitCode(),
                e.evidence().head(),
                e.evidence().tail(),
                e.evidence().omittedLines());
    return new EntryView(
        e.seq(),
        e.time(),
        e.operator(),
        e.action(),
        e.subject(),
        e.from(),
        e.to(),
        e.reason(),
        ev,
        e.prev(),
        e.hash(),
        e.sig());
  }
}
