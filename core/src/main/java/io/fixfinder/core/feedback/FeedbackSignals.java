package io.fixfinder.core.feedback;

/**
 * Read side of feedback: the votes on one item. Implementations answer from memory (no I/O per
 * call) and are safe to call from many search threads at once.
 */
@FunctionalInterface
public interface FeedbackSignals {
  /**
   * The tally of an item key such as {@code doc:<id>} or {@code issue:<id>} (see {@link
   * FeedbackItem#key()}); {@link Tally#NONE} when nobody voted.
   */
  Tally tally(String item);

  /** Signals with no votes at all: for tools and tests that run without a database. */
  static FeedbackSignals none() {
    return item -> Tally.NONE;
  }
}
