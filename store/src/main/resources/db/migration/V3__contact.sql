-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
--
-- Contact requests between a customer (no account) and a helper. Everything here but the two
-- helper_contact_* tables is personal and short-lived: a request, its messages, its revealed
-- channels and the customer's address are deleted once the request has been idle for the retention
-- time (contact.retentionDays). Helpers are referred to by helper_id (the id of the helper table)
-- without a foreign key, so that this script does not depend on the accounts migration.

-- One request of a customer to a helper about an issue. The customer's email is sealed (AES-GCM,
-- key outside the database, bound to "contact.email:" + id); the customer's capability link
-- carries a secret of which only the SHA-256 is kept.
CREATE TABLE contact_request (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  helper_id VARCHAR(32) NOT NULL,
  issue_id VARCHAR(80) NOT NULL,
  customer_email_sealed VARCHAR(600) NOT NULL,
  capability_hash CHAR(64) NOT NULL,
  status VARCHAR(10) NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'closed')),
  -- messages so far; also the sequence number of the last one (taken under the row's lock)
  message_count INTEGER NOT NULL,
  created_at_ms BIGINT NOT NULL,
  -- the last message or state change: the retention clock starts again from it
  last_activity_at_ms BIGINT NOT NULL,
  accepted_at_ms BIGINT,
  first_response_at_ms BIGINT,
  closed_at_ms BIGINT,
  outcome VARCHAR(10) CHECK (outcome IS NULL OR outcome IN ('fixed', 'not_fixed', 'gave_up'))
);
CREATE INDEX contact_request_helper ON contact_request (helper_id, last_activity_at_ms);
CREATE INDEX contact_request_activity ON contact_request (last_activity_at_ms);

-- The relay thread: the customer's first message is the request itself (seq 1).
CREATE TABLE contact_message (
  request_id VARCHAR(32) NOT NULL REFERENCES contact_request (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  side VARCHAR(8) NOT NULL CHECK (side IN ('customer', 'helper')),
  body TEXT NOT NULL,
  sent_at_ms BIGINT NOT NULL,
  PRIMARY KEY (request_id, seq)
);

-- A channel one side chose to show the other, after acceptance; the value is sealed, bound to
-- "contact.reveal:" + request id + ":" + side + ":" + kind. A second reveal of a kind replaces it.
CREATE TABLE contact_reveal (
  request_id VARCHAR(32) NOT NULL REFERENCES contact_request (id) ON DELETE CASCADE,
  side VARCHAR(8) NOT NULL CHECK (side IN ('customer', 'helper')),
  kind VARCHAR(8) NOT NULL CHECK (kind IN ('email', 'phone', 'video')),
  value_sealed VARCHAR(1200) NOT NULL,
  revealed_at_ms BIGINT NOT NULL,
  PRIMARY KEY (request_id, side, kind)
);

-- Report-a-helper, for the operator. The request it came from, if any, may be purged first.
CREATE TABLE helper_report (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  helper_id VARCHAR(32) NOT NULL,
  request_id VARCHAR(32) REFERENCES contact_request (id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  reported_at_ms BIGINT NOT NULL
);
CREATE INDEX helper_report_helper ON helper_report (helper_id);
CREATE INDEX helper_report_time ON helper_report (reported_at_ms);

-- What survives the purge: per-helper counts, the reputation signal. No customer, no text.
CREATE TABLE helper_contact_stats (
  helper_id VARCHAR(32) NOT NULL PRIMARY KEY,
  received INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  fixed INTEGER NOT NULL,
  not_fixed INTEGER NOT NULL,
  gave_up INTEGER NOT NULL,
  reports INTEGER NOT NULL
);

-- Response times (request to the helper's first accept or decline) as a histogram: how many fell
-- into each bucket of minutes. Enough for a median without keeping a single request.
CREATE TABLE helper_response_histogram (
  helper_id VARCHAR(32) NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (helper_id, bucket)
);
