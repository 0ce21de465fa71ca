package io.fixfinder.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fixfinder.core.config.FixFinderConfig;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A pooled JDBC database with the FixFinder schema, migrated to the latest version when opened.
 *
 * <p>SQLite is the single-machine default: the WAL journal lets readers run beside the one writer,
 * {@code busy_timeout} makes a second writer wait instead of failing, write transactions begin
 * {@code IMMEDIATE} (take the write lock up front, so two read-then-write transactions cannot
 * deadlock) and {@code synchronous=FULL} makes a commit durable before it returns. PostgreSQL is
 * for several API processes sharing one store.
 *
 * <p>Callers write in {@link #transaction} (committed before it returns, rolled back on any
 * exception) and read in {@link #read}. Failures surface as {@link StoreException}.
 */
public final class Database implements AutoCloseable {
  /** Which engine: decides the few places where SQL or setup must differ. */
  public enum Kind {
    SQLITE,
    POSTGRESQL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What {@code /health} reports. */
  public record Health(boolean ok, Kind kind) {}

  private static final int SQLITE_BUSY_TIMEOUT_MS = 5000;

  private final HikariDataSource pool;
  private final Kind kind;
  private final int pingSeconds;

  private Database(HikariDataSource pool, Kind kind, int pingSeconds) {
    this.pool = pool;
    this.kind = kind;
    this.pingSeconds = pingSeconds;
  }

  /** Opens the configured database (SQLite under {@code dataDir} when no URL is set). */
  public static Database open(FixFinderConfig.Database settings, Path dataDir) {
    return open(
        settings.urlFor(dataDir), settings.maxConnections(), settings.connectTimeoutSeconds());
  }

  /** Opens a database with a small pool and a 3 s connect timeout (tests, tools). */
  public static Database open(String url) {
    return open(url, 4, 3);
  }

  /**
   * Opens {@code url}, creating the SQLite file's folder if needed, and migrates the schema.
   *
   * @throws StoreException when the URL is not supported or the database cannot be reached or
   *     migrated; the message names the engine and never carries a credential
   */
  public static Database open(String url, int maxConnections, int connectTimeoutSeconds) {
    JdbcUrl jdbc = JdbcUrl.parse(url);
    Kind kind = kindOf(url);
    HikariConfig config = new HikariConfig();
    config.setPoolName("fixfinder-" + kind.id());
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(Math.min(2, maxConnections));
    config.setConnectionTimeout(connectTimeoutSeconds * 1000L);
    config.setValidationTimeout(Math.max(250, connectTimeoutSeconds * 1000L - 250));
    config.setInitializationFailTimeout(connectTimeoutSeconds * 1000L);
    config.setAutoCommit(true);
    switch (kind) {
      case SQLITE -> config.setDataSource(sqlite(url));
      case POSTGRESQL -> {
        config.setJdbcUrl(jdbc.url());
        jdbc.user().ifPresent(config::setUsername);
        jdbc.password().ifPresent(config::setPassword);
        config.addDataSourceProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        config.addDataSourceProperty("ApplicationName", "fixfinder");
      }
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          jdbc.redact("cannot connect to the " + kind.id() + " database: " + rootMessage(e)),
          jdbc.redact(e));
    }
    Database db = new Database(pool, kind, connectTimeoutSeconds);
    try {
      migrate(pool);
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException(
          jdbc.redact("cannot migrate the " + kind.id() + " database: " + rootMessage(e)),
          jdbc.redact(e));
    }
    return db;
  }

  static Kind kindOf(String url) {
    if (url.startsWith("jdbc:sqlite:")) return Kind.SQLITE;
    if (url.startsWith("jdbc:postgresql:")) return Kind.POSTGRESQL;
    throw new StoreException(
        "only jdbc:sqlite: and jdbc:postgresql: database URLs are supported", null);
  }

  private static DataSource sqlite(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    String path = query >= 0 ? file.substring(0, query) : file;
    if (!path.isEmpty() && !path.startsWith(":") && !path.startsWith("file:")) {
      Path parent = Path.of(path).toAbsolutePath().getParent();
      try {
        if (parent != null) Files.createDirectories(parent);
      } catch (IOException e) {
        throw new StoreException(
            "cannot create the folder of the sqlite database "
                + parent
                + ": "
                + (e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.toString()),
            e);
      }
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
  }

  private static void migrate(DataSource pool) {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .table("schema_history")
        .cleanDisabled(true)
        .failOnMissingLocations(true)
        .loggers("slf4j")
        .load()
        .migrate();
  }

  public Kind kind() {
    return kind;
  }

  /** Runs {@code work} in one transaction, committed before this returns. */
  public <T> T transaction(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(
          kind.id() + " transaction failed: " + JdbcUrl.redactPatterns(e.getMessage()), e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode: for reads. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new StoreException(
          kind.id() + " read failed: " + JdbcUrl.redactPatterns(e.getMessage()), e);
    }
  }

  /**
   * Whether a connection can be had within the connect timeout and the database takes writes. A
   * database that answers reads but refuses writes (a read-only file or connection, a PostgreSQL
   * standby or read-only transaction default) cannot store votes, so it is not healthy.
   *
   * <p>PostgreSQL says so itself, read-only: {@code transaction_read_only} and {@code
   * pg_is_in_recovery()}. SQLite cannot tell a read-only file before a write, so there a row is
   * written in a transaction that is rolled back: it takes the write lock, so callers that may be
   * called at any rate (the API's /health) keep the result for a while.
   */
  public Health health() {
    if (pool.isClosed()) return new Health(false, kind);
    try (Connection c = pool.getConnection()) {
      if (!c.isValid(pingSeconds)) return new Health(false, kind);
      boolean writable =
          switch (kind) {
            case POSTGRESQL -> postgresWritable(c);
            case SQLITE -> sqliteWritable(c);
          };
      return new Health(writable, kind);
    } catch (SQLException | RuntimeException e) {
      return new Health(false, kind);
    }
  }

  private boolean postgresWritable(Connection c) throws SQLException {
    try (var st =
        c.prepareStatement(
            "SELECT current_setting('transaction_read_only') = 'off' AND NOT pg_is_in_recovery()")) {
      st.setQueryTimeout(pingSeconds);
      try (var rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private boolean sqliteWritable(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (var st = c.prepareStatement("INSERT INTO instance_secret (name, secret) VALUES (?, ?)")) {
      st.setQueryTimeout(pingSeconds);
      st.setString(1, "health-probe-" + Long.toHexString(System.nanoTime()));
      st.setString(2, "-");
      st.executeUpdate();
      return true;
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** Whether {@link #close()} was called: known without touching the database. */
  public boolean isClosed() {
    return pool.isClosed();
  }

  /** The schema version Flyway applied last, e.g. "1". */
  public String schemaVersion() {
    return read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "SELECT version FROM schema_history WHERE success = ? AND version IS NOT NULL"
                      + " ORDER BY installed_rank DESC")) {
            st.setMaxRows(1);
            st.setBoolean(1, true);
            try (var rs = st.executeQuery()) {
              return rs.next() ? rs.getString(1) : "0";
            }
          }
        });
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    if (m == null) return t.getClass().getSimpleName();
    return t instanceof UnknownHostException ? "unknown host " + m : m;
  }

  @Override
  public void close() {
    pool.close();
  }
}
