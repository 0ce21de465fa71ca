package io.fixfinder.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.crypto.SecretBox;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the account and helper contracts share: a fresh migrated database per test (a subclass says
 * which engine), a secret box, a clock the test moves, and SQL-level inspection of every table.
 */
public abstract class AccountsTestBase {
  /** A cheap Argon2 cost: the contracts test the flows, {@link PasswordHasherTest} the hashing. */
  public static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));

  public static final String PASSWORD = "a long enough passphrase";

  /** A URL of an empty database for the current test. */
  protected abstract String freshUrl() throws Exception;

  protected String url;
  protected Database db;
  protected SecretBox box;
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  protected AccountStore accounts;

  @BeforeEach
  protected void openAccounts() throws Exception {
    url = freshUrl();
    db = Database.open(url);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    box = new SecretBox(key);
    accounts = new AccountStore(db, box, CHEAP, AccountPolicy.defaults(), clock);
  }

  @AfterEach
  protected void closeAccounts() {
    db.close();
  }

  /** Registers, verifies and logs in a helper; their session. */
  protected NewSession verifiedHelper(String email, String name) {
    var created = (Registration.NewAccount) accounts.register(email, PASSWORD, name);
    assertThat(accounts.verifyEmail(created.verificationToken()))
        .isEqualTo(new TokenUse.Done(created.helperId()));
    return loggedIn(email);
  }

  protected NewSession loggedIn(String email) {
    LoginResult r = accounts.login(email, PASSWORD, "192.0.2.10");
    assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
    return ((LoginResult.LoggedIn) r).session();
  }

  protected long count(String sql, Object... args) {
    return db.read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1), args).orElseThrow());
  }

  /** One cell of some table: where it is and what it holds (as text). */
  public record Cell(String table, String column, String value) {}

  /** Every non-null cell of every table of the schema, Flyway's history excepted. */
  protected List<Cell> allCells() {
    return db.read(
        c -> {
          List<Cell> out = new ArrayList<>();
          for (String table : tables(c)) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
              int n = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                  String v = rs.getString(i);
                  if (v != null) out.add(new Cell(table, rs.getMetaData().getColumnName(i), v));
                }
              }
            }
          }
          return out;
        });
  }

  private static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> out = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.equalsIgnoreCase("schema_history") && !name.startsWith("sqlite_")) {
          out.add(name);
        }
      }
    }
    assertThat(out).as("the scan sees the helper tables").contains("helper", "helper_channel");
    return out;
  }
}
