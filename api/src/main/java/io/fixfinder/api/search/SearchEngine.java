package io.fixfinder.api.search;

import io.fixfinder.indexer.leaderboard.LeaderboardSource;
import io.fixfinder.indexer.search.RecordReader;
import java.util.Objects;
import java.util.Optional;
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
 * @param served the generation the engine serves, for {@code /health}'s {@code index}; asked at
 *     most once per probe period; empty when the engine does not answer; must not throw
 */
public record SearchEngine(
    String kind,
    RecordReader records,
    Supplier<Health> health,
    SuggestHandler.Source suggestions,
    LeaderboardSource leaderboards,
    Supplier<Optional<Served>> served) {
  public SearchEngine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(suggestions, "suggestions");
    Objects.requireNonNull(leaderboards, "leaderboards");
    Objects.requireNonNull(served, "served");
  }

  /**
   * The index generation the engine serves (on OpenSearch: the one its alias names), which is what
   * searches read, not the server's local data directory.
   *
   * @param alias the name searches address ({@code fixfinder})
   * @param index the index it names now ({@code fixfinder-7}; empty before the first)
   * @param aliased how many indices the alias names: 1, else the generation is not servable (a
   *     failed manual change), and /health says the index is not ok
   * @param generation the number in the index's name (0 when it has none)
   * @param documents records in it
   * @param bytes the size of its primary shards on the cluster
   * @param schemaVersion the schema it was written with
   * @param servable whether this version can serve it (the schema and mapping it expects)
   */
  public record Served(
      String alias,
      String index,
      int aliased,
      long generation,
      long documents,
      long bytes,
      int schemaVersion,
      boolean servable) {
    public Served {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(index, "index");
    }
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
