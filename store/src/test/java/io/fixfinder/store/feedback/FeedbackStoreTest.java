package io.fixfinder.store.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a visitor answered today is theirs to see again; another visitor's, or yesterday's, not. */
class FeedbackStoreTest {
  @TempDir Path dir;

  @Test
  void aVisitorSeesTheirOwnAnswersOfTodayOnly() {
    Instant day1 = Instant.parse("2026-03-01T12:00:00Z");
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("f.db"))) {
      FeedbackStore store = new FeedbackStore(db, Clock.fixed(day1, ZoneOffset.UTC));
      store.vote(FeedbackItem.issue("iss-1"), Answer.YES, "client-a");
      store.vote(FeedbackItem.doc("d1"), Answer.NO, "client-a");
      store.vote(FeedbackItem.doc("d1"), Answer.PARTLY, "client-a"); // replaces today's NO
      store.vote(FeedbackItem.issue("iss-1"), Answer.NO, "client-b");

      assertThat(store.answersToday("client-a"))
          .containsEntry("issue:iss-1", Answer.YES)
          .containsEntry("doc:d1", Answer.PARTLY)
          .hasSize(2);
      assertThat(store.answersToday("client-b")).containsOnlyKeys("issue:iss-1");
      assertThat(store.answersToday("client-c")).isEmpty();
      assertThat(store.tally("issue:iss-1").yes()).isEqualTo(1);
      assertThat(store.tally("issue:iss-1").no()).isEqualTo(1);

      FeedbackStore nextDay =
          new FeedbackStore(db, Clock.fixed(day1.plusSeconds(86_400), ZoneOffset.UTC));
      assertThat(nextDay.answersToday("client-a")).isEmpty();
      assertThat(nextDay.tally("issue:iss-1").yes()).isEqualTo(1);
    }
  }
}
