package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.RankingMetrics;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * The fusion tuning harness (not a unit test: it runs only when {@code -Dfixfinder.devsets=DIR}
 * names a folder of BEIR sets, e.g. the output of {@code scripts/devsets/build.py}). Each set is
 * indexed once with embeddings; every judged query's hybrid candidates (bm25 and dense lists,
 * scores, query) are gathered from the real search path ({@link Searcher#hybridCandidates}), with
 * the real bm25 and dense rankings; then fusion variants are replayed in memory. Learned models are
 * fit leave-one-set-out: each set's figure comes from a model fit on the other sets only; the
 * shipped model is the fit on all sets, printed as the {@link LearnedFusion#WEIGHTS} line.
 *
 * <p>{@code -Dfixfinder.sets=a,b} limits the sets; {@code -Dfixfinder.fusionCache=DIR} keeps the
 * gathered candidates so that a refit skips indexing (delete it after any ranking change). The one
 * assertion: replaying linear fusion over the gathered candidates reproduces the searcher's own
 * hybrid ranking, so what is measured here is what search does.
 *
 * <p>Run: {@code ./mvnw -o -B -q -pl indexer -am test -Dtest=FusionTuning
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfixfinder.devsets=/tmp/devsets}
 */
class FusionTuning {
  /** Pairs sampled per query for fitting. */
  static final int PAIRS = 100;

  static final long SEED = 13;

  /** One judged query: its fusion input as plain arrays, the real bm25/dense/hybrid rankings. */
  record QueryData(
      String id,
      String text,
      boolean keyed,
      int[] wordDocs,
      float[] wordScores,
      boolean wordsComplete,
      int[] meaningDocs,
      float[] meaningScores,
      Map<Integer, String> ids,
      List<String> bm25,
      List<String> dense,
      List<String> linear,
      Map<String, Integer> judged)
      implements Serializable {
    RankedList words() {
      return new RankedList(docs(wordDocs, wordScores), wordsComplete);
    }

    RankedList meaning() {
      return RankedList.cut(docs(meaningDocs, meaningScores));
    }

    LearnedFusion.Shape shape() {
      return LearnedFusion.Shape.of(text, keyed);
    }

    List<String> idsOf(ScoreDoc[] ranked) {
      return Arrays.stream(ranked).limit(SearchEvaluation.DEPTH).map(d -> ids.get(d.doc)).toList();
    }

    private static ScoreDoc[] docs(int[] docs, float[] scores) {
      ScoreDoc[] out = new ScoreDoc[docs.length];
      for (int i = 0; i < docs.length; i++) out[i] = new ScoreDoc(docs[i], scores[i]);
      return out;
    }
  }

  record SetData(String name, List<QueryData> queries) implements Serializable {}

  @Test
  void tune() throws Exception {
    String root = System.getProperty("fixfinder.devsets", "");
    assumeTrue(
        !root.isBlank() && Files.isDirectory(Path.of(root)),
        "fusion tuning harness: set -Dfixfinder.devsets=DIR (scripts/devsets/build.py) to run it");
    List<String> only =
        Arrays.stream(System.getProperty("fixfinder.sets", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    List<Path> dirs;
    try (Stream<Path> s = Files.list(Path.of(root))) {
      dirs =
          s.filter(d -> Files.isRegularFile(d.resolve("corpus.jsonl")))
              .filter(d -> only.isEmpty() || only.contains(d.getFileName().toString()))
              .sorted()
              .toList();
    }
    assumeTrue(!dirs.isEmpty(), "no BEIR set under " + root);
    String cache = System.getProperty("fixfinder.fusionCache", "");
    List<SetData> sets = new ArrayList<>();
    try (MiniLmEmbedder model = new MiniLmEmbedder(2)) {
      for (Path dir : dirs) sets.add(gather(dir, model, cache));
    }
    report(sets);
  }

  // ---------------------------------------------------------------- gathering

  static SetData gather(Path dir, Embedder model, String cache) throws Exception {
    String name = dir.getFileName().toString();
    Path cached = cache.isBlank() ? null : Path.of(cache, name + ".ser");
    if (cached != null && Files.isRegularFile(cached)) {
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(cached))) {
        System.out.println("fusion tuning: " + name + " from " + cached);
        return (SetData) in.readObject();
      }
    }
    BeirSet set = BeirSet.read(dir);
    KeyExtractor extractor = KeyExtractor.builtIn();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SearchEvaluation eval =
        new SearchEvaluation(extractor, Optional.of(model), Fusion.LINEAR, quiet);
    List<SourceDoc> docs = new ArrayList<>();
    for (BeirSet.Doc d : set.corpus()) docs.add(eval.toSourceDoc(d));
    Path tmp = Files.createTempDirectory("fixfinder-fusion-");
    List<QueryData> out = new ArrayList<>();
    long start = System.nanoTime();
    try {
      Indexer.rebuild(tmp, 64, Optional.of(model), docs, quiet);
      try (IndexStore store = IndexStore.open(tmp, 64)) {
        Searcher searcher =
            new Searcher(
                store.searchers(), extractor, Optional.of(model), Retrieval.HYBRID, Fusion.LINEAR);
        for (BeirSet.Query q : set.judgedQueries()) {
          SearchRequest r = SearchRequest.of(q.text()).withSize(SearchEvaluation.DEPTH);
          Searcher.HybridCandidates c = searcher.hybridCandidates(r);
          if (c == null) continue;
          Searcher.Hybrid in = c.input();
          out.add(
              new QueryData(
                  q.id(),
                  q.text(),
                  in.keyed(),
                  Arrays.stream(in.words().docs()).mapToInt(d -> d.doc).toArray(),
                  scores(in.words().docs()),
                  in.words().complete(),
                  Arrays.stream(in.meaning().docs()).mapToInt(d -> d.doc).toArray(),
                  scores(in.meaning().docs()),
                  new HashMap<>(c.ids()),
                  searcher.rankIds(r.withMode(Retrieval.BM25)),
                  searcher.rankIds(r.withMode(Retrieval.DENSE)),
                  searcher.rankIds(r.withMode(Retrieval.HYBRID)),
                  new HashMap<>(set.qrels().get(q.id()))));
        }
      }
    } finally {
      FileTrees.delete(tmp);
    }
    System.out.printf(
        Locale.ROOT,
        "fusion tuning: %s gathered %d queries in %.1f s%n",
        name,
        out.size(),
        (System.nanoTime() - start) / 1e9);
    SetData data = new SetData(name, out);
    if (cached != null) {
      Files.createDirectories(cached.getParent());
      try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(cached))) {
        o.writeObject(data);
      }
    }
    return data;
  }

  private static float[] scores(ScoreDoc[] docs) {
    float[] out = new float[docs.length];
    for (int i = 0; i < docs.length; i++) out[i] = docs[i].score;
    return out;
  }

  // ---------------------------------------------------------------- measuring

  /** Mean nDCG@10, Recall@100 and MRR@10 of a ranking function over a set's queries. */
  record Figures(double ndcg, double recall, double mrr) {}

  static Figures measure(SetData set, Function<QueryData, List<String>> ranking) {
    double n = 0;
    double r = 0;
    double m = 0;
    for (QueryData q : set.queries()) {
      List<String> ids = ranking.apply(q);
      n += RankingMetrics.ndcg(ids, q.judged(), 10);
      r += RankingMetrics.recall(ids, q.judged(), SearchEvaluation.DEPTH);
      m += RankingMetrics.reciprocalRank(ids, q.judged(), 10);
    }
    int k = Math.max(1, set.queries().size());
    return new Figures(n / k, r / k, m / k);
  }

  static Function<QueryData, List<String>> fused(Fusion how) {
    Tuning t = Tuning.DEFAULT;
    return q -> {
      float w = ScoreFusion.bm25Weight(t, q.keyed(), q.words().docs());
      return q.idsOf(ScoreFusion.fuse(q.words(), q.meaning(), how, w, t.norm(), t.rrfK()));
    };
  }

  static Function<QueryData, List<String>> learned(double[] weights) {
    return q -> q.idsOf(LearnedFusion.fuse(q.words(), q.meaning(), q.shape(), weights));
  }

  // ---------------------------------------------------------------- fitting

  /**
   * Pairwise logistic regression (RankNet with a linear scorer) on the pairs (better graded, worse
   * graded) among each query's candidates, unjudged counting as 0; each set weighs the same, each
   * query the same within its set. Weights are kept non-negative (projected gradient), so the fused
   * score never falls when a record's own score or rank improves; features outside {@code use} stay
   * 0.
   */
  static double[] fit(List<SetData> sets, boolean[] use) {
    int f = LearnedFusion.FEATURES.size();
    List<double[]> diffs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Random random = new Random(SEED);
    for (SetData set : sets) {
      int queries = set.queries().size();
      for (QueryData q : set.queries()) {
        LearnedFusion.Candidates c = LearnedFusion.features(q.words(), q.meaning(), q.shape());
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < c.docs().length; i++) {
          int g = q.judged().getOrDefault(q.ids().get(c.docs()[i]), 0);
          (g > 0 ? pos : neg).add(i);
        }
        if (pos.isEmpty() || neg.isEmpty()) continue;
        int pairs = Math.min(PAIRS, pos.size() * neg.size());
        for (int p = 0; p < pairs; p++) {
          int i = pos.get(random.nextInt(pos.size()));
          int j = neg.get(random.nextInt(neg.size()));
          double[] d = new double[f];
          for (int k = 0; k < f; k++) d[k] = use[k] ? c.x()[i][k] - c.x()[j][k] : 0;
          diffs.add(d);
          weights.add(1.0 / pairs / queries / sets.size());
        }
      }
    }
    double[] beta = new double[f];
    for (int k = 0; k < f; k++) beta[k] = use[k] ? 0.1 : 0;
    double[] m = new double[f];
    double[] v = new double[f];
    double lr = 0.05;
    double lambda = 1e-3;
    for (int it = 1; it <= 250; it++) {
      double[] grad = new double[f];
      for (int p = 0; p < diffs.size(); p++) {
        double[] d = diffs.get(p);
        double s = 0;
        for (int k = 0; k < f; k++) s += beta[k] * d[k];
        double g = -weights.get(p) / (1 + Math.exp(s)); // d/ds log(1 + e^-s)
        for (int k = 0; k < f; k++) grad[k] += g * d[k];
      }
      for (int k = 0; k < f; k++) {
        if (!use[k]) continue;
        grad[k] += 2 * lambda * beta[k];
        m[k] = 0.9 * m[k] + 0.1 * grad[k];
        v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
        double mh = m[k] / (1 - Math.pow(0.9, it));
        double vh = v[k] / (1 - Math.pow(0.999, it));
        beta[k] = Math.max(0, beta[k] - lr * mh / (Math.sqrt(vh) + 1e-9));
      }
    }
    return beta;
  }

  /**
   * Coordinate ascent on the mean nDCG@10 of the sets (each set weighs the same), from {@code
   * start}: each used weight in turn is tried at multiples of itself and at a few absolute values,
   * keeping the best; weights stay non-negative. What is measured is what is optimised.
   */
  static double[] ascend(List<SetData> sets, boolean[] use, double[] start) {
    List<List<LearnedFusion.Candidates>> feats = new ArrayList<>();
    for (SetData s : sets) {
      List<LearnedFusion.Candidates> f = new ArrayList<>();
      for (QueryData q : s.queries())
        f.add(LearnedFusion.features(q.words(), q.meaning(), q.shape()));
      feats.add(f);
    }
    double[] beta = start.clone();
    for (int k = 0; k < beta.length; k++) if (!use[k]) beta[k] = 0;
    double best = objective(sets, feats, beta);
    double[] factors = {0, 0.5, 0.8, 1.25, 2};
    double[] absolute = {0.2, 1, 4};
    for (int pass = 0; pass < 3; pass++) {
      boolean moved = false;
      for (int k = 0; k < beta.length; k++) {
        if (!use[k]) continue;
        double keep = beta[k];
        double bestValue = keep;
        List<Double> tries = new ArrayList<>();
        for (double f : factors) tries.add(keep * f);
        for (double a : absolute) tries.add(a);
        for (double t : tries) {
          beta[k] = t;
          double o = objective(sets, feats, beta);
          if (o > best + 1e-6) {
            best = o;
            bestValue = t;
            moved = true;
          }
        }
        beta[k] = bestValue;
      }
      if (!moved) break;
    }
    return beta;
  }

  /**
   * The mean nDCG@10 of the sets plus the worst set's margin over its best single side (nDCG@10 −
   * max(bm25, dense)): a gain on one set does not buy a loss on another.
   */
  private static double objective(
      List<SetData> sets, List<List<LearnedFusion.Candidates>> feats, double[] beta) {
    double total = 0;
    double worst = Double.POSITIVE_INFINITY;
    for (int s = 0; s < sets.size(); s++) {
      List<QueryData> qs = sets.get(s).queries();
      double sum = 0;
      for (int i = 0; i < qs.size(); i++) {
        QueryData q = qs.get(i);
        sum += RankingMetrics.ndcg(top10(q, feats.get(s).get(i), beta), q.judged(), 10);
      }
      double ndcg = sum / Math.max(1, qs.size());
      total += ndcg;
      worst = Math.min(worst, ndcg - bestSide(sets.get(s)));
    }
    return total / sets.size() + worst;
  }

  /** max(bm25, dense) nDCG@10 of a set, computed once. */
  private static double bestSide(SetData set) {
    return BEST_SIDE.computeIfAbsent(
        set.name(),
        k -> Math.max(measure(set, QueryData::bm25).ndcg(), measure(set, QueryData::dense).ndcg()));
  }

  private static final Map<String, Double> BEST_SIDE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The ids of the first ten of {@link LearnedFusion#rank}, found by selection (the objective runs
   * this for every query at every step): same scores as a float, same tie-breaks.
   */
  private static List<String> top10(QueryData q, LearnedFusion.Candidates c, double[] beta) {
    int n = c.docs().length;
    float[] score = new float[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      double[] x = c.x()[i];
      for (int f = 0; f < beta.length; f++) if (beta[f] != 0) s += beta[f] * x[f];
      score[i] = (float) s;
    }
    boolean[] taken = new boolean[n];
    List<String> out = new ArrayList<>(10);
    for (int k = 0; k < Math.min(10, n); k++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (taken[i]) continue;
        if (best < 0 || before(c, score, i, best)) best = i;
      }
      taken[best] = true;
      out.add(q.ids().get(c.docs()[best]));
    }
    return out;
  }

  private static boolean before(LearnedFusion.Candidates c, float[] score, int i, int j) {
    if (score[i] != score[j]) return score[i] > score[j];
    if (c.wordRank()[i] != c.wordRank()[j]) return c.wordRank()[i] < c.wordRank()[j];
    return c.docs()[i] < c.docs()[j];
  }

  /** A line to stderr at once (surefire holds stdout until the end). */
  static void progress(String line) {
    System.err.println("fusion tuning: " + line);
  }

  /** Pairwise fit, or pairwise fit then coordinate ascent on nDCG@10. */
  static double[] fitBy(List<SetData> sets, boolean[] use, boolean ndcg) {
    double[] pw = fit(sets, use);
    return ndcg ? ascend(sets, use, pw) : pw;
  }

  static boolean[] uses(String... names) {
    boolean[] use = new boolean[LearnedFusion.FEATURES.size()];
    for (String n : names) {
      int i = LearnedFusion.FEATURES.indexOf(n);
      if (i < 0) throw new IllegalArgumentException("no feature " + n);
      use[i] = true;
    }
    return use;
  }

  /** The feature sets compared, fewest parameters first. */
  static final Map<String, boolean[]> MODELS = new LinkedHashMap<>();

  static {
    MODELS.put("L4 (+keyed, gap)", uses("zb", "zd", "zb*keyed", "zb*gap"));
    MODELS.put("L5 (+bmax)", uses("zb", "zd", "zb*keyed", "zb*gap", "bmax"));
    MODELS.put("L6b (+bmax, cos)", uses("zb", "zd", "zb*keyed", "zb*gap", "bmax", "cos"));
    MODELS.put("L6 (+top, dgap)", uses("zb", "zd", "zb*keyed", "zb*gap", "zd*top", "zd*dgap"));
    MODELS.put(
        "L8 (+bmax, cos)",
        uses("zb", "zd", "zb*keyed", "zb*gap", "zd*top", "zd*dgap", "bmax", "cos"));
  }

  // ---------------------------------------------------------------- reporting

  /**
   * Microseconds per query of fusion alone (the rest of a hybrid search is the same under every
   * fusion), linear against learned over the gathered candidates, after a warm-up round.
   */
  static String timing(List<SetData> sets) {
    StringBuilder b = new StringBuilder();
    List<QueryData> all = sets.stream().flatMap(s -> s.queries().stream()).toList();
    Tuning t = Tuning.DEFAULT;
    for (int round = 0; round < 3; round++) {
      long linear = 0;
      long learned = 0;
      long sink = 0;
      for (QueryData q : all) {
        RankedList w = q.words();
        RankedList m = q.meaning();
        long a = System.nanoTime();
        float bw = ScoreFusion.bm25Weight(t, q.keyed(), w.docs());
        sink += ScoreFusion.fuse(w, m, Fusion.LINEAR, bw, t.norm(), t.rrfK()).length;
        long c = System.nanoTime();
        sink += LearnedFusion.fuse(w, m, q.shape(), LearnedFusion.WEIGHTS).length;
        long d = System.nanoTime();
        linear += c - a;
        learned += d - c;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "fusion time per query, round %d: linear %.1f µs, learned %.1f µs (%d)%n",
              round,
              linear / 1e3 / all.size(),
              learned / 1e3 / all.size(),
              sink));
    }
    return b.toString();
  }

  static void report(List<SetData> sets) {
    // the replay must be the searcher's own ranking, or nothing measured here means anything
    for (SetData s : sets) {
      Function<QueryData, List<String>> linear = fused(Fusion.LINEAR);
      for (QueryData q : s.queries()) {
        assertThat(linear.apply(q)).as(s.name() + " " + q.id()).isEqualTo(q.linear());
      }
    }
    Map<String, Map<String, Figures>> table = new LinkedHashMap<>();
    for (SetData s : sets) {
      Map<String, Figures> row = new LinkedHashMap<>();
      row.put("bm25", measure(s, QueryData::bm25));
      row.put("dense", measure(s, QueryData::dense));
      row.put("linear (old)", measure(s, fused(Fusion.LINEAR)));
      row.put("rrf", measure(s, fused(Fusion.RRF)));
      row.put("shipped", measure(s, learned(LearnedFusion.WEIGHTS)));
      table.put(s.name(), row);
    }
    Map<String, double[]> allFits = new LinkedHashMap<>();
    for (Map.Entry<String, boolean[]> model : MODELS.entrySet()) {
      for (boolean ndcg : new boolean[] {true}) {
        String name = model.getKey() + (ndcg ? " ca" : " pw");
        progress("fitting " + name);
        double[] all = fitBy(sets, model.getValue(), ndcg);
        allFits.put(name, all);
        for (SetData held : sets) {
          List<SetData> others = sets.stream().filter(s -> s != held).toList();
          double[] beta = others.isEmpty() ? all : fitBy(others, model.getValue(), ndcg);
          table.get(held.name()).put(name + " LOSO", measure(held, learned(beta)));
          table.get(held.name()).put(name + " all", measure(held, learned(all)));
        }
      }
    }
    StringBuilder b = new StringBuilder("\nfusion tuning: nDCG@10 / Recall@100 / MRR@10\n");
    List<String> systems = new ArrayList<>(table.values().iterator().next().keySet());
    b.append(String.format(Locale.ROOT, "%-30s", "system"));
    for (String set : table.keySet()) b.append(String.format(Locale.ROOT, " %24s", set));
    b.append(String.format(Locale.ROOT, " %8s%n", "mean"));
    for (String sys : systems) {
      b.append(String.format(Locale.ROOT, "%-30s", sys));
      double mean = 0;
      for (Map<String, Figures> row : table.values()) {
        Figures f = row.get(sys);
        mean += f.ndcg() / table.size();
        b.append(String.format(Locale.ROOT, "  %.4f / %.4f / %.4f", f.ndcg(), f.recall(), f.mrr()));
      }
      b.append(String.format(Locale.ROOT, " %8.4f%n", mean));
    }
    b.append("\nfit on all sets (").append(table.keySet()).append("):\n");
    allFits.forEach(
        (name, beta) ->
            b.append(String.format(Locale.ROOT, "%-30s", name))
                .append("  static final double[] WEIGHTS = {")
                .append(
                    Arrays.stream(beta)
                        .mapToObj(x -> String.format(Locale.ROOT, "%.4f", x))
                        .collect(Collectors.joining(", ")))
                .append("};\n"));
    b.append("features: ").append(LearnedFusion.FEATURES).append('\n');
    b.append(timing(sets));
    System.out.print(b);
  }
}
