package dev.govern.core;

/**
 * The catalogue of failure kinds shared by the command line and the server. Each code carries a
 * stable slug (used in JSON errors and problem+json types), the process exit code and the HTTP
 * status.
 */
public enum ErrorCode {
  /** A runtime failure: I/O, network, a command that failed. */
  RUNTIME("runtime", 1, 500),
  /** A download or archive did not match its published checksum. */
  CHECKSUM_MISMATCH("checksum-mismatch", 1, 502),
  /** The network or a mirror could not be reached. */
  NETWORK("network", 1, 502),
  /** Bad command-line usage: unknown flag, missing argument, bad value on the command line. */
  USAGE("usage", 2, 400),
  /** A file the user gave is malformed (policy, governance file, go.mod). */
  INVALID_INPUT("invalid-input", 2, 422),
  /** Something named does not exist (a version, a file, a toolchain). */
  NOT_FOUND("not-found", 3, 404),
  /** A precondition is not met (not a Go binary, version not installed, unhealthy setup). */
  PRECONDITION("precondition-failed", 3, 412),
  /** A gate, policy or integrity check ran and failed. */
  CHECK_FAILED("check-failed", 4, 409),
  /** A bug in govern itself. */
  INTERNAL("internal", 70, 500);

  private final String slug;
  private final int exitCode;
  private final int httpStatus;

  ErrorCode(String slug, int exitCode, int httpStatus) {
    this.slug = slug;
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  public String slug() {
    return slug;
  }

  public int exitCode() {
    return exitCode;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
