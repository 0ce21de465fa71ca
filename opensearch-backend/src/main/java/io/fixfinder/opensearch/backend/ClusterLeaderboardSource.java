package io.fixfinder.opensearch.backend;

import io.fixfinder.indexer.leaderboard.LeaderboardSource;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The leaderboards' records on the cluster: one composite aggregation over type, brand, model,
 * outcome and fix flag counts every placement exactly (paged by its after-key, so no shard-size
 * approximation of a terms aggregation), and voted records are found by id. Both read the index the
 * alias names when the view opens, so a page is one generation even while a rebuild swaps it.
 */
public final class ClusterLeaderboardSource implements LeaderboardSource {
  /** Composite buckets, and records looked up by id, per request. */
  static final int PAGE = 1000;

  private final OpenSearchClient client;
  private final String alias;
  private final int page;

  /** Over the generation {@code backend} serves, through its client. */
  public ClusterLeaderboardSource(OpenSearchBackend backend) {
    this(backend, PAGE);
  }

  /** With {@code page} buckets or ids per request (the tests page through small ones). */
  ClusterLeaderboardSource(OpenSearchBackend backend, int page) {
    if (page < 1) throw new IllegalArgumentException("page must be >= 1, got " + page);
    this.client = backend.client();
    this.alias = backend.settings().alias();
    this.page = page;
  }

  @Override
  public View open() throws IOException {
    List<String> indices =
        List.copyOf(new TreeSet<>(client.indices().getAlias(g -> g.name(alias)).result().keySet()));
    String generation = String.join(",", indices);
    return new View() {
      @Override
      public Object generation() {
        return generation;
      }

      @Override
      public Map<Placement, Long> placements() throws IOException {
        Map<Placement, Long> counts = new HashMap<>();
        Map<String, FieldValue> after = Map.of();
        while (true) {
          Map<String, FieldValue> from = after;
          var r =
              client.search(
                  s ->
                      s.index(indices)
                          .size(0)
                          .aggregations(
                              "places",
                              a ->
                                  a.composite(
                                      c -> {
                                        c.size(page).sources(SOURCES);
                                        if (!from.isEmpty()) c.after(from);
                                        return c;
                                      })),
                  Map.class);
          var places = r.aggregations().get("places").composite();
          List<CompositeBucket> buckets = places.buckets().array();
          for (CompositeBucket b : buckets) {
            counts.merge(placement(b.key()), b.docCount(), Long::sum);
          }
          if (buckets.size() < page || places.afterKey() == null) return counts;
          after = places.afterKey();
        }
      }

      @Override
      public Map<String, Placement> locate(Collection<String> ids) throws IOException {
        Map<String, Placement> out = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int start = 0; start < all.size(); start += page) {
          List<String> batch = all.subList(start, Math.min(all.size(), start + page));
          var r =
              client.search(
                  s ->
                      s.index(indices)
                          .size(batch.size())
                          .query(q -> q.ids(i -> i.values(batch)))
                          .source(src -> src.filter(f -> f.includes(FIELDS))),
                  Map.class);
          for (Hit<Map> h : r.hits().hits())
            placementOf(h.source()).ifPresent(p -> out.put(h.id(), p));
        }
        return out;
      }

      @Override
      public void close() {
        // nothing held: every request names the generation's index
      }
    };
  }

  /** The fields a placement is made of, in the order the composite key lists them. */
  private static final List<String> FIELDS =
      List.of(Fields.FACET_TYPE, Fields.FACET_BRAND, Fields.MODEL_NAME, Fields.OUTCOME, Fields.FIX);

  /** One terms source per field; a record without the field (but its type) in a missing bucket. */
  private static final List<Map<String, CompositeAggregationSource>> SOURCES = sources();

  private static List<Map<String, CompositeAggregationSource>> sources() {
    List<Map<String, CompositeAggregationSource>> out = new ArrayList<>();
    for (String f : FIELDS) {
      boolean typed = f.equals(Fields.FACET_TYPE); // a record of no type is on no board
      Map<String, CompositeAggregationSource> one = new LinkedHashMap<>();
      one.put(
          f, CompositeAggregationSource.of(s -> s.terms(t -> t.field(f).missingBucket(!typed))));
      out.add(one);
    }
    return List.copyOf(out);
  }

  private static Placement placement(Map<String, FieldValue> key) {
    return new Placement(
        text(key.get(Fields.FACET_TYPE)).orElseThrow(),
        text(key.get(Fields.FACET_BRAND)).orElse(""),
        text(key.get(Fields.MODEL_NAME)).orElse(""),
        text(key.get(Fields.OUTCOME)),
        isOne(key.get(Fields.FIX)));
  }

  private static Optional<String> text(FieldValue v) {
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.stringValue());
  }

  private static boolean isOne(FieldValue v) {
    return v != null && v.isLong() && v.longValue() == 1;
  }

  /** A record's placement from its source; empty without a product type. */
  private static Optional<Placement> placementOf(Map<?, ?> source) {
    if (source == null || !(source.get(Fields.FACET_TYPE) instanceof String type)) {
      return Optional.empty();
    }
    Object outcome = source.get(Fields.OUTCOME);
    return Optional.of(
        new Placement(
            type,
            source.get(Fields.FACET_BRAND) instanceof String b ? b : "",
            source.get(Fields.MODEL_NAME) instanceof String m ? m : "",
            outcome instanceof String o ? Optional.of(o) : Optional.empty(),
            source.get(Fields.FIX) instanceof Number n && n.intValue() == 1));
  }
}
