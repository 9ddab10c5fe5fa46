-- Service releases (issue 17): `govern release record BIN --service NAME --server URL`.
-- Numbered from 50 so that migrations of other work (V2 ...) never take the same number.

-- Binaries, content-addressed: the SHA-256 of data is the key (the server checks it on upload).
-- facts: what the server itself read from the binary (JSON: Go version, module, VCS stamp, build
-- ID), which a release record must agree with. Kept in the database, not in a folder of one
-- process, so that several server processes on one PostgreSQL see the same binaries. BYTEA is
-- PostgreSQL's binary type; SQLite stores the bytes as a BLOB under any type name.
CREATE TABLE release_blobs (
  sha256    TEXT PRIMARY KEY,
  size      BIGINT NOT NULL,
  facts     TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  stored_by TEXT NOT NULL,
  data      BYTEA NOT NULL
);

-- Release records (core's dev.govern.core.deploy.Release, as JSON in record), one per service
-- and release id; the id is the first 12 hex digits of sha256.
CREATE TABLE releases (
  service     TEXT NOT NULL,
  id          TEXT NOT NULL,
  sha256      TEXT NOT NULL REFERENCES release_blobs (sha256),
  go_version  TEXT NOT NULL,
  revision    TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  record      TEXT NOT NULL,
  pushed_at   TEXT NOT NULL,
  pushed_by   TEXT NOT NULL,
  ledger_seq  BIGINT NOT NULL,
  PRIMARY KEY (service, id)
);
CREATE INDEX releases_by_time ON releases (service, recorded_at);
