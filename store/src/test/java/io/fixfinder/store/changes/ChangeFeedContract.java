package io.fixfinder.store.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.feedback.FeedbackStore;
import java.sql.PreparedStatement;
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
 * What the change feed must do on every engine: two handles on one database stand for two API
 * processes. Changes come out in commit order, numbered without gaps, exactly once; a vote on one
 * reaches the other's tallies through the feed; a reader that was away past the pruning is told to
 * reload everything.
 */
abstract class ChangeFeedContract {
  abstract String freshUrl() throws Exception;

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  Database first;
  Database second;

  @BeforeEach
  void open() throws Exception {
    String url = freshUrl();
    first = Database.open(url);
    second = Database.open(url);
  }

  @AfterEach
  void close() {
    if (second != null) second.close();
    if (first != null) first.close();
  }

  private long append(Database db, Topic topic, String subject) {
    return db.transaction(c -> ChangeFeed.append(c, topic, subject, clock));
  }

  private static List<Change> changes(ChangeFeed.Polled polled) {
    assertThat(polled).isInstanceOf(ChangeFeed.Polled.Changes.class);
    return ((ChangeFeed.Polled.Changes) polled).changes();
  }

  @Test
  void aCursorSeesWhatIsCommittedAfterItWasTakenInOrder() {
    append(first, Topic.VOTE, "doc:before");
    ChangeFeed.Cursor cursor = new ChangeFeed(second).fromNow();
    assertThat(changes(cursor.poll())).isEmpty();

    append(first, Topic.VOTE, "doc:a");
    append(first, Topic.CLUSTERS, "3");
    append(second, Topic.INDEX, "fixfinder-7");

    assertThat(changes(cursor.poll()))
        .containsExactly(
            new Change(2, Topic.VOTE, "doc:a"),
            new Change(3, Topic.CLUSTERS, "3"),
            new Change(4, Topic.INDEX, "fixfinder-7"));
    assertThat(changes(cursor.poll())).as("each change once").isEmpty();
    assertThat(cursor.seen()).isEqualTo(4);
  }

  @Test
  void aRolledBackChangeIsNeitherSeenNorLeavesAGap() {
    ChangeFeed.Cursor cursor = new ChangeFeed(first).fromNow();
    assertThatThrownBy(
            () ->
                first.transaction(
                    c -> {
                      ChangeFeed.append(c, Topic.VOTE, "doc:gone", clock);
                      throw new IllegalStateException("the change's own work failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    append(second, Topic.VOTE, "doc:kept");
    assertThat(changes(cursor.poll())).containsExactly(new Change(1, Topic.VOTE, "doc:kept"));
  }

  @Test
  void concurrentWritersOnTwoHandlesAreNumberedWithoutGapsAndReadExactlyOnce() throws Exception {
    ChangeFeed.Cursor cursor = new ChangeFeed(first).fromNow();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Long>> futures = new ArrayList<>();
    int writers = 6;
    int each = 40;
    for (int w = 0; w < writers; w++) {
      Database db = w % 2 == 0 ? first : second;
      for (int i = 0; i < each; i++) {
        String subject = "doc:w" + w + "-" + i;
        futures.add(pool.submit(() -> append(db, Topic.VOTE, subject)));
      }
    }
    // a reader polling while the writers run: what it sees is always a gapless prefix
    List<Change> seen = new ArrayList<>();
    while (seen.size() < writers * each) {
      ChangeFeed.Polled polled = cursor.poll();
      seen.addAll(changes(polled));
    }
    for (Future<Long> f : futures) f.get();
    pool.shutdown();
    for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i).seq()).isEqualTo(i + 1L);
    assertThat(seen.stream().map(Change::subject).distinct().count()).isEqualTo(writers * each);
    assertThat(changes(cursor.poll())).isEmpty();
  }

  @Test
  void aReaderAwayLongerThanTheRetentionIsToldToReloadEverything() {
    ChangeFeed.Cursor away = new ChangeFeed(second).fromNow();
    for (int i = 1; i < ChangeFeed.PRUNE_EVERY; i++) append(first, Topic.VOTE, "doc:" + i);
    ChangeFeed.Cursor recent = new ChangeFeed(second).fromNow();
    clock.advance(ChangeFeed.RETENTION.plus(Duration.ofMinutes(1)));
    // this append's number is a multiple of PRUNE_EVERY: it prunes the rows before it
    append(first, Topic.VOTE, "doc:last");

    assertThat(recent.poll())
        .as("a reader that kept up loses nothing")
        .isEqualTo(
            new ChangeFeed.Polled.Changes(
                List.of(new Change(ChangeFeed.PRUNE_EVERY, Topic.VOTE, "doc:last"))));
    assertThat(away.poll()).isEqualTo(new ChangeFeed.Polled.Missed(ChangeFeed.PRUNE_EVERY));
    assertThat(changes(away.poll())).as("reloaded: back to following").isEmpty();
  }

  @Test
  void aTopicANewerVersionWritesIsSkippedNotFatal() {
    ChangeFeed.Cursor cursor = new ChangeFeed(first).fromNow();
    first.transaction(
        c -> {
          ChangeFeed.append(c, Topic.VOTE, "doc:a", clock);
          try (PreparedStatement st =
              c.prepareStatement("UPDATE change_log SET topic = 'future' WHERE seq = 1")) {
            st.executeUpdate();
          }
          return null;
        });
    append(first, Topic.VOTE, "doc:b");
    assertThat(changes(cursor.poll())).containsExactly(new Change(2, Topic.VOTE, "doc:b"));
  }

  @Test
  void aVoteOnOneProcessReachesTheOthersTalliesThroughTheFeed() {
    FeedbackStore a = new FeedbackStore(first, clock);
    ChangeFeed.Cursor cursor = new ChangeFeed(second).fromNow();
    FeedbackStore b = new FeedbackStore(second, clock);
    a.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    a.vote(FeedbackItem.issue("iss-1"), Answer.NO, "client-2");
    a.vote(FeedbackItem.doc("d1"), Answer.PARTLY, "client-1");
    assertThat(b.tally("issue:iss-1").yes()).as("not before the feed is read").isZero();

    List<Change> changes = changes(cursor.poll());
    assertThat(changes)
        .extracting(Change::topic, Change::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Topic.VOTE, "issue:iss-1"),
            org.assertj.core.groups.Tuple.tuple(Topic.VOTE, "issue:iss-1"),
            org.assertj.core.groups.Tuple.tuple(Topic.VOTE, "doc:d1"));
    b.refresh(changes.stream().map(Change::subject).toList());
    assertThat(b.tally("issue:iss-1")).isEqualTo(a.tally("issue:iss-1"));
    assertThat(b.tally("doc:d1")).isEqualTo(a.tally("doc:d1"));
    assertThat(b.tally("issue:iss-1").yes()).isEqualTo(1);
    assertThat(b.tally("issue:iss-1").no()).isEqualTo(1);
  }
}
