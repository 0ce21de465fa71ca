package io.fixfinder.core.helpers.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReputationTest {
  static Reputation rep(int fixed, int notFixed, int gaveUp, int received, int answered) {
    return new Reputation(fixed, notFixed, gaveUp, received, answered, OptionalInt.empty());
  }

  @Test
  void fixRateIsThePosteriorMeanOfABetaThreeTwoPrior() {
    assertThat(Reputation.NEW.fixRate()).isCloseTo(0.6, within(1e-12));
    assertThat(rep(8, 1, 0, 10, 10).fixRate()).isCloseTo(11.0 / 14, within(1e-12));
    assertThat(rep(1, 4, 0, 5, 5).fixRate()).isCloseTo(4.0 / 10, within(1e-12));
    // gave up is half a failure
    assertThat(rep(0, 0, 2, 2, 2).fixRate()).isCloseTo(3.0 / 6, within(1e-12));
  }

  @Test
  void aNewHelperIsNotBuriedAndALuckyFirstFixDoesNotOutrankARecord() {
    Reputation fresh = Reputation.NEW;
    Reputation provenGood = rep(8, 1, 0, 10, 9);
    Reputation mostlyFails = rep(1, 4, 0, 6, 6);
    Reputation oneOfOne = rep(1, 0, 0, 1, 1);
    assertThat(fresh.score()).isGreaterThan(mostlyFails.score()).isLessThan(provenGood.score());
    assertThat(oneOfOne.score()).isLessThan(provenGood.score());
  }

  @Test
  void respondingAndSpeedCountButLessThanOutcomes() {
    Reputation answers = rep(3, 1, 0, 10, 10);
    Reputation ignores = rep(3, 1, 0, 10, 2);
    assertThat(answers.score()).isGreaterThan(ignores.score());
    Reputation quick = new Reputation(3, 1, 0, 10, 10, OptionalInt.of(15));
    Reputation slow = new Reputation(3, 1, 0, 10, 10, OptionalInt.of(3 * 24 * 60));
    assertThat(quick.score()).isGreaterThan(answers.score()).isGreaterThan(slow.score());
    // with the same answering, a better fix record outweighs speed
    Reputation fixesMore = new Reputation(6, 1, 0, 10, 10, OptionalInt.of(3 * 24 * 60));
    assertThat(fixesMore.score()).isGreaterThan(quick.score());
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> rep(-1, 0, 0, 0, 0)).hasMessageContaining("negative");
    assertThatThrownBy(() -> rep(0, 0, 0, 2, 3)).hasMessageContaining("requests answered (3)");
  }
}
