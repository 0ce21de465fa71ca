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
import java.util.Random;
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
        // every record counted can be reached, and no other
        assertThat(walked).as(what).hasSize((int) (long) totals.iterator().next());
        if (reference == null) reference = walked;
        else assertThat(walked).as(what + " against size 7").isEqualTo(reference);
      }
    }
  }

  /** A fast stand-in for the model: each word a direction, so shared words mean similarity. */
  static final class WordsEmbedder implements Embedder {
    @Override
    public int dimensions() {
      return 64;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        float[] v = new float[64];
        for (String w : t.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
          v[Math.floorMod(w.hashCode(), 64)] += 1;
        }
        out.add(Embedder.normalise(v));
      }
      return out;
    }
  }

  @Test
  void pagesPastTheFusedCandidatesContinueInOneOrder(@TempDir Path deep) throws Exception {
    // 260 records share "pump": more matches than the 100 candidates fused, so deep pages reach
    // the words' ranking past them
    Random random = new Random(11);
    String[] words = "drain filter door seal heater belt noise leak drum motor".split(" ");
    List<SourceDoc> docs = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      StringBuilder text = new StringBuilder("pump");
      for (int k = 0, n = 1 + random.nextInt(6); k < n; k++) {
        text.append(' ').append(words[random.nextInt(words.length)]);
      }
      docs.add(
          SearcherTest.doc(
              "http://deep/" + i,
              io.fixfinder.core.model.SourceKind.FORUM,
              "record " + i,
              text.toString(),
              new io.fixfinder.core.model.Details.None()));
    }
    Embedder embedder = new WordsEmbedder();
    io.fixfinder.indexer.write.Indexer.rebuild(
        deep,
        16,
        Optional.of(embedder),
        docs,
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try (IndexStore index = IndexStore.open(deep, 16)) {
      for (Fusion fusion : Fusion.values()) {
        Searcher s =
            new Searcher(
                index.searchers(),
                SearcherTest.KEYS,
                Optional.of(embedder),
                Retrieval.HYBRID,
                fusion);
        GroupedSearch grouped =
            new GroupedSearch(s, ISSUES, VOTES, new RecordLookup(index.searchers()));
        List<String> reference = null;
        for (int size : new int[] {7, 20, 31, 50, 100}) {
          List<String> walked = new ArrayList<>();
          List<String> ranked = new ArrayList<>();
          Set<Long> totals = new HashSet<>();
          for (int page = 1; page <= SearchRequest.MAX_PAGE; page++) {
            SearchRequest q =
                new SearchRequest(
                    "pump drain filter",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    page,
                    size);
            SearchResponse r = grouped.search(q);
            totals.add(r.total());
            if (r.hits().isEmpty()) break;
            r.hits().forEach(h -> walked.add(h.id()));
            ranked.addAll(s.rankIds(q));
          }
          String what = fusion.id() + " size " + size;
          assertThat(totals).as(what).containsExactly(260L);
          assertThat(walked).as(what).hasSize(260).doesNotHaveDuplicates();
          assertThat(ranked).as(what).hasSize(260).doesNotHaveDuplicates();
          if (reference == null) reference = ranked;
          else assertThat(ranked).as(what).isEqualTo(reference);
        }
      }
    }
  }
}
