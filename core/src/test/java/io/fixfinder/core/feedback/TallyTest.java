package io.fixfinder.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void noVotesIsNeutral() {
    assertThat(Tally.NONE.total()).isZero();
    assertThat(Tally.NONE.fixRate()).isZero();
    assertThat(Tally.NONE.score()).isEqualTo(0.5);
  }

  @Test
  void scoreIsTheLaplaceSmoothedFixRate() {
    assertThat(new Tally(1, 0, 0).score()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(new Tally(0, 1, 0).score()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(new Tally(10, 0, 0).score()).isCloseTo(11 / 12.0, within(1e-12));
    assertThat(new Tally(3, 1, 2).fixRate()).isCloseTo(4 / 6.0, within(1e-12));
    assertThat(new Tally(3, 1, 2).score()).isCloseTo(5 / 8.0, within(1e-12));
    // Many votes outrank few at the same raw rate.
    assertThat(new Tally(50, 0, 0).score()).isGreaterThan(new Tally(2, 0, 0).score());
  }

  @Test
  void plusAddsOneVote() {
    assertThat(Tally.NONE.plus(Answer.YES).plus(Answer.PARTLY).plus(Answer.NO))
        .isEqualTo(new Tally(1, 1, 1));
  }

  @Test
  void negativeCountsAreRejectedWithTheValues() {
    assertThatThrownBy(() -> new Tally(-1, 0, 0)).hasMessageContaining("yes=-1");
  }

  @Test
  void itemKeysAndIds() {
    assertThat(FeedbackItem.doc("abc123").key()).isEqualTo("doc:abc123");
    assertThat(FeedbackItem.issue("iss-42").key()).isEqualTo("issue:iss-42");
    assertThat(FeedbackItem.Kind.fromPrefix("issue")).contains(FeedbackItem.Kind.ISSUE);
    assertThat(FeedbackItem.Kind.fromPrefix("ISSUE")).isEmpty();
    assertThat(FeedbackItem.validId("a".repeat(64))).isTrue();
    assertThat(FeedbackItem.validId("a".repeat(65))).isFalse();
    assertThat(FeedbackItem.validId("a b")).isFalse();
    assertThatThrownBy(() -> FeedbackItem.doc("../x")).hasMessageContaining("'../x'");
    assertThat(Answer.fromWire("partly")).contains(Answer.PARTLY);
    assertThat(Answer.fromWire("Yes")).isEmpty();
  }

  @Test
  void snapshotReadsWhatWasPutAndReplaced() {
    TallySnapshot snapshot = new TallySnapshot();
    snapshot.put("doc:a", new Tally(2, 0, 0));
    assertThat(snapshot.tally("doc:a")).isEqualTo(new Tally(2, 0, 0));
    assertThat(snapshot.tally("doc:b")).isEqualTo(Tally.NONE);
    snapshot.replaceAll(Map.of("doc:b", new Tally(0, 1, 0), "doc:c", Tally.NONE));
    assertThat(snapshot.tally("doc:a")).isEqualTo(Tally.NONE);
    assertThat(snapshot.tally("doc:b")).isEqualTo(new Tally(0, 1, 0));
    assertThat(snapshot.size()).isEqualTo(1);
    assertThat(FeedbackSignals.none().tally("doc:b")).isEqualTo(Tally.NONE);
  }
}
