-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
--
-- Companies that embed FixFinder (issue 16): a tenant is a scope (brands and products), the browser
-- origins its publishable key may be used from, and its own rate limit and daily quota. Keys are
-- never stored: only their HMAC-SHA-256 under a key derived from the installation's secret key
-- (FIXFINDER_SECRET_KEY or secret.key), so a copy of the database gives no usable key.
CREATE TABLE tenant (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  -- one value per line: brand names as the lexicon spells them, product ids, origins
  brands TEXT NOT NULL,
  products TEXT NOT NULL,
  origins TEXT NOT NULL,
  rate_limit_per_minute INTEGER NOT NULL,
  daily_quota INTEGER NOT NULL,
  created_at_ms BIGINT NOT NULL,
  -- set by `tenant revoke`: every key of the tenant is refused from then on
  revoked_at_ms BIGINT
);

-- A key of a tenant, by the keyed hash of the key: 'publishable' (pk_..., for browsers, bound to
-- the tenant's origins) or 'secret' (sk_..., server to server, refused from any browser origin).
-- A rotated key keeps working until expires_at_ms (the grace period); a current key has none.
CREATE TABLE tenant_key (
  key_hash CHAR(64) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  kind VARCHAR(12) NOT NULL CHECK (kind IN ('publishable', 'secret')),
  created_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT
);
CREATE INDEX tenant_key_tenant ON tenant_key (tenant_id);
