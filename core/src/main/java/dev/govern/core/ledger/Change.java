package dev.govern.core.ledger;

import java.util.Objects;

/**
 * One version change to record: who did what to which subject, from what to what, why, and what the
 * verifying command printed. The ledger adds seq, time, hashes and the signature.
 *
 * @param action what happened: {@code install}, {@code uninstall}, {@code use-default}, {@code
 *     rollback}, {@code pin}, {@code env-set}, …
 * @param subject what changed: a machine ({@code host:<name>}), a directory, an environment
 * @param from the version before, or null
 * @param to the version after, or null
 * @param reason why, as the operator said it; may be null where policy allows
 * @param evidence what the verifying command printed, or null
 */
public record Change(
    String action, String subject, String from, String to, String reason, Evidence evidence) {
  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
  }
}
