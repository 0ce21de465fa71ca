package io.fixfinder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresStoreIT extends StoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }

  @Override
  String readOnly(String url) {
    return url + "&options=-c%20default_transaction_read_only%3Don";
  }

  @Override
  Database.Kind expectedKind() {
    return Database.Kind.POSTGRESQL;
  }

  @Test
  void theHealthProbeWritesNothing() throws Exception {
    // A lock that holds every writer of instance_secret off: a probe that inserted would wait for
    // it until its query timeout and report the database down.
    try (Connection other = DriverManager.getConnection(url);
        Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      st.execute("LOCK TABLE instance_secret IN SHARE MODE");
      assertThat(db.health()).isEqualTo(new Database.Health(true, Database.Kind.POSTGRESQL));
      other.rollback();
    }
  }

  @Test
  void aPasswordInTheUrlIsNeverLogged() throws Exception {
    // Trust authentication ignores the password; the point is where it might be printed.
    String url = freshUrl() + "&password=pw-must-not-be-logged";
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try (Database withPassword = Database.open(url)) {
      assertThat(withPassword.schemaVersion()).isEqualTo(LATEST);
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).contains("org.flywaydb").doesNotContain("pw-must-not-be-logged");
  }

  @Test
  void unreachableServerFailsFastWithoutTheUrl() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=not-for-logs", 2, 1))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to the postgresql database")
        .hasMessageNotContaining("not-for-logs");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
  }
}
