package io.fixfinder.opensearch.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.RankingMetrics;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small dev set ({@code eval/repair-mini}: 99 records, 25 fault queries, graded
 * judgements) indexed into the embedded index and into OpenSearch with the real sentence model;
 * each retrieval mode's nDCG@10 on OpenSearch within 0.01 of the embedded one (issue 17's target),
 * and the top-10 lists compared record by record (where they part, the scores are printed).
 */
class ParityIT {
  static final double TOLERANCE = 0.01;

  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static BeirSet set;
  static IndexStore store;
  static Searcher embedded;
  static OpenSearchBackend opensearch;
  static OpenSearchBackend sharded;

  @BeforeAll
  static void indexBoth() throws Exception {
    set = BeirSet.read(Path.of(System.getProperty("fixfinder.repairMini")));
    model = MiniLmEmbedder.withThreads(1);
    KeyExtractor keys = KeyExtractor.builtIn();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SearchEvaluation keying = new SearchEvaluation(keys, Optional.of(model), Fusion.LEARNED, quiet);
    List<SourceDoc> docs = new ArrayList<>();
    for (BeirSet.Doc d : set.corpus()) docs.add(keying.toSourceDoc(d));

    Path root = dir.resolve("index");
    Indexer.rebuild(root, 64, Optional.of(model), docs, quiet);
    store = IndexStore.open(root, 64);
    embedded =
        new Searcher(store.searchers(), keys, Optional.of(model), Retrieval.HYBRID, Fusion.LEARNED);

    OpenSearchSettings settings =
        OpenSearchSettings.of(List.of(SharedNode.url()), Map.of()).withAlias("parity");
    opensearch =
        OpenSearchBackend.open(
            settings,
            new ExternalRanking(keys, Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT),
            Optional.of(model));
    Indexer.Report r = opensearch.writeGeneration(docs);
    assertThat(r.indexed()).isEqualTo(docs.size());
    // the same records over three shards: bm25 statistics must stay global (DFS)
    sharded =
        OpenSearchBackend.open(
            settings.withAlias("parity-sharded").withLayout(3, 0),
            new ExternalRanking(keys, Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT),
            Optional.of(model));
    assertThat(sharded.writeGeneration(docs).indexed()).isEqualTo(docs.size());
  }

  @AfterAll
  static void close() throws Exception {
    if (opensearch != null) opensearch.close();
    if (sharded != null) sharded.close();
    if (store != null) store.close();
    if (model != null) model.close();
  }

  @Test
  void everyModeWithinTheTargetOfTheEmbeddedIndex() throws Exception {
    compare("1 shard", opensearch, List.of(Retrieval.values()));
  }

  @Test
  void threeShardsRankAsOne() throws Exception {
    compare("3 shards", sharded, List.of(Retrieval.BM25, Retrieval.HYBRID));
  }

  private static void compare(String layout, OpenSearchBackend backend, List<Retrieval> modes)
      throws Exception {
    StringBuilder table = new StringBuilder();
    for (Retrieval mode : modes) {
      double a = 0;
      double b = 0;
      int sameTop10 = 0;
      List<BeirSet.Query> queries = set.judgedQueries();
      for (BeirSet.Query q : queries) {
        SearchRequest request = SearchRequest.of(q.text()).withMode(mode);
        SearchResponse ours = embedded.search(request);
        List<String> mine = ours.hits().stream().map(SearchResponse.Hit::id).toList();
        SearchResponse theirs = backend.search(request);
        List<String> os = theirs.hits().stream().map(SearchResponse.Hit::id).toList();
        Map<String, Integer> judged = set.qrels().get(q.id());
        a += RankingMetrics.ndcg(mine, judged, 10);
        b += RankingMetrics.ndcg(os, judged, 10);
        if (mine.equals(os)) {
          sameTop10++;
        } else {
          table.append(difference(mode, q, ours, theirs));
        }
      }
      a /= queries.size();
      b /= queries.size();
      table.append(
          String.format(
              Locale.ROOT,
              "ParityIT: %s %-6s nDCG@10 embedded %.4f opensearch %.4f (diff %+.4f), identical top"
                  + " 10 on %d of %d queries%n",
              layout,
              mode.id(),
              a,
              b,
              b - a,
              sameTop10,
              queries.size()));
      assertThat(Math.abs(b - a))
          .as("%s: embedded %.4f, opensearch %.4f", mode.id(), a, b)
          .isLessThanOrEqualTo(TOLERANCE);
      // the same ranking, not only the same quality (a float's rounding may swap a near-tie)
      assertThat(sameTop10)
          .as("%s: identical top 10s", mode.id())
          .isGreaterThanOrEqualTo(queries.size() * 9 / 10);
    }
    System.out.print(table);
  }

  /** Where two rankings of one query part: the first rank at which they differ, with scores. */
  private static String difference(
      Retrieval mode, BeirSet.Query q, SearchResponse ours, SearchResponse theirs) {
    int r = 0;
    while (r < Math.min(ours.hits().size(), theirs.hits().size())
        && ours.hits().get(r).id().equals(theirs.hits().get(r).id())) {
      r++;
    }
    return String.format(
        Locale.ROOT,
        "ParityIT: %s query %s first differs at rank %d: embedded %s, opensearch %s%n",
        mode.id(),
        q.id(),
        r + 1,
        scores(ours, r),
        scores(theirs, r));
  }

  private static String scores(SearchResponse r, int from) {
    StringBuilder b = new StringBuilder("[");
    for (int i = Math.max(0, from - 1); i < Math.min(r.hits().size(), from + 3); i++) {
      b.append(
          String.format(Locale.ROOT, "%s %.6f ", r.hits().get(i).id(), r.hits().get(i).score()));
    }
    return b.append("]").toString().replace(" ]", "]");
  }
}
