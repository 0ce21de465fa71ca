package io.fixfinder.opensearch.backend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.MultisearchBody;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.util.ObjectBuilder;

/**
 * Searches that do not wait for each other, sent as one {@code _msearch}: one HTTP request and one
 * answer instead of one round trip each (the node runs them side by side). Each {@link #add}
 * returns the position its answer has in {@link #send}'s list.
 */
final class Msearch {
  private final OpenSearchClient client;
  private final String index;
  private final List<RequestItem> items = new ArrayList<>();

  Msearch(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * Adds a search; {@code dfs} asks for global term statistics first (as the lexical searches do,
   * so bm25 scores do not depend on the shard layout).
   */
  int add(boolean dfs, Function<MultisearchBody.Builder, ObjectBuilder<MultisearchBody>> body) {
    items.add(
        RequestItem.of(
            i ->
                i.header(
                        h -> {
                          h.index(index);
                          if (dfs) h.searchType(SearchType.DfsQueryThenFetch);
                          return h;
                        })
                    .body(body)));
    return items.size() - 1;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** The answers in the order added; a search the cluster refused is an I/O error. */
  List<MultiSearchItem<Map>> send() throws IOException {
    if (items.isEmpty()) return List.of();
    var response = client.msearch(m -> m.index(index).searches(items), Map.class);
    List<MultiSearchItem<Map>> out = new ArrayList<>(items.size());
    for (MultiSearchResponseItem<Map> item : response.responses()) {
      if (item.isFailure()) {
        var error = item.failure().error();
        throw new IOException(
            "OpenSearch refused a search of "
                + index
                + ": "
                + error.type()
                + ": "
                + error.reason());
      }
      out.add(item.result());
    }
    return out;
  }
}
