package io.fixfinder.store.changes;

import io.fixfinder.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's change feed: how API processes sharing one database learn within a poll what the
 * others (and {@code index} runs) changed, without a message broker.
 *
 * <p>Writers {@link #append} a change inside the transaction that makes it, so the change is in the
 * feed exactly when it is committed. Its number comes from one counter row that the append updates:
 * the row lock is held until commit, so numbers commit in order and without gaps (a rolled-back
 * transaction gives its number back). A reader {@link Cursor#poll() polls} for the numbers past the
 * last one it saw; an empty answer is one index lookup, so polling every second costs the database
 * next to nothing. Rows older than {@link #RETENTION} are pruned by the writers now and then; a
 * reader that was away longer finds its next number missing and is told to reload everything
 * ({@link Polled.Missed}).
 *
 * <p>Why not PostgreSQL's {@code LISTEN/NOTIFY}: it needs a connection held open per process, says
 * nothing about what was sent while that connection was down, and does not exist on SQLite, where
 * several {@code serve} processes on one machine share one file. Polling one indexed table works
 * the same on both and cannot lose a change.
 */
public final class ChangeFeed {
  /** How long changes stay in the feed: a reader away longer reloads everything. */
  public static final Duration RETENTION = Duration.ofHours(1);

  /** Changes read per poll at most; the rest come with the next poll. */
  static final int PAGE = 1000;

  /** Writers prune once in this many appends (pruning is a range delete on an index). */
  static final int PRUNE_EVERY = 256;

  private final Database db;

  public ChangeFeed(Database db) {
    this.db = db;
  }

  /**
   * Appends a change in the caller's transaction ({@code c} with auto-commit off): it becomes
   * visible to readers when that transaction commits, and concurrent appends wait for it.
   *
   * @return the change's number
   */
  public static long append(Connection c, Topic topic, String subject, Clock clock)
      throws SQLException {
    if (c.getAutoCommit())
      throw new IllegalStateException("append a change inside the transaction that makes it");
    try (PreparedStatement st =
        c.prepareStatement("UPDATE change_counter SET last_seq = last_seq + 1 WHERE id = 1")) {
      if (st.executeUpdate() != 1) throw new SQLException("the change counter row is missing");
    }
    long seq;
    try (PreparedStatement st = c.prepareStatement("SELECT last_seq FROM change_counter");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    long now = clock.millis();
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO change_log (seq, topic, subject, at_ms) VALUES (?, ?, ?, ?)")) {
      st.setLong(1, seq);
      st.setString(2, topic.wire());
      st.setString(3, subject);
      st.setLong(4, now);
      st.executeUpdate();
    }
    if (seq % PRUNE_EVERY == 0) {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM change_log WHERE at_ms < ?")) {
        st.setLong(1, now - RETENTION.toMillis());
        st.executeUpdate();
      }
    }
    return seq;
  }

  /**
   * {@link #append(Connection, Topic, String, Clock)} on the system clock, for writers without a
   * clock of their own (the clock only dates the row for pruning).
   */
  public static long append(Connection c, Topic topic, String subject) throws SQLException {
    return append(c, topic, subject, Clock.systemUTC());
  }

  /** The number of the last committed change (0 before the first). */
  public long head() {
    return db.read(ChangeFeed::head);
  }

  private static long head(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT last_seq FROM change_counter");
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * A reader positioned after the last committed change: it sees every change committed from now
   * on. Take it before loading what it keeps current, so nothing falls between the load and the
   * first poll (a change seen twice is harmless: applying one is idempotent).
   */
  public Cursor fromNow() {
    return new Cursor(head());
  }

  /** What one poll found. */
  public sealed interface Polled {
    /** The changes past the cursor, in order (empty: nothing changed). */
    record Changes(List<Change> changes) implements Polled {
      public Changes {
        changes = List.copyOf(changes);
      }
    }

    /**
     * Changes were pruned before this reader read them: whatever it keeps from the store must be
     * read again whole. The cursor has moved to {@code head}.
     */
    record Missed(long head) implements Polled {}
  }

  /** One reader's position in the feed; not thread-safe (one poller owns it). */
  public final class Cursor {
    private long seen;

    private Cursor(long seen) {
      this.seen = seen;
    }

    /** The number of the last change this cursor returned. */
    public long seen() {
      return seen;
    }

    /**
     * The changes committed since the last poll, at most {@value ChangeFeed#PAGE}; throws {@link
     * io.fixfinder.store.StoreException} when the database does not answer (the cursor stays).
     */
    public Polled poll() {
      long after = seen;
      return db.read(
          c -> {
            // the head first: every number up to it was committed before the rows are read, so
            // each must be there unless it was pruned
            long head = head(c);
            if (head <= after) return new Polled.Changes(List.of());
            List<Change> out = new ArrayList<>();
            long last = after;
            try (PreparedStatement st =
                c.prepareStatement(
                    "SELECT seq, topic, subject FROM change_log WHERE seq > ? ORDER BY seq LIMIT "
                        + PAGE)) {
              st.setLong(1, after);
              try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                  long seq = rs.getLong(1);
                  if (seq != last + 1) return missed(head);
                  String topic = rs.getString(2);
                  String subject = rs.getString(3);
                  last = seq;
                  // a topic a newer version writes is skipped, not an error
                  Topic.fromWire(topic).ifPresent(t -> out.add(new Change(seq, t, subject)));
                }
              }
            }
            if (last == after) return missed(head);
            seen = last;
            return new Polled.Changes(out);
          });
    }

    private Polled missed(long head) {
      seen = head;
      return new Polled.Missed(head);
    }
  }
}
