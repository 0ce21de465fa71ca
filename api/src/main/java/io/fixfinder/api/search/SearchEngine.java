package io.fixfinder.api.search;

import io.fixfinder.indexer.leaderboard.LeaderboardSource;
import io.fixfinder.indexer.search.RecordReader;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The engine searches run on when it is not the embedded index (OpenSearch, issue 17): its name
 * (the {@code backend} label of {@code fixfinder_backend_search_seconds}), the records it serves
 * (issue and product pages, votes' scope checks, the leaderboards' counts) and its health for
 * {@code /health}.
 *
 * @param kind the backend's configuration id ({@code opensearch})
 * @param records the records by id, from the engine
 * @param health asked at most once per {@code /health} probe period; must not throw
 * @param suggestions the suggester of a scope, weighted by the engine's counts
 * @param leaderboards the records the leaderboards count, on the engine
 */
public record SearchEngine(
    String kind,
    RecordReader records,
    Supplier<Health> health,
    SuggestHandler.Source suggestions,
    LeaderboardSource leaderboards) {
  public SearchEngine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(suggestions, "suggestions");
    Objects.requireNonNull(leaderboards, "leaderboards");
  }

  /**
   * What the engine says of itself: {@code ok} is false when it is unreachable or its status is red
   * (searches fail), and then {@code /health} answers 503.
   *
   * @param status the engine's own word ({@code green}, {@code yellow}, {@code red}, {@code
   *     unreachable})
   * @param nodes nodes in the cluster (0 when unreachable)
   */
  public record Health(boolean ok, String status, int nodes) {}
}
