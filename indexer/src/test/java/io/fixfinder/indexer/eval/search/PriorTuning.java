package io.fixfinder.indexer.eval.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The harness that chose {@link Tuning#PRIOR_EXPONENT} (not a unit test: it runs only with {@code
 * -Dfixfinder.ablate=SET_DIR,SET_DIR,...}). Each set is indexed once without vectors; bm25 is run
 * with the prior counted as prior^e for e in 0, 0.25, 0.5, 0.75, 1, beside the plain-Lucene
 * baseline on the same queries, printing nDCG@10 and how many queries each side wins.
 *
 * <p>Run: {@code ./mvnw -o -B -q -pl indexer -am test -Dtest=PriorTuning
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfixfinder.ablate=/tmp/devsets/ords,/tmp/devsets/ppsl}
 */
class PriorTuning {
  static final float[] EXPONENTS = {0f, 0.25f, 0.5f, 0.75f, 1f};

  @Test
  void run() throws Exception {
    String sets = System.getProperty("fixfinder.ablate", "");
    assumeTrue(!sets.isBlank(), "prior tuning harness: set -Dfixfinder.ablate=DIR,DIR to run it");
    KeyExtractor extractor = KeyExtractor.builtIn();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SearchEvaluation eval =
        new SearchEvaluation(extractor, Optional.empty(), Fusion.LEARNED, quiet);
    for (String dir : sets.split(",")) {
      BeirSet set = BeirSet.read(Path.of(dir.strip()));
      List<SourceDoc> docs = new ArrayList<>();
      for (BeirSet.Doc d : set.corpus()) docs.add(eval.toSourceDoc(d));
      Path tmp = Files.createTempDirectory("fixfinder-prior-");
      try (LuceneBaseline baseline = new LuceneBaseline(tmp.resolve("baseline"), set.corpus())) {
        Indexer.rebuild(tmp.resolve("index"), 64, Optional.empty(), docs, quiet);
        try (IndexStore store = IndexStore.open(tmp.resolve("index"), 64)) {
          for (float e : EXPONENTS) {
            Tuning d = Tuning.DEFAULT;
            Tuning t =
                new Tuning(
                    d.keyExponent(),
                    d.bm25WeightKeyed(),
                    d.bm25WeightPlain(),
                    d.flatGap(),
                    d.gapRank(),
                    d.norm(),
                    d.rrfK(),
                    d.denseK(),
                    e);
            Searcher searcher =
                new Searcher(
                    store.searchers(),
                    extractor,
                    Optional.empty(),
                    Retrieval.BM25,
                    Fusion.LEARNED,
                    t);
            double ours = 0;
            double base = 0;
            int better = 0;
            int worse = 0;
            for (BeirSet.Query q : set.judgedQueries()) {
              Map<String, Integer> judged = set.qrels().get(q.id());
              double a =
                  RankingMetrics.ndcg(
                      searcher.rankIds(SearchRequest.of(q.text()).withSize(100)), judged, 10);
              double b = RankingMetrics.ndcg(baseline.rank(q.text(), 100), judged, 10);
              ours += a;
              base += b;
              if (a > b + 1e-9) better++;
              if (a < b - 1e-9) worse++;
            }
            int n = Math.max(1, set.judgedQueries().size());
            System.out.printf(
                Locale.ROOT,
                "prior tuning: %s prior^%.2f bm25 %.4f baseline %.4f (queries better %d, worse %d)%n",
                dir,
                e,
                ours / n,
                base / n,
                better,
                worse);
          }
        }
      } finally {
        FileTrees.delete(tmp);
      }
    }
  }
}
