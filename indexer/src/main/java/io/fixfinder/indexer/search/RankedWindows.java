package io.fixfinder.indexer.search;

import io.fixfinder.core.model.SourceDoc;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ranked candidate window of a query, whatever engine ranks it: the embedded {@link Searcher}
 * (candidates read from doc values) or another engine through {@link ExternalWindow} (OpenSearch).
 * {@link GroupedSearch} re-ranks and groups a window, then reads back only the records it shows.
 */
public interface RankedWindows {
  /**
   * The first {@code n} records of the request's one ranking as candidates, with the response's
   * interpretation, total, facets, "answered" and no-match hints (its hits empty).
   */
  Searcher.Window window(SearchRequest request, int n) throws IOException;

  /**
   * The records of some of a window's candidates and of the ids {@code others} (records outside the
   * window), by record id; a record no longer served is absent.
   */
  Map<String, SourceDoc> read(
      Searcher.Window window, List<Searcher.Candidate> which, Collection<String> others)
      throws IOException;
}
