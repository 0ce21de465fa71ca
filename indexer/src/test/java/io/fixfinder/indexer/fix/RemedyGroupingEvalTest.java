package io.fixfinder.indexer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The grouping of remedies measured on hand-labelled real remedies (remedy-groups.tsv: Open Repair
 * Data row ids and group labels; the texts are read from {@code ../shared/data}). The labelled rows
 * are split in two halves by their position in the file (even, odd); the similarity and threshold
 * are chosen on one half by pairwise F1 and reported on the other, both ways round. Pairs are
 * counted within one set (one product category), as grouping runs within one issue. Skipped, saying
 * so, when the data folder is absent.
 *
 * <p>{@code ./mvnw -o -B -pl indexer -am test -Dtest=RemedyGroupingEvalTest
 * -Dsurefire.failIfNoSpecifiedTests=false} prints the table of docs/relevance.md ("Fix grouping").
 */
class RemedyGroupingEvalTest {
  record Item(String id, String set, String group, Set<String> terms, float[] vector) {}

  record Prf(double precision, double recall, double f1, long truePairs, long predictedPairs) {
    @Override
    public String toString() {
      return String.format(
          "P %.3f R %.3f F1 %.3f (%d labelled pairs, %d grouped)",
          precision, recall, f1, truePairs, predictedPairs);
    }
  }

  @Test
  void groupingChosenOnOneHalfHoldsOnTheOther() throws Exception {
    Optional<Path> csv = ords();
    Assumptions.assumeTrue(
        csv.isPresent(), "../shared/data/openrepair not found: remedy grouping evaluation skipped");
    List<Item> items = load(csv.get());
    assertThat(items).as("every labelled id is found in the ORDS file").hasSize(labels().size());
    List<Item> even = new ArrayList<>(), odd = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) (i % 2 == 0 ? even : odd).add(items.get(i));
    System.out.printf(
        "remedies: %d labelled, halves %d and %d%n", items.size(), even.size(), odd.size());
    for (List<List<Item>> run : List.of(List.of(even, odd), List.of(odd, even))) {
      RemedyGrouping chosen = tune(run.get(0));
      Prf tuned = score(run.get(0), chosen);
      Prf held = score(run.get(1), chosen);
      Prf shipped = score(run.get(1), RemedyGrouping.DEFAULT);
      Prf oneGroup = score(run.get(1), new RemedyGrouping(Similarity.JACCARD, Double.MIN_VALUE));
      System.out.printf(
          "tune on %s half: %s %.2f idf %s  tuning %s | held-out %s | shipped %s %.2f held-out %s | one group per set %s%n",
          run.get(0) == even ? "even" : "odd",
          chosen.similarity(),
          chosen.threshold(),
          chosen.idf(),
          tuned,
          held,
          RemedyGrouping.DEFAULT.similarity(),
          RemedyGrouping.DEFAULT.threshold(),
          shipped,
          oneGroup);
      double bestT = 0, bestF1 = -1;
      for (int t = 5; t <= 95; t += 5) {
        double f1 = scoreEmbedded(run.get(0), t / 100.0).f1();
        if (f1 > bestF1 + 1e-9) {
          bestF1 = f1;
          bestT = t / 100.0;
        }
      }
      System.out.printf(
          "  embeddings (cosine, average link) %.2f: tuning %s | held-out %s%n",
          bestT, scoreEmbedded(run.get(0), bestT), scoreEmbedded(run.get(1), bestT));
      for (boolean idf : new boolean[] {false, true}) {
        RemedyGrouping g = tune(run.get(0), idf);
        System.out.printf(
            "  best with idf %s: %s %.2f  tuning %s | held-out %s%n",
            idf, g.similarity(), g.threshold(), score(run.get(0), g), score(run.get(1), g));
      }
      assertThat(held.f1())
          .as("held-out F1 beats putting everything in one group")
          .isGreaterThan(oneGroup.f1());
    }
  }

  /** The similarity and threshold with the best pairwise F1 on {@code items}. */
  static RemedyGrouping tune(List<Item> items) {
    RemedyGrouping plain = tune(items, false), weighted = tune(items, true);
    return score(items, weighted).f1() > score(items, plain).f1() + 1e-9 ? weighted : plain;
  }

  /** The similarity and threshold with the best pairwise F1 on {@code items}, idf or not. */
  static RemedyGrouping tune(List<Item> items, boolean idfWeights) {
    RemedyGrouping best = null;
    double bestF1 = -1;
    for (boolean idf : new boolean[] {idfWeights}) {
      for (Similarity s : Similarity.values()) {
        for (int t = 5; t <= 95; t += 5) {
          RemedyGrouping g = new RemedyGrouping(s, t / 100.0, idf);
          double f1 = score(items, g).f1();
          if (f1 > bestF1 + 1e-9) {
            bestF1 = f1;
            best = g;
          }
        }
      }
    }
    return best;
  }

  /** Pairwise precision, recall and F1 of the grouping against the labels, within each set. */
  static Prf score(List<Item> items, RemedyGrouping grouping) {
    return score(items, set -> grouping.group(set.stream().map(Item::terms).toList()));
  }

  /** Average-link groups over the cosine of the items' sentence embeddings (all-MiniLM-L6-v2). */
  static Prf scoreEmbedded(List<Item> items, double threshold) {
    return score(
        items,
        set -> {
          double[][] sim = new double[set.size()][set.size()];
          for (int a = 0; a < set.size(); a++)
            for (int b = 0; b < set.size(); b++)
              sim[a][b] = Math.max(0, cosine(set.get(a).vector(), set.get(b).vector()));
          return RemedyGrouping.group(sim, threshold);
        });
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  static Prf score(List<Item> items, Function<List<Item>, List<List<Integer>>> grouper) {
    Map<String, List<Item>> bySet = new LinkedHashMap<>();
    for (Item i : items) bySet.computeIfAbsent(i.set(), k -> new ArrayList<>()).add(i);
    long tp = 0, predicted = 0, truth = 0;
    for (List<Item> set : bySet.values()) {
      int[] cluster = new int[set.size()];
      List<List<Integer>> groups = grouper.apply(set);
      for (int g = 0; g < groups.size(); g++) for (int i : groups.get(g)) cluster[i] = g;
      for (int a = 0; a < set.size(); a++) {
        for (int b = a + 1; b < set.size(); b++) {
          boolean same = set.get(a).group().equals(set.get(b).group());
          boolean together = cluster[a] == cluster[b];
          if (same) truth++;
          if (together) predicted++;
          if (same && together) tp++;
        }
      }
    }
    double p = predicted == 0 ? 0 : tp / (double) predicted;
    double r = truth == 0 ? 0 : tp / (double) truth;
    return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), truth, predicted);
  }

  static List<String[]> labels() throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = RemedyGroupingEvalTest.class.getResourceAsStream("remedy-groups.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank() || line.startsWith("id\t")) continue;
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  static List<Item> load(Path csv) throws Exception {
    List<String[]> labels = labels();
    Map<String, String> problem = new HashMap<>();
    Set<String> wanted = new java.util.HashSet<>();
    for (String[] l : labels) wanted.add(l[0]);
    try (CsvReader r =
        new CsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), 100_000)) {
      List<String> header = r.next().orElseThrow();
      int id = header.indexOf("id"), text = header.indexOf("problem");
      for (Optional<List<String>> row = r.next(); row.isPresent(); row = r.next()) {
        List<String> f = row.get();
        if (f.size() > text && wanted.contains(f.get(id))) problem.put(f.get(id), f.get(text));
      }
    }
    List<String[]> found = labels.stream().filter(l -> problem.containsKey(l[0])).toList();
    List<float[]> vectors;
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
      vectors = embedder.embed(found.stream().map(l -> problem.get(l[0])).toList());
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      String[] l = found.get(i);
      items.add(
          new Item(
              l[0], l[1], l[2], RemedyText.terms(problem.get(l[0]), List.of()), vectors.get(i)));
    }
    return items;
  }

  static Optional<Path> ords() {
    for (String root : new String[] {"../shared/data", "../../shared/data"}) {
      Path p = Path.of(root, "openrepair", "OpenRepairData_v0.3_RestartProject_202204.csv");
      if (Files.isRegularFile(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
