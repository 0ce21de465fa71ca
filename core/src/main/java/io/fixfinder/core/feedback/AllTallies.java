package io.fixfinder.core.feedback;

import java.util.function.BiConsumer;

/**
 * Every item that has votes, with its tally, from memory: for read models that sum votes over many
 * items (the leaderboards) without asking {@link FeedbackSignals} about every record of the index.
 */
@FunctionalInterface
public interface AllTallies {
  /** Calls {@code action} with each item key ({@code doc:<id>}, {@code issue:<id>}) and tally. */
  void forEach(BiConsumer<String, Tally> action);

  /** No votes at all: for tools and tests that run without a database. */
  static AllTallies none() {
    return action -> {};
  }
}
