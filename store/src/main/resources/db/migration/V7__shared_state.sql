-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Never edit a released script; add V<n+1>.
--
-- Several API processes over one database (issue 17): what one of them or an `index` run changes
-- reaches the others through a change feed, and the issue clusters an `index --backend opensearch`
-- run builds are published here for every server, whatever machine it runs on.

-- The change feed. Every change takes the next number from change_counter in the transaction that
-- makes the change: the UPDATE holds the counter's row lock until commit, so numbers are committed
-- in order and without gaps, and a reader that has seen number n has seen every change up to n. A
-- reader whose next number is missing knows the rows it needed were pruned and reloads everything.
CREATE TABLE change_counter (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL
);
INSERT INTO change_counter (id, last_seq) VALUES (1, 0);

-- topic: 'vote' (subject: the item key), 'clusters' (subject: the published generation), 'index'
-- (subject: the OpenSearch index just made the served one). Rows older than an hour are pruned.
CREATE TABLE change_log (
  seq BIGINT NOT NULL PRIMARY KEY,
  topic VARCHAR(16) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX change_log_at ON change_log (at_ms);

-- Published issue-cluster generations: the committed cluster file of the indexer (ClusterFile: its
-- own magic, format version and checksum) cut into parts of at most 4 MiB, so a large one is
-- neither one giant value nor one giant allocation. The newest generation is the one served; the
-- one before is kept for a server still reading it.
CREATE TABLE issue_cluster_generation (
  generation BIGINT NOT NULL PRIMARY KEY,
  -- the generation this one was built from (0: none), so two index runs cannot both publish on it
  based_on BIGINT NOT NULL,
  size_bytes BIGINT NOT NULL,
  parts INTEGER NOT NULL,
  sha256 CHAR(64) NOT NULL,
  -- the OpenSearch index the clusters were built beside (for the operator; '' when unknown)
  index_name VARCHAR(200) NOT NULL,
  published_at_ms BIGINT NOT NULL
);

-- The generation served. Publishing moves it with a compare-and-set (UPDATE ... WHERE generation =
-- the one the run started from) before anything else: the row lock makes a second publisher wait,
-- and it then finds the head moved and is refused, on both engines.
CREATE TABLE issue_cluster_head (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO issue_cluster_head (id, generation) VALUES (1, 0);

-- BYTEA is PostgreSQL's binary type; SQLite keeps a bound byte array as a BLOB under any type name.
CREATE TABLE issue_cluster_part (
  generation BIGINT NOT NULL,
  part INTEGER NOT NULL,
  content BYTEA NOT NULL,
  PRIMARY KEY (generation, part)
);
