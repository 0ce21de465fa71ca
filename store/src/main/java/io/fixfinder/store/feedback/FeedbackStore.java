package io.fixfinder.store.feedback;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.feedback.TallySnapshot;
import io.fixfinder.store.Database;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Records "did this fix it?" votes and serves their tallies from memory.
 *
 * <p>A client is identified only by {@code HMAC-SHA256(secret, day + client key)}: the installation
 * secret lives in the database (shared by all API processes), and because the day is part of the
 * input the same client's hashes on two days cannot be linked without it. A vote is an upsert on
 * (item, client hash, day), so a second vote the same UTC day replaces the first.
 *
 * <p>{@link #tally} never touches the database: the snapshot is loaded when the store opens and
 * updated after each committed vote. Each vote is also a change on the store's {@link ChangeFeed},
 * in the vote's transaction: other processes sharing the database {@link #refresh} the items they
 * see there, and {@link #reload() reload} everything when they missed some.
 */
public final class FeedbackStore implements FeedbackSignals, io.fixfinder.core.feedback.AllTallies {
  private static final String SECRET_NAME = "feedback-client-hmac";

  /** The outcome of a vote: the item's tally after it, and the answer recorded for the caller. */
  public record Vote(FeedbackItem item, Tally tally, Answer yourAnswer) {}

  private final Database db;
  private final Clock clock;
  private final byte[] secret;
  private final TallySnapshot snapshot = new TallySnapshot();
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public FeedbackStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    this.secret = HexFormat.of().parseHex(db.transaction(FeedbackStore::secret));
    reload();
  }

  /** Records (or replaces today's) vote of {@code clientKey} on {@code item}; durable on return. */
  public Vote vote(FeedbackItem item, Answer answer, String clientKey) {
    long day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
    String hash = clientHash(day, clientKey);
    String key = item.key();
    // The write and the snapshot update happen under the item's lock: otherwise two votes could
    // commit in one order and update the snapshot in the other, leaving an older tally in memory.
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
    lock.lock();
    try {
      Tally tally =
          db.transaction(
              c -> {
                try (PreparedStatement st =
                    c.prepareStatement(
                        "INSERT INTO feedback_vote (item, client_hash, epoch_day, answer, voted_at_ms)"
                            + " VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (item, client_hash, epoch_day)"
                            + " DO UPDATE SET answer = excluded.answer,"
                            + " voted_at_ms = excluded.voted_at_ms")) {
                  st.setString(1, key);
                  st.setString(2, hash);
                  st.setLong(3, day);
                  st.setString(4, answer.wire());
                  st.setLong(5, clock.millis());
                  st.executeUpdate();
                }
                Tally after = tallyOf(c, key);
                // other API processes re-read this item's tally when they see the change; last,
                // so the feed's counter lock is held only until the commit
                ChangeFeed.append(c, Topic.VOTE, key, clock);
                return after;
              });
      snapshot.put(key, tally);
      return new Vote(item, tally, answer);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The answers {@code clientKey} gave today, by item key: what a page shows as "your answer". Only
   * today's: the hash changes with the day by design, so yesterday's votes are nobody's.
   */
  public Map<String, Answer> answersToday(String clientKey) {
    long day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
    String hash = clientHash(day, clientKey);
    return db.read(
        c -> {
          Map<String, Answer> out = new HashMap<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT item, answer FROM feedback_vote WHERE client_hash = ? AND epoch_day = ?")) {
            st.setString(1, hash);
            st.setLong(2, day);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                String item = rs.getString(1);
                Answer.fromWire(rs.getString(2)).ifPresent(a -> out.put(item, a));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Tally tally(String item) {
    return snapshot.tally(item);
  }

  /**
   * Reads every tally from the database into memory (at open, and to see other processes). Votes of
   * this process wait meanwhile, so that none is overwritten by the older reading.
   */
  public void reload() {
    for (ReentrantLock lock : stripes) lock.lock();
    try {
      snapshot.replaceAll(db.read(FeedbackStore::allTallies));
    } finally {
      for (ReentrantLock lock : stripes) lock.unlock();
    }
  }

  /**
   * Reads the tallies of {@code items} again (votes other processes took, seen on the change feed);
   * each item's votes in this process wait meanwhile, as in {@link #reload}.
   */
  public void refresh(Collection<String> items) {
    List<String> keys = new ArrayList<>(new TreeSet<>(items));
    if (keys.isEmpty()) return;
    // the stripes in index order: two refreshes never wait on each other in a cycle
    TreeSet<Integer> held = new TreeSet<>();
    for (String key : keys) held.add(Math.floorMod(key.hashCode(), stripes.length));
    for (int i : held) stripes[i].lock();
    try {
      for (int from = 0; from < keys.size(); from += REFRESH_BATCH) {
        List<String> batch = keys.subList(from, Math.min(keys.size(), from + REFRESH_BATCH));
        Map<String, Tally> read = db.read(c -> talliesOf(c, batch));
        for (String key : batch) snapshot.put(key, read.getOrDefault(key, Tally.NONE));
      }
    } finally {
      for (int i : held.descendingSet()) stripes[i].unlock();
    }
  }

  /** Items per query of {@link #refresh}: well under every engine's limit on bound parameters. */
  private static final int REFRESH_BATCH = 200;

  private static Map<String, Tally> talliesOf(Connection c, List<String> items)
      throws SQLException {
    Map<String, long[]> counts = new HashMap<>();
    String marks = String.join(", ", java.util.Collections.nCopies(items.size(), "?"));
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT item, answer, COUNT(*) FROM feedback_vote WHERE item IN ("
                + marks
                + ") GROUP BY item, answer")) {
      for (int i = 0; i < items.size(); i++) st.setString(i + 1, items.get(i));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) add(counts, rs.getString(1), rs.getString(2), rs.getLong(3));
      }
    }
    Map<String, Tally> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, new Tally(v[0], v[1], v[2])));
    return out;
  }

  private static Map<String, Tally> allTallies(Connection c) throws SQLException {
    Map<String, long[]> counts = new HashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT item, answer, COUNT(*) FROM feedback_vote GROUP BY item, answer");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) add(counts, rs.getString(1), rs.getString(2), rs.getLong(3));
    }
    Map<String, Tally> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, new Tally(v[0], v[1], v[2])));
    return out;
  }

  /** Every voted item's tally, from memory (the leaderboards sum them per brand and model). */
  @Override
  public void forEach(java.util.function.BiConsumer<String, Tally> action) {
    snapshot.forEach(action);
  }

  /** Items with at least one vote. */
  public int votedItems() {
    return snapshot.size();
  }

  private static Tally tallyOf(Connection c, String item) throws SQLException {
    Map<String, long[]> counts = new HashMap<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT answer, COUNT(*) FROM feedback_vote WHERE item = ? GROUP BY answer")) {
      st.setString(1, item);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) add(counts, item, rs.getString(1), rs.getLong(2));
      }
    }
    long[] v = counts.getOrDefault(item, new long[3]);
    return new Tally(v[0], v[1], v[2]);
  }

  private static void add(Map<String, long[]> counts, String item, String answer, long n) {
    Answer a =
        Answer.fromWire(answer)
            .orElseThrow(() -> new IllegalStateException("unknown answer in the database"));
    counts.computeIfAbsent(item, k -> new long[3])[a.ordinal()] += n;
  }

  private String clientHash(long day, String clientKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(Long.toString(day).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return HexFormat.of().formatHex(mac.doFinal(clientKey.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The installation's HMAC key: created once (first writer wins), then read by everyone. */
  private static String secret(Connection c) throws SQLException {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO instance_secret (name, secret) VALUES (?, ?)"
                + " ON CONFLICT (name) DO NOTHING")) {
      st.setString(1, SECRET_NAME);
      st.setString(2, HexFormat.of().formatHex(fresh));
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement("SELECT secret FROM instance_secret WHERE name = ?")) {
      st.setString(1, SECRET_NAME);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) throw new SQLException("instance secret missing after insert");
        return rs.getString(1);
      }
    }
  }
}
