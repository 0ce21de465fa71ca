-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
-- Helpers (volunteers who can fix things): accounts, profiles, skills, contact channels, tokens,
-- sessions and login throttling. No contact detail is stored in plain text: the login email and
-- every channel are sealed (AES-GCM, key outside the database), the email is found by a keyed
-- blind index, tokens and session ids only as SHA-256 hashes, client addresses only as HMACs.

-- One row per helper. id is random and URL-safe (16 bytes, base64url): other tables (contact
-- requests) refer to it by value. verified: the helper proved the mailbox (listed only then).
CREATE TABLE helper (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  email_index CHAR(64) NOT NULL UNIQUE,
  email_sealed VARCHAR(600) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  verified BOOLEAN NOT NULL,
  suspended BOOLEAN NOT NULL,
  display_name VARCHAR(80) NOT NULL,
  bio VARCHAR(2000) NOT NULL,
  languages VARCHAR(100) NOT NULL,
  country VARCHAR(2) NOT NULL,
  city VARCHAR(100) NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  remote BOOLEAN NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  weekly_hours VARCHAR(500) NOT NULL,
  paused BOOLEAN NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);

-- What a helper can fix, as the keys the indexer uses: an issue-cluster id, a model, a brand, a
-- product type key or a fault-area id. sort_order keeps the helper's own order for their editor.
CREATE TABLE helper_skill (
  helper_id VARCHAR(32) NOT NULL REFERENCES helper (id) ON DELETE CASCADE,
  kind VARCHAR(8) NOT NULL CHECK (kind IN ('issue', 'model', 'brand', 'type', 'area')),
  skill_value VARCHAR(80) NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (helper_id, kind, skill_value)
);
CREATE INDEX helper_skill_by_value ON helper_skill (kind, skill_value);

-- Contact channels, sealed with the context "helper.channel:<kind>:<helper id>". Never public.
CREATE TABLE helper_channel (
  helper_id VARCHAR(32) NOT NULL REFERENCES helper (id) ON DELETE CASCADE,
  kind VARCHAR(8) NOT NULL CHECK (kind IN ('email', 'phone', 'video')),
  sealed VARCHAR(1200) NOT NULL,
  PRIMARY KEY (helper_id, kind)
);

-- Single-use links (email verification, password reset): only the SHA-256 of the token.
CREATE TABLE helper_token (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  helper_id VARCHAR(32) NOT NULL REFERENCES helper (id) ON DELETE CASCADE,
  purpose VARCHAR(8) NOT NULL CHECK (purpose IN ('verify', 'reset')),
  created_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX helper_token_by_helper ON helper_token (helper_id);

-- Login sessions: only the SHA-256 of the cookie's token. csrf_secret is the synchronizer token of
-- the session; it is useless without the session token, so it is kept as issued.
CREATE TABLE helper_session (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  helper_id VARCHAR(32) NOT NULL REFERENCES helper (id) ON DELETE CASCADE,
  csrf_secret VARCHAR(64) NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_seen_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX helper_session_by_helper ON helper_session (helper_id);

-- Failed logins in the throttle window, per account (subject = the email's blind index, also for
-- addresses that have no account) and per client address (subject = its blind index).
CREATE TABLE login_failure (
  kind VARCHAR(8) NOT NULL CHECK (kind IN ('account', 'address')),
  subject CHAR(64) NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX login_failure_by_subject ON login_failure (kind, subject, at_ms);
