-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.

-- Installation-wide secrets, created on first use (e.g. the key that salts client hashes). Kept in
-- the database so that every API process of one installation shares them.
CREATE TABLE instance_secret (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  secret VARCHAR(128) NOT NULL
);

-- "Did this fix it?" votes: at most one per client per item per UTC day (a later vote that day
-- replaces the earlier). client_hash is an HMAC of the day and the client key (address plus API
-- key); the address itself is never stored.
CREATE TABLE feedback_vote (
  item VARCHAR(80) NOT NULL,
  client_hash CHAR(64) NOT NULL,
  epoch_day INTEGER NOT NULL,
  answer VARCHAR(8) NOT NULL CHECK (answer IN ('yes', 'no', 'partly')),
  voted_at_ms BIGINT NOT NULL,
  PRIMARY KEY (item, client_hash, epoch_day)
);
