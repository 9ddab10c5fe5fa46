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
  /** A request to the team server is malformed: bad JSON, a wrong type, an invalid field. */
  BAD_REQUEST("bad-request", 2, 400),
  /** No credentials, or credentials the server does not accept. */
  UNAUTHENTICATED("unauthenticated", 3, 401),
  /** The credentials are valid but their role may not do this. */
  FORBIDDEN("forbidden", 3, 403),
  /** The request conflicts with what is stored (a scan id reused for another scan, a fork). */
  CONFLICT("conflict", 3, 409),
  /** A request body is larger than the server accepts. */
  TOO_LARGE("too-large", 2, 413),
  /** A write that needs If-Match (or If-None-Match) came without it. */
  PRECONDITION_REQUIRED("precondition-required", 2, 428),
  /** Too many failed attempts: try again later. */
  RATE_LIMITED("rate-limited", 1, 429),
  /** The server is up but not ready (its database is unreachable or not migrated). */
  UNAVAILABLE("unavailable", 1, 503),
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
