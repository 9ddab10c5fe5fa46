package dev.govern.core.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a ledger.
 *
 * @param entries complete lines examined
 * @param head the hash of the last good entry ({@link LedgerEntry#GENESIS} when none)
 * @param problem the first bad entry and why, or null when intact
 * @param unsigned seqs of entries without a signature (accepted unless policy forbids)
 * @param checkpointSeq the highest seq covered by a trusted checkpoint (0 when none)
 * @param notes things worth saying that do not break the chain (unreadable checkpoint lines …)
 */
public record Verification(
    long entries,
    String head,
    Problem problem,
    List<Long> unsigned,
    long checkpointSeq,
    List<String> notes) {

  /**
   * The first problem.
   *
   * @param kind what is wrong
   * @param seq the first bad seq: the position in the chain where things go wrong
   * @param message one sentence naming what was found
   */
  public record Problem(Tamper kind, long seq, String message) {}

  public boolean intact() {
    return problem == null;
  }

  public Optional<Problem> firstProblem() {
    return Optional.ofNullable(problem);
  }

  /** Seqs as compact ranges: {@code 1-40, 57}. */
  public static String ranges(List<Long> seqs) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < seqs.size()) {
      int j = i;
      while (j + 1 < seqs.size() && seqs.get(j + 1) == seqs.get(j) + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(seqs.get(i));
      if (j > i) {
        sb.append('-').append(seqs.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }
}
