package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} runs the contact purge: a request idle past {@code contact.retentionDays} that is
 * in the database when the server starts is gone (with its message) shortly after, a fresh one
 * stays.
 */
class ServePurgesContactIT {
  @TempDir Path dir;

  @Test
  void serveDeletesExpiredRequestsOnItsSchedule() throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("fixfinder.yaml");
    Files.writeString(config, "contact:\n  retentionDays: 1\n  purgeEveryMinutes: 1\n");
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.of(config), Map.of()).withDataDir(data).withPort(0);
    DataLayout layout = new DataLayout(data);
    try (RecordLog log = RecordLog.openForAppend(layout.records())) {
      for (int i = 0; i < 3; i++) log.put(ServeWhileIndexingIT.doc(i));
    }
    String[] index = {"index", "--data", data.toString(), "--config", config.toString()};
    assertThat(Main.run(index)).isZero();

    String url = "jdbc:sqlite:" + data.resolve("fixfinder.db");
    long now = System.currentTimeMillis();
    try (Database db = Database.open(url)) {
      // migrated; the rows below are written as the store would, without the key
    }
    try (Connection c = DriverManager.getConnection(url)) {
      insert(c, "0000000000000000000000000000000a", now - 3L * 24 * 3600 * 1000);
      insert(c, "0000000000000000000000000000000b", now);
    }

    try (Serving.Running served = Serving.start(cfg)) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (count(url, "0000000000000000000000000000000a") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(count(url, "0000000000000000000000000000000a")).as("expired").isZero();
      assertThat(count(url, "0000000000000000000000000000000b"))
          .as("fresh: request and message")
          .isEqualTo(2);
    }
  }

  private static void insert(Connection c, String id, long at) throws Exception {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO contact_request (id, helper_id, issue_id, customer_email_sealed,"
                + " capability_hash, status, message_count, created_at_ms, last_activity_at_ms)"
                + " VALUES (?, 'h1', 'none', 'sealed', ?, 'open', 1, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, "0".repeat(64));
      st.setLong(3, at);
      st.setLong(4, at);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO contact_message (request_id, seq, side, body, sent_at_ms)"
                + " VALUES (?, 1, 'customer', 'hello', ?)")) {
      st.setString(1, id);
      st.setLong(2, at);
      st.executeUpdate();
    }
  }

  private static long count(String url, String id) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM contact_request WHERE id = ?)"
                    + " + (SELECT COUNT(*) FROM contact_message WHERE request_id = ?)")) {
      st.setString(1, id);
      st.setString(2, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
