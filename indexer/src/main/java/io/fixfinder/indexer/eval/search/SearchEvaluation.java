package io.fixfinder.indexer.eval.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.core.understand.DocumentKeying;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link BeirSet} through the project's real indexing and search: every document becomes a
 * {@link SourceDoc} keyed by the shared {@link KeyExtractor} (as a crawled page would be) and is
 * written by {@link Indexer} into a fresh temporary index (with vectors when a dense or hybrid mode
 * is asked); every judged query is run by {@link Searcher} in each asked mode, and by {@link
 * LuceneBaseline} on the same texts. Rankings are cut at {@value #DEPTH}.
 */
public final class SearchEvaluation {
  /** Results kept per query: Recall@100 needs 100. */
  public static final int DEPTH = 100;

  /** The baseline's name in reports. */
  public static final String BASELINE = "baseline-lucene-bm25";

  /** Mean metrics of one system over the judged queries, and the seconds its queries took. */
  public record Scores(double ndcg10, double recall100, double mrr10, double seconds) {}

  /**
   * What a run measured: systems in order (baseline first), judged query count, documents,
   * malformed input lines, seconds for indexing and for the whole run.
   */
  public record Result(
      int queries,
      int documents,
      int malformedLines,
      double indexSeconds,
      double seconds,
      Map<String, Scores> systems,
      Optional<Abstention> abstention) {

    public Result(
        int queries,
        int documents,
        int malformedLines,
        double indexSeconds,
        double seconds,
        Map<String, Scores> systems) {
      this(queries, documents, malformedLines, indexSeconds, seconds, systems, Optional.empty());
    }

    /**
     * One JSON object: {@code {"queries":N,"seconds":S,"metrics":{"baseline-lucene-bm25":
     * {"ndcg@10":..,"recall@100":..,"mrr@10":..},"bm25":{..},...}}}.
     */
    public String toJson() {
      Map<String, Object> metrics = new LinkedHashMap<>();
      systems.forEach(
          (name, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ndcg@10", round(s.ndcg10()));
            m.put("recall@100", round(s.recall100()));
            m.put("mrr@10", round(s.mrr10()));
            metrics.put(name, m);
          });
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("queries", queries);
      out.put("seconds", Math.round(seconds * 10) / 10.0);
      out.put("metrics", metrics);
      abstention.ifPresent(a -> out.put("confidence", a.toMap()));
      try {
        return Json.mapper().writeValueAsString(out);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A fixed-width table: one row per system. */
    public String table() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %8s %10s %8s %8s%n",
              "system",
              "nDCG@10",
              "Recall@100",
              "MRR@10",
              "seconds"));
      systems.forEach(
          (name, s) ->
              b.append(
                  String.format(
                      Locale.ROOT,
                      "%-22s %8.4f %10.4f %8.4f %8.1f%n",
                      name,
                      s.ndcg10(),
                      s.recall100(),
                      s.mrr10(),
                      s.seconds())));
      abstention.ifPresent(
          a ->
              b.append(
                  String.format(
                      Locale.ROOT,
                      "confidence (%s): answered %.4f of %d judged; nDCG@10 unrestricted %.4f,"
                          + " restricted %.4f, abstaining %.4f (lost %.4f); false confidence"
                          + " %.4f of %d unanswerable %s; calibration error %.4f%n",
                      a.mode(),
                      a.answered(),
                      a.answerable(),
                      a.ndcgUnrestricted(),
                      a.ndcg(),
                      a.ndcgAbstaining(),
                      a.ndcgLost(),
                      a.falseConfidence(),
                      a.unanswerable(),
                      a.falseConfidenceByKind(),
                      a.calibrationError())));
      return b.toString();
    }

    private static double round(double v) {
      return Math.round(v * 10_000) / 10_000.0;
    }
  }

  /**
   * Knowing what we don't know, in one mode: nDCG@10 of the judged queries without the restriction
   * to the query's product type, with it, and with unanswered queries counted as showing nothing
   * (their results are offered as "no good match", not as answers); how many judged queries are
   * answered; how many generated {@link Unanswerable} queries get a confident answer, in all and
   * per kind; and the expected calibration error of the top-10 confidences (10 equal-width bins).
   */
  public record Abstention(
      String mode,
      int answerable,
      double answered,
      double ndcgUnrestricted,
      double ndcg,
      double ndcgAbstaining,
      int unanswerable,
      double falseConfidence,
      Map<String, Double> falseConfidenceByKind,
      double calibrationError) {
    /** nDCG@10 lost to the restriction and to abstaining, against the unrestricted ranking. */
    public double ndcgLost() {
      return ndcgUnrestricted - ndcgAbstaining;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("answerable", answerable);
      m.put("answered", Result.round(answered));
      m.put("ndcg@10-unrestricted", Result.round(ndcgUnrestricted));
      m.put("ndcg@10", Result.round(ndcg));
      m.put("ndcg@10-abstaining", Result.round(ndcgAbstaining));
      m.put("ndcg@10-lost", Result.round(ndcgLost()));
      m.put("unanswerable", unanswerable);
      m.put("false-confidence", Result.round(falseConfidence));
      Map<String, Object> byKind = new LinkedHashMap<>();
      falseConfidenceByKind.forEach((k, v) -> byKind.put(k, Result.round(v)));
      m.put("false-confidence-by-kind", byKind);
      m.put("calibration-error", Result.round(calibrationError));
      return m;
    }
  }

  private final KeyExtractor extractor;
  private final Optional<Embedder> embedder;
  private final Fusion fusion;
  private final List<Fusion> alsoFusions;
  private final PrintStream progress;

  /**
   * @param embedder needed for the dense and hybrid modes
   * @param progress where indexing and query progress lines go (stderr in the CLI)
   */
  public SearchEvaluation(
      KeyExtractor extractor, Optional<Embedder> embedder, Fusion fusion, PrintStream progress) {
    this(extractor, embedder, fusion, List.of(), progress);
  }

  /**
   * As above; when hybrid is measured, each fusion of {@code alsoFusions} (other than {@code
   * fusion}) is measured too on the same index, reported as system {@code hybrid-<fusion>}: the old
   * and new fusion side by side in one run.
   */
  public SearchEvaluation(
      KeyExtractor extractor,
      Optional<Embedder> embedder,
      Fusion fusion,
      List<Fusion> alsoFusions,
      PrintStream progress) {
    this.extractor = extractor;
    this.embedder = embedder;
    this.fusion = fusion;
    this.alsoFusions = alsoFusions.stream().filter(f -> f != fusion).distinct().toList();
    this.progress = progress;
  }

  /** Evaluates {@code modes} (in order) and the baseline on {@code set}. */
  public Result run(BeirSet set, List<Retrieval> modes) throws IOException {
    boolean vectors = modes.stream().anyMatch(m -> m != Retrieval.BM25);
    if (vectors && embedder.isEmpty()) {
      throw new IllegalArgumentException("modes " + modes + " need an embedder");
    }
    long start = System.nanoTime();
    List<BeirSet.Query> queries = set.judgedQueries();
    Map<String, Scores> systems = new LinkedHashMap<>();
    Abstention abstention;
    Path tmp = Files.createTempDirectory("fixfinder-eval-");
    try {
      try (LuceneBaseline baseline = new LuceneBaseline(tmp.resolve("baseline"), set.corpus())) {
        systems.put(BASELINE, measure(BASELINE, queries, set, baseline::rank));
      }
      List<SourceDoc> docs = new ArrayList<>(set.corpus().size());
      for (BeirSet.Doc d : set.corpus()) docs.add(toSourceDoc(d));
      Optional<Embedder> model = vectors ? embedder : Optional.empty();
      Path root = tmp.resolve("index");
      Indexer.Report report = Indexer.rebuild(root, 64, model, docs, progress);
      double indexSeconds = report.took().toMillis() / 1000.0;
      progress.printf(
          Locale.ROOT,
          "eval: indexed %d documents in %.1f s (%d vectors computed)%n",
          report.indexed(),
          indexSeconds,
          report.embedded());
      try (IndexStore store = IndexStore.open(root, 64)) {
        Searcher searcher =
            new Searcher(
                store.searchers(),
                extractor,
                model,
                vectors ? Retrieval.HYBRID : Retrieval.BM25,
                fusion);
        for (Retrieval mode : modes) {
          systems.put(
              mode.id(),
              measure(
                  mode.id(),
                  queries,
                  set,
                  (q, n) -> searcher.rankIds(SearchRequest.of(q).withSize(n).withMode(mode))));
        }
        Retrieval judgedMode = modes.contains(Retrieval.HYBRID) ? Retrieval.HYBRID : modes.get(0);
        abstention = abstention(searcher, judgedMode, queries, set, docs);
        if (modes.contains(Retrieval.HYBRID)) {
          for (Fusion other : alsoFusions) {
            Searcher alt =
                new Searcher(store.searchers(), extractor, model, Retrieval.HYBRID, other);
            String name = Retrieval.HYBRID.id() + "-" + other.id();
            systems.put(
                name,
                measure(
                    name, queries, set, (q, n) -> alt.rankIds(SearchRequest.of(q).withSize(n))));
          }
        }
      }
      return new Result(
          queries.size(),
          set.corpus().size(),
          set.malformedLines(),
          indexSeconds,
          (System.nanoTime() - start) / 1e9,
          systems,
          Optional.of(abstention));
    } finally {
      FileTrees.delete(tmp);
    }
  }

  private Abstention abstention(
      Searcher searcher,
      Retrieval mode,
      List<BeirSet.Query> queries,
      BeirSet set,
      List<SourceDoc> docs)
      throws IOException {
    Searcher unrestricted = searcher.withoutTypeScope();
    double before = 0;
    double after = 0;
    double abstaining = 0;
    int answered = 0;
    double[] binP = new double[10];
    double[] binY = new double[10];
    int[] binN = new int[10];
    for (BeirSet.Query q : queries) {
      SearchRequest r = SearchRequest.of(q.text()).withSize(10).withMode(mode);
      Map<String, Integer> judged = set.qrels().get(q.id());
      before += RankingMetrics.ndcg(unrestricted.rankIds(r), judged, 10);
      Searcher.Judged j = searcher.judge(r);
      double ndcg = RankingMetrics.ndcg(j.ids(), judged, 10);
      after += ndcg;
      if (j.answered()) {
        answered++;
        abstaining += ndcg;
      }
      for (int i = 0; i < j.ids().size(); i++) {
        bin(binP, binY, binN, j.confidence().get(i), judged.getOrDefault(j.ids().get(i), 0) > 0);
      }
    }
    List<Unanswerable.Query> none = Unanswerable.of(docs, extractor.lexicon());
    Map<String, int[]> byKind = new LinkedHashMap<>();
    int confident = 0;
    for (Unanswerable.Query q : none) {
      Searcher.Judged j = searcher.judge(SearchRequest.of(q.text()).withSize(10).withMode(mode));
      int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[2]);
      c[1]++;
      if (j.answered()) {
        confident++;
        c[0]++;
      }
      for (double p : j.confidence()) bin(binP, binY, binN, p, false);
    }
    double ece = 0;
    int all = 0;
    for (int b = 0; b < 10; b++) {
      all += binN[b];
      ece += Math.abs(binP[b] - binY[b]);
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    byKind.forEach((k, c) -> rates.put(k, c[0] / (double) c[1]));
    int n = Math.max(1, queries.size());
    return new Abstention(
        mode.id(),
        queries.size(),
        answered / (double) n,
        before / n,
        after / n,
        abstaining / n,
        none.size(),
        confident / (double) Math.max(1, none.size()),
        rates,
        all == 0 ? 0 : ece / all);
  }

  private static void bin(double[] p, double[] y, int[] n, double confidence, boolean relevant) {
    int b = Math.min(9, (int) (confidence * 10));
    p[b] += confidence;
    y[b] += relevant ? 1 : 0;
    n[b]++;
  }

  /** A record as the crawler would key it: product, codes and symptoms from title and text. */
  public SourceDoc toSourceDoc(BeirSet.Doc d) {
    // the crawler's document keying (title outweighs body, incidental words do not key), not the
    // query extraction: a guide whose steps mention a soldering "iron" is not about an iron
    Keys keys = extractor.extractDocument(DocumentKeying.Page.of(d.title(), d.text())).keys();
    return new SourceDoc(
        d.id(),
        "beir:" + d.id(),
        SourceKind.FORUM,
        "beir",
        d.title(),
        d.text(),
        keys.product(),
        keys.errorCodes(),
        keys.symptoms(),
        keys.fix() == Keys.FixSignal.FIXED,
        null,
        null);
  }

  private interface Ranker {
    List<String> rank(String query, int n) throws IOException;
  }

  private Scores measure(String name, List<BeirSet.Query> queries, BeirSet set, Ranker ranker)
      throws IOException {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    try (Progress p =
        new Progress(
            "eval " + name,
            "queries",
            done::get,
            () -> queries.size() - done.get(),
            progress,
            Duration.ofSeconds(5))) {
      for (BeirSet.Query q : queries) {
        List<String> ranked = ranker.rank(q.text(), DEPTH);
        Map<String, Integer> judged = set.qrels().get(q.id());
        ndcg += RankingMetrics.ndcg(ranked, judged, 10);
        recall += RankingMetrics.recall(ranked, judged, DEPTH);
        mrr += RankingMetrics.reciprocalRank(ranked, judged, 10);
        done.incrementAndGet();
      }
    }
    int n = Math.max(1, queries.size());
    return new Scores(ndcg / n, recall / n, mrr / n, (System.nanoTime() - start) / 1e9);
  }
}
