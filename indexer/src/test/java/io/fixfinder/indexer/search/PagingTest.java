package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.feedback.TallySnapshot;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walking every page of a grouped search, at several page sizes and in every retrieval mode, shows
 * each record exactly once, in one order whatever the page size, with one total on every page; the
 * first page carries the issue groups whatever its size. Votes re-order the window, so a page
 * boundary inside or past it would show a record twice or skip one.
 */
class PagingTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;
  static RecordLookup lookup;
  static final GroupedSearchTest.MapIssues ISSUES = new GroupedSearchTest.MapIssues();
  static final TallySnapshot VOTES = new TallySnapshot();
  static final String QUERY = "water not working after cleaning the filter, broken door noise";

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    List<SourceDoc> docs = RepairMini.docs();
    RepairMini.index(dir, Optional.of(model));
    store = IndexStore.open(dir, 16);
    lookup = new RecordLookup(store.searchers());
    // clusters of three records each, and votes on every fifth record: some lift, some sink
    for (int i = 0; i + 2 < docs.size(); i += 3) {
      ISSUES.add(
          GroupedSearchTest.cluster(
              "iss-" + i, "issue " + i, ProductRef.UNKNOWN, 3, Map.of("forum", docs.get(i).id())),
          docs.get(i),
          docs.get(i + 1),
          docs.get(i + 2));
    }
    for (int i = 0; i < docs.size(); i += 5) {
      VOTES.put(
          FeedbackItem.doc(docs.get(i).id()).key(),
          i % 10 == 0 ? new Tally(40, 0, 0) : new Tally(0, 40, 0));
    }
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    model.close();
  }

  static GroupedSearch search(Retrieval mode) {
    Searcher s =
        new Searcher(
            store.searchers(),
            SearcherTest.KEYS,
            Optional.<Embedder>of(model),
            mode,
            Fusion.LINEAR);
    return new GroupedSearch(s, ISSUES, VOTES, lookup);
  }

  @Test
  void everyPageSizeWalksTheSameRecordsOnceInOneOrder() throws Exception {
    for (Retrieval mode : Retrieval.values()) {
      GroupedSearch search = search(mode);
      List<String> reference = null;
      for (int size : new int[] {7, 20, 31, 50, 10, 100}) {
        Set<Long> totals = new HashSet<>();
        List<String> walked = new ArrayList<>();
        for (int page = 1; page <= SearchRequest.MAX_PAGE; page++) {
          SearchResponse r =
              search.search(
                  new SearchRequest(
                      QUERY, Optional.empty(), Optional.empty(), Optional.empty(), page, size));
          totals.add(r.total());
          if (page == 1) assertThat(r.issues()).as("%s size %d groups", mode, size).isNotEmpty();
          else assertThat(r.issues()).isEmpty();
          if (r.hits().isEmpty()) break;
          assertThat(r.hits().size()).isLessThanOrEqualTo(size);
          r.hits().forEach(h -> walked.add(h.id()));
        }
        String what = mode.id() + " size " + size;
        assertThat(totals).as(what + " totals").hasSize(1);
        assertThat(walked).as(what).doesNotHaveDuplicates().hasSizeGreaterThan(40);
        if (mode == Retrieval.BM25)
          assertThat(walked).as(what).hasSize((int) (long) totals.iterator().next());
        if (reference == null) reference = walked;
        else assertThat(walked).as(what + " against size 7").isEqualTo(reference);
      }
    }
  }
}
