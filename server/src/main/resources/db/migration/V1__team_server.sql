-- The team server's schema, one migration set for SQLite and PostgreSQL: only types and statements
-- both understand (TEXT, BIGINT, INTEGER, BOOLEAN; times as RFC 3339 UTC text with milliseconds,
-- which sort as they compare). Never edit a migration after it is merged: add V2, V3 ...

-- People and machines that hold tokens. Groups are what approval rules name (issue 16).
CREATE TABLE users (
  name       TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

CREATE TABLE user_groups (
  user_name  TEXT NOT NULL REFERENCES users (name),
  group_name TEXT NOT NULL,
  PRIMARY KEY (user_name, group_name)
);

-- Bearer tokens: only the SHA-256 of the secret is kept.
CREATE TABLE tokens (
  id            TEXT PRIMARY KEY,
  user_name     TEXT NOT NULL REFERENCES users (name),
  role          TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  expires_at    TEXT,
  revoked_at    TEXT
);

-- Failed authentications per source address and minute, shared by every server process.
CREATE TABLE auth_failures (
  source       TEXT NOT NULL,
  window_start TEXT NOT NULL,
  failures     INTEGER NOT NULL,
  PRIMARY KEY (source, window_start)
);

-- The server's own audit ledger: each line exactly as hashed and signed (the CLI's entry format).
CREATE TABLE ledger_entries (
  seq      BIGINT PRIMARY KEY,
  time     TEXT NOT NULL,
  operator TEXT NOT NULL,
  action   TEXT NOT NULL,
  subject  TEXT NOT NULL,
  hash     TEXT NOT NULL UNIQUE,
  line     TEXT NOT NULL
);
CREATE INDEX ledger_entries_subject ON ledger_entries (subject, seq);
CREATE INDEX ledger_entries_action ON ledger_entries (action, seq);

-- The head of the ledger, one row. Every append updates it first: that update is the lock that
-- serializes appends from all server processes (a row lock on PostgreSQL, the write lock on SQLite).
CREATE TABLE ledger_head (
  id          INTEGER PRIMARY KEY,
  seq         BIGINT NOT NULL,
  hash        TEXT NOT NULL,
  appended_at TEXT
);
INSERT INTO ledger_head (id, seq, hash, appended_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);

-- Public halves of the keys server processes sign with (each process keeps its private key).
CREATE TABLE server_keys (
  key_id     TEXT PRIMARY KEY,
  operator   TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Pushed scans: the id makes pushes idempotent; the body's hash tells a retry from a reuse.
CREATE TABLE scans (
  id          TEXT PRIMARY KEY,
  body_sha256 TEXT NOT NULL,
  scanned_at  TEXT NOT NULL,
  pushed_at   TEXT NOT NULL,
  pushed_by   TEXT NOT NULL,
  services    INTEGER NOT NULL,
  red         INTEGER NOT NULL,
  yellow      INTEGER NOT NULL,
  green       INTEGER NOT NULL,
  ledger_seq  BIGINT NOT NULL
);
CREATE INDEX scans_scanned_at ON scans (scanned_at);

-- Each service as its newest scan saw it.
CREATE TABLE services (
  name            TEXT PRIMARY KEY,
  first_seen      TEXT NOT NULL,
  last_scan_id    TEXT NOT NULL REFERENCES scans (id),
  last_scanned_at TEXT NOT NULL,
  owner           TEXT,
  risk_class      TEXT NOT NULL,
  go_version      TEXT,
  supported       BOOLEAN
);
CREATE INDEX services_risk_class ON services (risk_class);

-- Every scan's view of every service: the history of versions and classes.
CREATE TABLE service_versions (
  scan_id      TEXT NOT NULL REFERENCES scans (id),
  service_name TEXT NOT NULL,
  scanned_at   TEXT NOT NULL,
  root         TEXT,
  owner        TEXT,
  risk_class   TEXT NOT NULL,
  because      TEXT NOT NULL,
  go_version   TEXT,
  go_from      TEXT,
  supported    BOOLEAN,
  stdlib       TEXT NOT NULL,
  toolchain    TEXT NOT NULL,
  modules      TEXT NOT NULL,
  evidence     TEXT NOT NULL,
  PRIMARY KEY (scan_id, service_name)
);
CREATE INDEX service_versions_history ON service_versions (service_name, scanned_at);

-- The environments table; revision is the ETag.
CREATE TABLE environments (
  name       TEXT PRIMARY KEY,
  version    TEXT NOT NULL,
  since      TEXT,
  status     TEXT NOT NULL,
  note       TEXT,
  revision   BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE environment_history (
  name       TEXT NOT NULL,
  revision   BIGINT NOT NULL,
  version    TEXT NOT NULL,
  since      TEXT,
  status     TEXT NOT NULL,
  note       TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  reason     TEXT NOT NULL,
  ledger_seq BIGINT NOT NULL,
  PRIMARY KEY (name, revision)
);

-- Checkpoints of CLI ledgers, countersigned by the server (the witness).
CREATE TABLE witness_checkpoints (
  ledger_id      TEXT NOT NULL,
  seq            BIGINT NOT NULL,
  hash           TEXT NOT NULL,
  checkpoint     TEXT NOT NULL,
  witnessed_at   TEXT NOT NULL,
  witness_key_id TEXT NOT NULL,
  witness_sig    TEXT NOT NULL,
  pushed_by      TEXT NOT NULL,
  PRIMARY KEY (ledger_id, seq)
);
