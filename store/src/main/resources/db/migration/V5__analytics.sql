-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
--
-- What companies' customers search for and struggle with (issue 16, the dashboard): counters per
-- tenant and UTC day, added to in place (UPSERT), never a row per request. No table here holds an
-- address, a key, a user agent or a time finer than the day: a count cannot be traced to a person.
-- Days are ISO dates ('2026-03-01'), which sort and compare as text on both engines.

-- Every search made with one of the tenant's keys, whatever its text: the charts' totals. Issue
-- opens (GET /api/issues/{id} with the key) are the click signal.
CREATE TABLE analytics_day (
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  day CHAR(10) NOT NULL,
  searches BIGINT NOT NULL,
  unanswered BIGINT NOT NULL,
  issue_opens BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, day)
);

-- A normalised query's searches on one day. A text that looks like personal data (an email
-- address, a phone number, a long run of digits) never gets here; a text searched fewer than the
-- minimum count (dashboard.minQueryCount) on a day is deleted once the day is over, and every text
-- after dashboard.queryRetentionDays.
CREATE TABLE analytics_query_day (
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  day CHAR(10) NOT NULL,
  query VARCHAR(200) NOT NULL,
  searches BIGINT NOT NULL,
  unanswered BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, day, query)
);

-- An issue cluster's day for the tenant: how many searches showed it as an issue group, how often
-- it was opened, and the "did this fix it?" votes cast with the tenant's keys.
CREATE TABLE analytics_issue_day (
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  day CHAR(10) NOT NULL,
  issue_id VARCHAR(64) NOT NULL,
  shown BIGINT NOT NULL,
  opened BIGINT NOT NULL,
  votes_yes BIGINT NOT NULL,
  votes_no BIGINT NOT NULL,
  votes_partly BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, day, issue_id)
);

-- A company admin's signed-in dashboard (they pasted the tenant's secret key once): only the
-- SHA-256 of the session token and of its CSRF token, so a copy of the table signs nobody in.
CREATE TABLE dashboard_session (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  csrf_hash CHAR(64) NOT NULL,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX dashboard_session_expiry ON dashboard_session (expires_at_ms);
