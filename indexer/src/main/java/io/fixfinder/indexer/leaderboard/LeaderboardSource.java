package io.fixfinder.indexer.leaderboard;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the leaderboards' figures come from: the records of the generation being served, counted by
 * where they stand on the boards. The embedded index reads them from its doc values ({@link
 * IndexLeaderboardSource}); an OpenSearch cluster counts them with an aggregation. {@link
 * Leaderboards} ranks over either the same way, so both backends show the same boards over the same
 * records.
 */
public interface LeaderboardSource {
  /** The generation served now, read consistently until the view is closed. */
  View open() throws IOException;

  /** One generation's records. */
  interface View extends AutoCloseable {
    /**
     * What identifies the generation: while it is equal, {@link #placements()} is too (so the
     * boards read it once per generation).
     */
    Object generation();

    /** How many records stand at each placement; records without a product type are on no board. */
    Map<Placement, Long> placements() throws IOException;

    /** The placements of the records with these ids; an id not found, or of no type, is absent. */
    Map<String, Placement> locate(Collection<String> ids) throws IOException;

    @Override
    void close() throws IOException;
  }

  /**
   * A record's place on the boards: the values the index mapper writes for it.
   *
   * @param type its product type, never empty
   * @param brand its brand as written; empty when none was recognised
   * @param model its model as written; empty when none
   * @param outcome a repair report's outcome, lower-cased as the mapper writes it (possibly empty);
   *     absent for a record that is no repair report
   * @param fix whether the record reports a fix
   */
  record Placement(String type, String brand, String model, Optional<String> outcome, boolean fix) {
    public Placement {
      Objects.requireNonNull(type, "type");
      if (type.isEmpty()) throw new IllegalArgumentException("a placement has a product type");
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
