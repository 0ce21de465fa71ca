package io.fixfinder.app.cli;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.RankingMetrics;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code eval search --backend opensearch}: the same BEIR set, keyed as the embedded evaluation
 * keys it, written as a generation of its own alias ({@value #ALIAS}) on the cluster and searched
 * through {@link OpenSearchBackend} in each mode; each system's figures printed beside the embedded
 * ones measured in the same run, with the difference.
 */
final class OpenSearchEval {
  static final String ALIAS = "fixfinder-eval";

  private OpenSearchEval() {}

  static void run(
      BeirSet set,
      List<Retrieval> modes,
      Fusion fusion,
      Optional<Embedder> embedder,
      SearchEvaluation keying,
      SearchEvaluation.Result embedded,
      OpenSearchSettings settings,
      PrintStream out)
      throws IOException {
    List<SourceDoc> docs = new ArrayList<>(set.corpus().size());
    for (BeirSet.Doc d : set.corpus()) docs.add(keying.toSourceDoc(d));
    Retrieval defaultMode = embedder.isPresent() ? Retrieval.HYBRID : Retrieval.BM25;
    ExternalRanking ranking =
        new ExternalRanking(KeyExtractor.builtIn(), defaultMode, fusion, Tuning.DEFAULT);
    try (OpenSearchBackend backend =
        OpenSearchBackend.forWriting(settings.withAlias(ALIAS), ranking, embedder)) {
      Indexer.Report report = backend.writeGeneration(docs);
      out.printf(
          Locale.ROOT,
          "eval search on %s: %d documents indexed in %.1f s%n",
          settings.withAlias(ALIAS).where(),
          report.indexed(),
          report.took().toMillis() / 1000.0);
      out.println(
          "| system | nDCG@10 | embedded | diff | Recall@100 | embedded | MRR@10 | embedded |");
      out.println("|---|---|---|---|---|---|---|---|");
      List<BeirSet.Query> queries = set.judgedQueries();
      for (Retrieval mode : modes) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        for (BeirSet.Query q : queries) {
          SearchResponse r =
              backend.search(
                  SearchRequest.of(q.text()).withSize(SearchEvaluation.DEPTH).withMode(mode));
          List<String> ranked = r.hits().stream().map(SearchResponse.Hit::id).toList();
          Map<String, Integer> judged = set.qrels().get(q.id());
          ndcg += RankingMetrics.ndcg(ranked, judged, 10);
          recall += RankingMetrics.recall(ranked, judged, SearchEvaluation.DEPTH);
          mrr += RankingMetrics.reciprocalRank(ranked, judged, 10);
        }
        int n = Math.max(1, queries.size());
        SearchEvaluation.Scores ours = embedded.systems().get(mode.id());
        out.printf(
            Locale.ROOT,
            "| opensearch-%s | %.4f | %.4f | %+.4f | %.4f | %.4f | %.4f | %.4f |%n",
            mode.id(),
            ndcg / n,
            ours.ndcg10(),
            ndcg / n - ours.ndcg10(),
            recall / n,
            ours.recall100(),
            mrr / n,
            ours.mrr10());
      }
    }
  }
}
