package io.fixfinder.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.store.Database;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.feedback.FeedbackStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process's follower over a real SQLite store that a second handle ("another process") writes
 * to: what each kind of change does to the tallies and which caches it drops, in which order, and
 * that a poll whose changes could not be applied is made good by the next.
 */
class StoreFollowerTest {
  @TempDir Path dir;

  Database mine;
  Database other;
  FeedbackStore feedback;
  FeedbackStore otherFeedback;
  final List<String> dropped = new ArrayList<>();
  final AtomicReference<Set<String>> alias = new AtomicReference<>(Set.of("fixfinder-1"));
  StoreFollower follower;

  /** Records which caches were dropped, and what the tally was at that moment. */
  final StoreFollower.Caches caches =
      new StoreFollower.Caches() {
        @Override
        public void searchesChanged() {
          dropped.add("searches yes=" + feedback.tally("issue:iss-1").yes());
        }

        @Override
        public void indexChanged() {
          dropped.add("index");
        }
      };

  @BeforeEach
  void open() {
    String url = "jdbc:sqlite:" + dir.resolve("f.db");
    mine = Database.open(url);
    other = Database.open(url);
    ChangeFeed.Cursor cursor = new ChangeFeed(mine).fromNow();
    feedback = new FeedbackStore(mine, Clock.systemUTC());
    otherFeedback = new FeedbackStore(other, Clock.systemUTC());
    follower =
        new StoreFollower(
            cursor,
            feedback,
            Optional.empty(),
            Optional.<Callable<Set<String>>>of(alias::get),
            caches);
  }

  @AfterEach
  void close() {
    follower.close();
    other.close();
    mine.close();
  }

  @Test
  void nothingChangedDropsNothing() throws Exception {
    follower.poll();
    follower.poll();
    assertThat(dropped).isEmpty();
  }

  @Test
  void anotherProcesssVoteIsReadBeforeTheSearchCacheIsDropped() throws Exception {
    follower.poll();
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-2");
    assertThat(feedback.tally("issue:iss-1").yes()).isZero();
    follower.poll();
    assertThat(feedback.tally("issue:iss-1").yes()).isEqualTo(2);
    assertThat(dropped).as("one drop, after the tally was read").containsExactly("searches yes=2");
  }

  @Test
  void theAliasMovingToAnotherIndexDropsSearchesAndSuggesters() throws Exception {
    follower.poll();
    alias.set(Set.of("fixfinder-2"));
    follower.poll();
    follower.poll();
    assertThat(dropped).containsExactly("index");
  }

  @Test
  void anAnnouncedGenerationDropsThemWithoutWaitingForTheAlias() throws Exception {
    other.transaction(c -> ChangeFeed.append(c, Topic.INDEX, "fixfinder-2", Clock.systemUTC()));
    follower.poll();
    assertThat(dropped).containsExactly("index");
  }

  @Test
  void changesReadButNotAppliedAreMadeGoodByTheNextPoll() throws Exception {
    otherFeedback.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-1");
    // the item's tally cannot be read when the poll applies the change
    mine.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("ALTER TABLE feedback_vote RENAME TO feedback_vote_away")) {
            st.executeUpdate();
          }
          return null;
        });
    assertThatThrownBy(follower::poll).isInstanceOf(RuntimeException.class);
    mine.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("ALTER TABLE feedback_vote_away RENAME TO feedback_vote")) {
            st.executeUpdate();
          }
          return null;
        });
    follower.poll();
    assertThat(feedback.tally("issue:iss-1").yes()).isEqualTo(1);
    assertThat(dropped)
        .as("every tally read again, then one drop")
        .containsExactly("searches yes=1");
    follower.poll();
    assertThat(dropped).as("and back to following").hasSize(1);
  }
}
