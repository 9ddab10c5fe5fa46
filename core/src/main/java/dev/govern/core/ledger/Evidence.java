package dev.govern.core.ledger;

/**
 * The output of a verifying command, bounded in size: the first and last lines are kept, the middle
 * is dropped and counted.
 *
 * @param command the command line as run
 * @param exitCode its exit code
 * @param head the first lines of its output
 * @param tail the last lines of its output (empty when all of it fits in head)
 * @param omittedLines how many lines between head and tail were dropped
 */
public record Evidence(String command, int exitCode, String head, String tail, int omittedLines) {
  /** Lines kept at each end. */
  public static final int KEEP_LINES = 20;

  /** Maximum characters kept in each of head and tail. */
  public static final int KEEP_CHARS = 4000;

  /** Bounds {@code output} to its first and last {@link #KEEP_LINES} lines. */
  public static Evidence of(String command, int exitCode, String output) {
    String[] lines = output == null ? new String[0] : output.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    if (n <= 2 * KEEP_LINES) {
      return new Evidence(
          command, exitCode, clip(String.join("\n", java.util.Arrays.copyOf(lines, n))), "", 0);
    }
    String head = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, KEEP_LINES));
    String tail = String.join("\n", java.util.Arrays.copyOfRange(lines, n - KEEP_LINES, n));
    return new Evidence(command, exitCode, clip(head), clip(tail), n - 2 * KEEP_LINES);
  }

  private static String clip(String s) {
    return s.length() <= KEEP_CHARS ? s : s.substring(0, KEEP_CHARS) + "…";
  }
}
