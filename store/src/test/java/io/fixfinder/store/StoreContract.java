package io.fixfinder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.store.feedback.FeedbackStore;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every engine must do, run on each: a subclass says how to open a fresh database. Each test
 * starts on an empty, migrated schema.
 */
abstract class StoreContract {
  /** A URL of an empty database (a new file or a new schema) for the current test. */
  abstract String freshUrl() throws Exception;

  abstract Database.Kind expectedKind();

  /** {@code url} opened so that the database answers reads and refuses every write. */
  abstract String readOnly(String url);

  /**
   * The highest migration: V2 (accounts) and V3 (contact) are reserved numbers, so this holds with
   * either or both present.
   */
  static final String LATEST_SCHEMA = "3";

  String url;
  Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T23:50:00Z"));

  @BeforeEach
  void open() throws Exception {
    url = freshUrl();
    db = Database.open(url);
  }

  @AfterEach
  void closeDb() {
    db.close();
  }

  @Test
  void opensMigratedAndHealthy() {
    assertThat(db.kind()).isEqualTo(expectedKind());
    assertThat(db.schemaVersion()).isEqualTo(LATEST_SCHEMA);
    assertThat(db.health()).isEqualTo(new Database.Health(true, expectedKind()));
  }

  @Test
  void reopeningMigratesNothingTwice() {
    long before = count("SELECT COUNT(*) FROM schema_history");
    try (Database again = Database.open(url)) {
      assertThat(again.schemaVersion()).isEqualTo(LATEST_SCHEMA);
      Integer migrations =
          again.read(
              c -> {
                try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_history")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(migrations.longValue()).isEqualTo(before);
    }
  }

  @Test
  void closedDatabaseIsReportedDown() {
    db.close();
    assertThat(db.health()).isEqualTo(new Database.Health(false, expectedKind()));
  }

  @Test
  void aDatabaseThatRefusesWritesIsReportedDown() {
    try (Database readOnly = Database.open(readOnly(url))) {
      assertThat(readOnly.schemaVersion()).as("reads work").isEqualTo(db.schemaVersion());
      assertThat(readOnly.health()).isEqualTo(new Database.Health(false, expectedKind()));
    }
    assertThat(db.health())
        .as("the probe left nothing behind")
        .isEqualTo(new Database.Health(true, expectedKind()));
    assertThat(count("SELECT COUNT(*) FROM instance_secret WHERE name LIKE 'health-probe%'"))
        .isZero();
  }

  @Test
  void failedTransactionLeavesNothingBehind() {
    assertThatThrownBy(
            () ->
                db.transaction(
                    c -> {
                      c.createStatement()
                          .executeUpdate(
                              "INSERT INTO instance_secret (name, secret) VALUES ('t', 'x')");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(count("SELECT COUNT(*) FROM instance_secret WHERE name = 't'")).isZero();
  }

  @Test
  void sqlErrorsAreStoreExceptions() {
    assertThatThrownBy(() -> db.read(c -> c.createStatement().executeQuery("SELECT nope FROM x")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(expectedKind().id() + " read failed");
  }

  @Test
  void aSecondVoteTheSameDayReplacesTheFirst() {
    FeedbackStore feedback = new FeedbackStore(db, clock);
    FeedbackItem doc = FeedbackItem.doc("d1");
    FeedbackStore.Vote first = feedback.vote(doc, Answer.NO, "203.0.113.7");
    assertThat(first.tally()).isEqualTo(new Tally(0, 1, 0));
    FeedbackStore.Vote second = feedback.vote(doc, Answer.YES, "203.0.113.7");
    assertThat(second.tally()).isEqualTo(new Tally(1, 0, 0));
    assertThat(second.yourAnswer()).isEqualTo(Answer.YES);
    assertThat(feedback.tally("doc:d1")).isEqualTo(new Tally(1, 0, 0));
    assertThat(count("SELECT COUNT(*) FROM feedback_vote")).isEqualTo(1);
  }

  @Test
  void otherClientsAndOtherDaysCountSeparately() {
    FeedbackStore feedback = new FeedbackStore(db, clock);
    FeedbackItem issue = FeedbackItem.issue("iss-7");
    feedback.vote(issue, Answer.YES, "203.0.113.7");
    feedback.vote(issue, Answer.PARTLY, "198.51.100.1|company-key");
    clock.advance(Duration.ofMinutes(20)); // past midnight UTC: a new day
    Tally tally = feedback.vote(issue, Answer.NO, "203.0.113.7").tally();
    assertThat(tally).isEqualTo(new Tally(1, 1, 1));
    assertThat(feedback.tally("issue:iss-7")).isEqualTo(tally);
    assertThat(feedback.tally("doc:d1")).isEqualTo(Tally.NONE);
  }

  @Test
  void onlyASaltedHashOfTheClientIsStored() {
    new FeedbackStore(db, clock).vote(FeedbackItem.doc("d1"), Answer.YES, "203.0.113.7");
    List<String> rows =
        db.read(
            c -> {
              List<String> out = new ArrayList<>();
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT item, client_hash, epoch_day, answer, voted_at_ms"
                              + " FROM feedback_vote")) {
                while (rs.next()) {
                  for (int i = 1; i <= 5; i++) out.add(rs.getString(i));
                }
              }
              return out;
            });
    assertThat(rows).hasSize(5).noneMatch(v -> v.contains("203.0.113"));
    assertThat(rows.get(1)).matches("[0-9a-f]{64}");
    assertThat(rows.get(2)).isEqualTo(Long.toString(20513)); // 2026-03-01
    // Not a plain hash of the address: that could be reversed by hashing all IPv4 addresses.
    assertThat(rows.get(1))
        .isNotEqualTo(io.fixfinder.core.io.Hashes.sha256Hex("203.0.113.7"))
        .isNotEqualTo(io.fixfinder.core.io.Hashes.sha256Hex("20513\n203.0.113.7"));
  }

  @Test
  void votesAreDurableAndSharedByEveryProcess() {
    new FeedbackStore(db, clock).vote(FeedbackItem.doc("d1"), Answer.PARTLY, "a");
    try (Database other = Database.open(url)) {
      FeedbackStore second = new FeedbackStore(other, clock);
      assertThat(second.tally("doc:d1")).isEqualTo(new Tally(0, 0, 1));
      // The same client through another process: same hash, so still one vote.
      assertThat(second.vote(FeedbackItem.doc("d1"), Answer.NO, "a").tally())
          .isEqualTo(new Tally(0, 1, 0));
    }
  }

  @Test
  void reloadSeesWritesOfOtherProcesses() {
    FeedbackStore first = new FeedbackStore(db, clock);
    try (Database other = Database.open(url)) {
      new FeedbackStore(other, clock).vote(FeedbackItem.doc("d2"), Answer.YES, "b");
    }
    assertThat(first.tally("doc:d2")).isEqualTo(Tally.NONE);
    first.reload();
    assertThat(first.tally("doc:d2")).isEqualTo(new Tally(1, 0, 0));
    assertThat(first.votedItems()).isEqualTo(1);
  }

  @Test
  void concurrentVotesAreAllCountedAndTheSnapshotEndsCurrent() throws Exception {
    FeedbackStore feedback = new FeedbackStore(db, clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String item = "hot" + round;
        List<Future<?>> futures = new ArrayList<>();
        for (int client = 0; client < 40; client++) {
          String key = "10.0.0." + client;
          Answer answer = Answer.values()[client % 3];
          futures.add(pool.submit(() -> feedback.vote(FeedbackItem.doc(item), answer, key)));
          // the same client again: must not add a vote
          futures.add(pool.submit(() -> feedback.vote(FeedbackItem.doc(item), answer, key)));
          if (client % 10 == 0) futures.add(pool.submit(feedback::reload));
        }
        for (Future<?> f : futures) f.get();
        assertThat(feedback.tally("doc:" + item)).as(item).isEqualTo(new Tally(14, 13, 13));
      }
    } finally {
      pool.shutdown();
    }
    feedback.reload();
    assertThat(feedback.tally("doc:hot4")).isEqualTo(new Tally(14, 13, 13));
    assertThat(feedback.votedItems()).isEqualTo(5);
  }

  private long count(String sql) {
    return db.read(
        c -> {
          try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
