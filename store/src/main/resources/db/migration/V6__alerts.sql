-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
--
-- Alerts on emerging issues (issue 16, the dashboard): where a tenant wants to hear that one of its
-- issues is growing, and which alerts were sent. The webhook URL, the email address and the
-- webhook's signing secret are sealed (AES-GCM under the installation's key, bound to the tenant),
-- so a copy of the table gives neither a company's endpoint nor a way to forge its alerts.
CREATE TABLE alert_settings (
  tenant_id VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
  -- sealed, or '' when the tenant has none
  webhook_url TEXT NOT NULL,
  email TEXT NOT NULL,
  signing_secret TEXT NOT NULL,
  -- an emerging issue alerts when its growth (recent share over baseline share) reaches this
  min_growth DOUBLE PRECISION NOT NULL,
  updated_at_ms BIGINT NOT NULL
);

-- One row per alert: whichever API process inserts it first sends it, the others see the conflict
-- and send nothing. window_end is the UTC day whose 7-day window flagged the issue; outcome is
-- 'claimed' until the sender records 'sent' or 'failed'.
CREATE TABLE alert_claim (
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  issue_id VARCHAR(64) NOT NULL,
  window_end CHAR(10) NOT NULL,
  claimed_at_ms BIGINT NOT NULL,
  outcome VARCHAR(12) NOT NULL,
  PRIMARY KEY (tenant_id, issue_id, window_end)
);
