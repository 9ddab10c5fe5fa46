package dev.govern.server.auth;

/** What an API route needs of the caller's role. */
public enum Permission {
  /** Nothing: health, readiness, the OpenAPI document. */
  PUBLIC,
  /** Read scans, services, environments, the ledger and witnessed checkpoints. */
  READ,
  /** Push scans. */
  PUSH_SCAN,
  /** Push CLI ledger checkpoints to the witness. */
  PUSH_CHECKPOINT,
  /** Change the environments table. */
  WRITE_ENVIRONMENTS,
  /** File change requests (issue 16). */
  REQUEST_CHANGE,
  /** Approve or reject change requests, review emergency changes. */
  APPROVE,
  /** Manage tokens. */
  ADMIN,
  /** Upload release binaries and record service releases. */
  PUSH_RELEASE
}
