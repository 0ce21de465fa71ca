package io.fixfinder.indexer.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.confidence.Confidence;
import io.fixfinder.indexer.confidence.Evidence;
import io.fixfinder.indexer.confidence.Logistic;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.RankingMetrics;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.eval.search.Unanswerable;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The confidence tuning harness (not a unit test: it runs only when {@code -Dfixfinder.devsets=DIR}
 * names a folder of BEIR sets). Each set is indexed with embeddings; every judged query and every
 * generated {@link Unanswerable} query is searched in hybrid and in bm25 mode and the {@link
 * Evidence} of its top 10 is kept with each result's judgement (unanswerable: never relevant). Each
 * mode is fit apart, leave-one-set-out: each set's calibration error, false confidence and nDCG@10
 * lost come from a model and threshold chosen on the other sets only, and the unanswerable queries
 * a held-out fit still answers are printed to be read. The shipped calibrations are the fits on all
 * sets, printed as the {@link Confidence#HYBRID} and {@link Confidence#WORDS} lines.
 *
 * <p>Each set is asked its own part of the off-topic questions ({@link Unanswerable#offTopic}, by
 * the sets' sorted order), so a held-out set's are never among those fit on; {@code
 * -Dfixfinder.offTopic=shared} asks part 0 everywhere (the protocol before). Ablations: {@code
 * -Dfixfinder.drop=a,b} leaves features out of both models, {@code -Dfixfinder.dropHit=a,b} out of
 * the per-result one; {@code -Dfixfinder.maxFalseConfidence} and {@code
 * -Dfixfinder.thresholdRule=mean|worst} change the threshold's bound; {@code
 * -Dfixfinder.confidenceDump=FILE} writes every query's features.
 *
 * <p>Run: {@code ./mvnw -o -B -q -pl indexer -am test -Dtest=ConfidenceTuning
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfixfinder.devsets=/tmp/devsets}
 */
class ConfidenceTuning {
  /** L2 penalty of the fit. */
  static final double LAMBDA = 1e-3;

  /** The threshold is the one losing least nDCG with false confidence at most this on its sets. */
  static final double MAX_FALSE_CONFIDENCE =
      Double.parseDouble(System.getProperty("fixfinder.maxFalseConfidence", "0.03"));

  /**
   * Whether the false-confidence bound holds on the sets' mean ({@code mean}) or on each set
   * ({@code worst}) the threshold is chosen on.
   */
  static final String THRESHOLD_RULE = System.getProperty("fixfinder.thresholdRule", "mean");

  /** One query: its top-10 evidence, whether each hit is relevant, nDCG unrestricted and now. */
  record Q(
      String set,
      String mode,
      String text,
      boolean answerable,
      String kind,
      int part,
      double[][] x,
      boolean[] relevant,
      double ndcgUnrestricted,
      double ndcg)
      implements java.io.Serializable {
    List<Evidence> evidence() {
      List<Evidence> out = new ArrayList<>();
      for (double[] f : x) out.add(Evidence.of(masked(f, Evidence.NAMES, DROP)));
      return out;
    }
  }

  @Test
  void tune() throws Exception {
    String root = System.getProperty("fixfinder.devsets", "");
    assumeTrue(
        !root.isBlank() && Files.isDirectory(Path.of(root)),
        "confidence tuning harness: set -Dfixfinder.devsets=DIR to run it");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(Path.of(root))) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("corpus.jsonl"))).sorted().toList();
    }
    List<Q> all = new ArrayList<>();
    String cache = System.getProperty("fixfinder.confidenceCache", "");
    Path cached = cache.isBlank() ? null : Path.of(cache, "confidence.ser");
    if (cached != null && Files.isRegularFile(cached)) {
      try (var in = new java.io.ObjectInputStream(Files.newInputStream(cached))) {
        @SuppressWarnings("unchecked")
        List<Q> read = (List<Q>) in.readObject();
        all.addAll(read);
      }
    } else {
      try (MiniLmEmbedder model = new MiniLmEmbedder(2)) {
        for (Path dir : dirs) all.addAll(gather(dir, model));
      }
      if (cached != null) {
        Files.createDirectories(cached.getParent());
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(cached))) {
          out.writeObject(new ArrayList<>(all));
        }
      }
    }
    List<String> names = all.stream().map(Q::set).distinct().sorted().toList();
    boolean shared = OFF_TOPIC_PROTOCOL.equals("shared");
    System.out.println(
        "off-topic questions: "
            + (shared
                ? "part 0 asked of every set (shared: held-out figures optimistic for this kind)"
                : "each set its own part (disjoint: never fit on a held-out set's questions)")
            + "; dropped features: "
            + DROP
            + "; dropped from the hit model: "
            + DROP_HIT);
    List<Q> asked =
        all.stream()
            .filter(
                q ->
                    !q.kind().equals("off-topic")
                        || q.part() == (shared ? 0 : names.indexOf(q.set())))
            .toList();
    String dump = System.getProperty("fixfinder.confidenceDump", "");
    if (!dump.isBlank()) dump(asked, Path.of(dump));
    for (Retrieval mode : MODES) {
      tune(asked.stream().filter(q -> q.mode().equals(mode.name())).toList(), mode);
    }
    System.out.println("query features: " + Confidence.QUERY_FEATURES);
    System.out.println("features: " + Evidence.NAMES);
  }

  /**
   * Which off-topic questions each set is asked: {@code disjoint} (default) its own part of {@link
   * Unanswerable#offTopic}, {@code shared} part 0 everywhere (the protocol before, under which a
   * held-out set's off-topic questions were among those fit on the other four).
   */
  static final String OFF_TOPIC_PROTOCOL = System.getProperty("fixfinder.offTopic", "disjoint");

  /** Features left out of both models, for ablations ({@code -Dfixfinder.drop=a,b}). */
  static final java.util.Set<String> DROP = names("fixfinder.drop");

  /** Features left out of the per-result model only ({@code -Dfixfinder.dropHit=a,b}). */
  static final java.util.Set<String> DROP_HIT = names("fixfinder.dropHit");

  private static java.util.Set<String> names(String property) {
    String v = System.getProperty(property, "");
    return v.isBlank() ? java.util.Set.of() : java.util.Set.of(v.split(","));
  }

  /** {@code x} with the features {@code drop} names zeroed (a zero column fits a zero weight). */
  static double[] masked(double[] x, List<String> names, java.util.Set<String> drop) {
    if (drop.isEmpty()) return x;
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) if (drop.contains(names.get(i))) out[i] = 0;
    return out;
  }

  /** The per-result model's input of a hit's features. */
  static double[] hx(double[] x) {
    return masked(masked(x, Evidence.NAMES, DROP), Evidence.NAMES, DROP_HIT);
  }

  /** One line per query: set, mode, kind, nDCG, query features under no model, text. */
  static void dump(List<Q> qs, Path file) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "set\tmode\tkind\tndcgUnrestricted\tndcg\t"
            + String.join("\t", Confidence.QUERY_FEATURES)
            + "\ttext");
    for (Q q : qs) {
      double[] f = Confidence.queryFeatures(q.evidence());
      lines.add(
          String.join(
              "\t",
              q.set(),
              q.mode(),
              q.kind(),
              fmt(q.ndcgUnrestricted()),
              fmt(q.ndcg()),
              Arrays.stream(f).mapToObj(ConfidenceTuning::fmt).collect(Collectors.joining("\t")),
              q.text()));
    }
    Files.write(file, lines);
  }

  /** The retrieval modes fit apart: with a dense side, and on words alone. */
  static final List<Retrieval> MODES = List.of(Retrieval.HYBRID, Retrieval.BM25);

  /** Leave-one-set-out figures of one mode, its confident misses, and its shipped fit. */
  static void tune(List<Q> all, Retrieval mode) {
    List<String> sets = all.stream().map(Q::set).distinct().toList();
    System.out.println("== " + mode);
    System.out.println(
        "set | ECE held-out | false confidence | by kind | answered | nDCG unrestricted | restricted"
            + " | abstaining | lost | threshold");
    List<String> misses = new ArrayList<>();
    for (String held : sets) {
      List<Q> train = all.stream().filter(q -> !q.set().equals(held)).toList();
      List<Q> test = all.stream().filter(q -> q.set().equals(held)).toList();
      Logistic m = fit(train);
      Logistic a = fitAnswer(train, m);
      double tau = threshold(train, m, a);
      System.out.println(held + " | " + report(test, m, a, tau) + " | " + fmt(tau));
      for (Q q : test) {
        double p = a.probability(queryFeatures(q, m));
        if (!q.answerable() && q.x().length > 0 && p >= tau) {
          misses.add(held + " | " + q.kind() + " | " + fmt(p) + " | " + q.text());
        }
      }
    }
    Logistic m = fit(all);
    Logistic a = fitAnswer(all, m);
    double tau = threshold(all, m, a);
    System.out.println("all (in-sample) | " + report(all, m, a, tau) + " | " + fmt(tau));
    System.out.println("confident misses, held out (set | kind | p | query):");
    misses.forEach(x -> System.out.println("  " + x));
    System.out.println(mode + " MODEL = " + java(m) + ";");
    System.out.println(mode + " ANSWER_MODEL = " + java(a) + "; ANSWER_THRESHOLD = " + fmt(tau));
  }

  static List<Q> gather(Path dir, MiniLmEmbedder model) throws Exception {
    String name = dir.getFileName().toString();
    BeirSet set = BeirSet.read(dir);
    KeyExtractor extractor = KeyExtractor.builtIn();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SearchEvaluation eval =
        new SearchEvaluation(extractor, Optional.of(model), Fusion.LEARNED, quiet);
    List<SourceDoc> docs = new ArrayList<>();
    for (BeirSet.Doc d : set.corpus()) docs.add(eval.toSourceDoc(d));
    Path tmp = Files.createTempDirectory("fixfinder-confidence-");
    List<Q> out = new ArrayList<>();
    try {
      Indexer.rebuild(tmp, 64, Optional.of(model), docs, quiet);
      try (IndexStore store = IndexStore.open(tmp, 64)) {
        Searcher searcher =
            new Searcher(
                store.searchers(), extractor, Optional.of(model), Retrieval.HYBRID, Fusion.LEARNED);
        Searcher unrestricted = searcher.withoutTypeScope();
        for (Retrieval mode : MODES) {
          for (BeirSet.Query q : set.judgedQueries()) {
            Map<String, Integer> judged = set.qrels().get(q.id());
            out.add(one(searcher, unrestricted, mode, name, q.text(), "answerable", -1, judged));
          }
          for (Unanswerable.Query q : Unanswerable.of(docs, extractor.lexicon())) {
            if (q.kind().equals("off-topic")) continue; // every part below
            out.add(one(searcher, unrestricted, mode, name, q.text(), q.kind(), -1, Map.of()));
          }
          for (int part = 0; part < Unanswerable.OFF_TOPIC_PARTS; part++) {
            for (String q : Unanswerable.offTopic(part)) {
              out.add(one(searcher, unrestricted, mode, name, q, "off-topic", part, Map.of()));
            }
          }
        }
      }
    } finally {
      FileTrees.delete(tmp);
    }
    System.out.println("confidence tuning: " + name + " " + out.size() + " queries");
    return out;
  }

  private static Q one(
      Searcher searcher,
      Searcher unrestricted,
      Retrieval mode,
      String set,
      String text,
      String kind,
      int part,
      Map<String, Integer> judged)
      throws Exception {
    SearchRequest r = SearchRequest.of(text).withSize(10).withMode(mode);
    Searcher.Judged j = searcher.judge(r);
    Evidence[] e = searcher.evidence(r, 10);
    double[][] x = new double[e.length][];
    boolean[] rel = new boolean[e.length];
    for (int i = 0; i < e.length; i++) {
      x[i] = e[i].features();
      rel[i] = i < j.ids().size() && judged.getOrDefault(j.ids().get(i), 0) > 0;
    }
    boolean answerable = kind.equals("answerable");
    return new Q(
        set,
        mode.name(),
        text,
        answerable,
        kind,
        part,
        x,
        rel,
        answerable ? RankingMetrics.ndcg(unrestricted.rankIds(r), judged, 10) : 0,
        answerable ? RankingMetrics.ndcg(j.ids(), judged, 10) : 0);
  }

  /** Every hit an example; each set weighs the same, and within it answerable and not alike. */
  static Logistic fit(List<Q> qs) {
    List<Logistic.Example> ex = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    Map<String, Long> perGroup =
        qs.stream()
            .collect(
                Collectors.groupingBy(
                    q -> q.set() + q.answerable(), Collectors.summingLong(q -> q.x().length)));
    for (Q q : qs) {
      for (int i = 0; i < q.x().length; i++) {
        ex.add(new Logistic.Example(hx(q.x()[i]), q.relevant()[i]));
        w.add(1.0 / perGroup.get(q.set() + q.answerable()));
      }
    }
    return Logistic.fit(ex, w.stream().mapToDouble(Double::doubleValue).toArray(), LAMBDA);
  }

  static String java(Logistic m) {
    return "new Logistic("
        + fmt(m.bias())
        + ", new double[] {"
        + Arrays.stream(m.weights())
            .mapToObj(ConfidenceTuning::fmt)
            .collect(Collectors.joining(", "))
        + "})";
  }

  /** The query-level features under hit model {@code m} (as {@link Confidence#queryFeatures}). */
  static double[] queryFeatures(Q q, Logistic m) {
    double[] f = Confidence.queryFeatures(q.evidence());
    double maxP = 0;
    for (double[] x : q.x()) maxP = Math.max(maxP, m.probability(hx(x)));
    f[0] = maxP;
    return masked(f, Confidence.QUERY_FEATURES, DROP);
  }

  /**
   * Answerable queries weigh the nDCG@10 their results reach (nothing to lose where nothing
   * relevant is shown), unanswerable ones 1; each set's two sides weigh the same.
   */
  static Logistic fitAnswer(List<Q> qs, Logistic m) {
    List<Logistic.Example> ex = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    Map<String, Double> mass = new java.util.HashMap<>();
    for (Q q : qs) {
      mass.merge(q.set() + q.answerable(), q.answerable() ? q.ndcg() : 1, Double::sum);
    }
    for (Q q : qs) {
      double weight = q.answerable() ? q.ndcg() : 1;
      if (weight <= 0) continue;
      ex.add(new Logistic.Example(queryFeatures(q, m), q.answerable()));
      w.add(weight / mass.get(q.set() + q.answerable()));
    }
    return Logistic.fit(ex, w.stream().mapToDouble(Double::doubleValue).toArray(), LAMBDA);
  }

  static double threshold(List<Q> qs, Logistic m, Logistic a) {
    double best = 0.5;
    double bestLoss = Double.MAX_VALUE;
    for (int t = 1; t < 1000; t++) {
      double tau = t / 1000.0;
      Figures f = figures(qs, m, a, tau);
      double fc = THRESHOLD_RULE.equals("worst") ? f.worstFalseConfidence() : f.falseConfidence();
      if (fc <= MAX_FALSE_CONFIDENCE && f.lost() < bestLoss - 1e-9) {
        bestLoss = f.lost();
        best = tau;
      }
    }
    return best;
  }

  record Figures(
      double falseConfidence,
      Map<String, Double> byKind,
      double answered,
      double unrestricted,
      double restricted,
      double abstaining,
      double ece,
      double worstFalseConfidence) {
    double lost() {
      return unrestricted - abstaining;
    }
  }

  /** Figures averaged per set (each set weighs the same). */
  static Figures figures(List<Q> qs, Logistic m, Logistic a, double tau) {
    List<String> sets = qs.stream().map(Q::set).distinct().toList();
    double fc = 0, ans = 0, un = 0, re = 0, ab = 0, ece = 0, worst = 0;
    Map<String, Double> kinds = new java.util.TreeMap<>();
    for (String s : sets) {
      List<Q> in = qs.stream().filter(q -> q.set().equals(s)).toList();
      int answerable = 0, unanswerable = 0, confident = 0, answered = 0;
      double u = 0, r = 0, kept = 0;
      Map<String, int[]> byKind = new java.util.TreeMap<>();
      double[] p = new double[10], y = new double[10];
      int n = 0;
      for (Q q : in) {
        List<Double> c = new ArrayList<>();
        for (int i = 0; i < q.x().length; i++) {
          double pi = m.probability(hx(q.x()[i]));
          c.add(pi);
          int b = Math.min(9, (int) (pi * 10));
          p[b] += pi;
          y[b] += q.relevant()[i] ? 1 : 0;
          n++;
        }
        boolean yes = !c.isEmpty() && a.probability(queryFeatures(q, m)) >= tau;
        if (q.answerable()) {
          answerable++;
          u += q.ndcgUnrestricted();
          r += q.ndcg();
          if (yes) {
            answered++;
            kept += q.ndcg();
          }
        } else {
          unanswerable++;
          int[] k = byKind.computeIfAbsent(q.kind(), x -> new int[2]);
          k[1]++;
          if (yes) {
            confident++;
            k[0]++;
          }
        }
      }
      double e = 0;
      for (int b = 0; b < 10; b++) e += Math.abs(p[b] - y[b]);
      fc += confident / (double) Math.max(1, unanswerable);
      worst = Math.max(worst, confident / (double) Math.max(1, unanswerable));
      ans += answered / (double) Math.max(1, answerable);
      un += u / Math.max(1, answerable);
      re += r / Math.max(1, answerable);
      ab += kept / Math.max(1, answerable);
      ece += n == 0 ? 0 : e / n;
      byKind.forEach((k, v) -> kinds.merge(k, v[0] / (double) v[1] / sets.size(), Double::sum));
    }
    int k = sets.size();
    return new Figures(fc / k, kinds, ans / k, un / k, re / k, ab / k, ece / k, worst);
  }

  static String report(List<Q> qs, Logistic m, Logistic a, double tau) {
    Figures f = figures(qs, m, a, tau);
    return String.join(
        " | ",
        fmt(f.ece()),
        fmt(f.falseConfidence()),
        f.byKind().entrySet().stream()
            .map(e -> e.getKey() + " " + fmt(e.getValue()))
            .collect(Collectors.joining(", ")),
        fmt(f.answered()),
        fmt(f.unrestricted()),
        fmt(f.restricted()),
        fmt(f.abstaining()),
        fmt(f.lost()));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
