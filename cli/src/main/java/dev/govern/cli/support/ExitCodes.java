package dev.govern.cli.support;

/** Process exit codes; the same numbers as {@link dev.govern.core.ErrorCode}. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int RUNTIME = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int FAILED = 4;
  public static final int INTERNAL = 70;

  public static final String LIST_OK = "0:ok";
  public static final String LIST_RUNTIME = "1:runtime failure (I/O, network, a command failed)";
  public static final String LIST_USAGE = "2:usage error, or a malformed input file";
  public static final String LIST_NOT_FOUND = "3:not found, or a precondition is not met";
  public static final String LIST_FAILED = "4:a gate, policy or integrity check failed";
  public static final String LIST_INTERNAL = "70:internal error (a bug in govern)";

  private ExitCodes() {}
}
