-- Issue 16: change requests and approvals, the notification outbox, dashboard sessions.
-- Same rules as V1: types and statements both SQLite and PostgreSQL understand.

-- A proposed change of one environment. The approval rule is kept as it was when the request was
-- filed (JSON), so every server process judges it the same way.
CREATE TABLE change_requests (
  id                TEXT PRIMARY KEY,
  environment       TEXT NOT NULL,
  version           TEXT NOT NULL,
  env_status        TEXT NOT NULL,
  reason            TEXT NOT NULL,
  requester         TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  state             TEXT NOT NULL,
  emergency         BOOLEAN NOT NULL,
  rule              TEXT NOT NULL,
  base_revision     BIGINT NOT NULL,
  attachment_name   TEXT,
  attachment_sha256 TEXT,
  attachment        TEXT,
  closed_at         TEXT,
  ledger_seq        BIGINT,
  review_due        TEXT,
  reviewed_at       TEXT,
  reviewed_by       TEXT,
  review_comment    TEXT,
  overdue_notified  BOOLEAN NOT NULL DEFAULT FALSE
);
-- At most one open request per environment: two concurrent requests cannot both be pending.
CREATE UNIQUE INDEX change_requests_one_pending ON change_requests (environment)
  WHERE state = 'pending';
CREATE INDEX change_requests_state ON change_requests (state, created_at);

-- Approvals and rejections: one person votes once on a request.
CREATE TABLE request_votes (
  request_id TEXT NOT NULL REFERENCES change_requests (id),
  voter      TEXT NOT NULL,
  verdict    TEXT NOT NULL,
  comment    TEXT,
  voted_at   TEXT NOT NULL,
  signature  TEXT,
  ledger_seq BIGINT NOT NULL,
  PRIMARY KEY (request_id, voter)
);

-- The notification outbox: events are written in the transaction of the change they tell of;
-- a delivery row per sink is worked off by the dispatchers of every server process.
CREATE TABLE outbox_events (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  summary    TEXT NOT NULL,
  payload    TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_events_created ON outbox_events (created_at);

CREATE TABLE outbox_deliveries (
  event_id        TEXT NOT NULL REFERENCES outbox_events (id),
  sink            TEXT NOT NULL,
  state           TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  lease_until     TEXT,
  lease_owner     TEXT,
  delivered_at    TEXT,
  last_error      TEXT,
  PRIMARY KEY (event_id, sink)
);
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (state, next_attempt_at);

-- Every delivery attempt: the delivery log.
CREATE TABLE delivery_attempts (
  event_id   TEXT NOT NULL,
  sink       TEXT NOT NULL,
  attempt    INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  status     INTEGER,
  error      TEXT,
  millis     BIGINT NOT NULL,
  PRIMARY KEY (event_id, sink, attempt)
);

-- Dashboard sessions: the cookie's secret is kept as a SHA-256 only.
CREATE TABLE sessions (
  id_sha256  TEXT PRIMARY KEY,
  token_id   TEXT NOT NULL REFERENCES tokens (id),
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
