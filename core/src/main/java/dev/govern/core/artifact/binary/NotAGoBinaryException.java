package dev.govern.core.artifact.binary;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;

/**
 * The one exception the binary readers throw: the file is not a recognised executable, carries no
 * Go build information, is truncated, or is internally inconsistent. The message names the file and
 * the problem in one line; the exit code is 3 (a precondition: "a Go binary" is not met).
 */
public final class NotAGoBinaryException extends GovernException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Problem {
    /** Not ELF, PE, Mach-O, XCOFF or Plan 9 (or a header that breaks its format's rules). */
    UNRECOGNIZED_FORMAT("unrecognized file format"),
    /** A valid executable without a Go build-info blob. */
    NOT_GO("not a Go executable"),
    /** A structure runs past the end of the file. */
    TRUNCATED("truncated"),
    /** A structure has impossible values. */
    CORRUPT("corrupt"),
    /** The Go build-info blob is there but cannot be decoded or parsed. */
    CORRUPT_BUILD_INFO("corrupt Go build info");

    private final String words;

    Problem(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  private final String file;
  private final Problem problem;
  private final String detail;

  /** The longest detail a message carries; names read from a damaged file can be any length. */
  static final int MAX_DETAIL = 160;

  public NotAGoBinaryException(String file, Problem problem, String detail) {
    super(ErrorCode.PRECONDITION, message(file, problem, oneLine(detail)));
    this.file = file;
    this.problem = problem;
    this.detail = oneLine(detail);
  }

  private static String message(String file, Problem problem, String detail) {
    return file + ": " + problem.words() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /**
   * A detail fit for a one-line message: details often quote names read from the file (section and
   * symbol names), which in a damaged file can hold control characters or run for kilobytes.
   */
  static String oneLine(String detail) {
    StringBuilder b = new StringBuilder(Math.min(detail.length(), MAX_DETAIL + 1));
    for (int i = 0; i < detail.length(); i++) {
      if (b.length() >= MAX_DETAIL) {
        return b.append('…').toString();
      }
      char c = detail.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }

  public String file() {
    return file;
  }

  /** Whether the file showed Go build info at all (so a directory scan should mention it). */
  public boolean isGoEvidence() {
    return problem == Problem.CORRUPT_BUILD_INFO;
  }

  public Problem problem() {
    return problem;
  }

  public String detail() {
    return detail;
  }
}
