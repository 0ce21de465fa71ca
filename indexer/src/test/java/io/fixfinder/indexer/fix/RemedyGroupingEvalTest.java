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
 * are split in two halves by their position in the file (even, odd), and by product (vacuum,
 * kettle); the grouping (words alone, or a blend of sentence embeddings and words) and its
 * threshold are chosen on one part by pairwise F1 and reported on the other (pairwise and B-cubed),
 * each way round. Pairs are counted within one set (one product category), as grouping runs within
 * one issue. Skipped, saying so, when the data folder is absent.
 *
 * <p>{@code ./mvnw -o -B -pl indexer -am test -Dtest=RemedyGroupingEvalTest
 * -Dsurefire.failIfNoSpecifiedTests=false} prints the table of docs/relevance.md ("Fix grouping").
 */
class RemedyGroupingEvalTest {
  record Item(String id, String set, String group, Set<String> terms, float[] vector) {}

  record Prf(double precision, double recall, double f1, long truePairs, long predictedPairs) {
    @Override
    public String toString() {
      return truePairs < 0
          ? String.format("P %.3f R %.3f F1 %.3f", precision, recall, f1)
          : String.format(
              "P %.3f R %.3f F1 %.3f (%d labelled pairs, %d grouped)",
              precision, recall, f1, truePairs, predictedPairs);
    }

    String f1Only() {
      return String.format("F1 %.3f", f1);
    }
  }

  /** One direction of the protocol: settings chosen on {@code tune}, reported on {@code held}. */
  record Run(String name, List<Item> tune, List<Item> held) {}

  @Test
  void groupingChosenOnOneHalfHoldsOnTheOther() throws Exception {
    Optional<Path> csv = ords();
    Assumptions.assumeTrue(
        csv.isPresent(), "../shared/data/openrepair not found: remedy grouping evaluation skipped");
    List<Item> items = load(csv.get());
    assertThat(items).as("every labelled id is found in the ORDS file").hasSize(labels().size());
    List<Item> even = new ArrayList<>(), odd = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) (i % 2 == 0 ? even : odd).add(items.get(i));
    List<Item> vacuum = items.stream().filter(i -> i.set().equals("vacuum")).toList();
    List<Item> kettle = items.stream().filter(i -> i.set().equals("kettle")).toList();
    System.out.printf(
        "remedies: %d labelled, halves %d and %d, vacuum %d, kettle %d%n",
        items.size(), even.size(), odd.size(), vacuum.size(), kettle.size());
    List<Run> runs =
        List.of(
            new Run("even -> odd", even, odd),
            new Run("odd -> even", odd, even),
            new Run("vacuum -> kettle", vacuum, kettle),
            new Run("kettle -> vacuum", kettle, vacuum));
    for (Run run : runs) {
      RemedyGrouping words = tune(run.tune());
      RemedyGrouping blend = tuneBlend(run.tune(), 0.1, 0.9);
      RemedyGrouping embedded = tuneBlend(run.tune(), 1.0, 1.0);
      RemedyGrouping oneGroup = new RemedyGrouping(Similarity.JACCARD, Double.MIN_VALUE);
      System.out.printf("%s%n", run.name());
      for (var named :
          List.of(
              Map.entry("words (tuned)", words),
              Map.entry("blend (tuned)", blend),
              Map.entry("embeddings alone (tuned)", embedded),
              Map.entry(
                  "DEFAULT's form, t tuned", tuneThreshold(run.tune(), RemedyGrouping.DEFAULT)),
              Map.entry("one group per set", oneGroup))) {
        RemedyGrouping g = named.getValue();
        System.out.printf(
            "  %-26s %-8s %.2f idf %-5s cos %.1f | tuning %s | held-out %s | B3 held-out %s%n",
            named.getKey(),
            g.similarity(),
            g.threshold(),
            g.idf(),
            g.embeddingWeight(),
            score(run.tune(), g).f1Only(),
            score(run.held(), g),
            bcubed(run.held(), g));
      }
      assertThat(score(run.held(), words).f1())
          .as(run.name() + ": held-out F1 of words beats putting everything in one group")
          .isGreaterThan(score(run.held(), oneGroup).f1());
    }
    // the shipped settings are what the protocol chose on the even half (shipped settings are not
    // printed for the other directions: the even half overlaps what they report on)
    assertThat(tune(even)).isEqualTo(RemedyGrouping.WORDS);
    assertThat(tuneBlend(even, 0.1, 0.9)).isEqualTo(RemedyGrouping.DEFAULT);
  }

  /** The word similarity and threshold with the best pairwise F1 on {@code items}. */
  static RemedyGrouping tune(List<Item> items) {
    RemedyGrouping plain = tune(items, false), weighted = tune(items, true);
    return score(items, weighted).f1() > score(items, plain).f1() + 1e-9 ? weighted : plain;
  }

  /** The word similarity and threshold with the best pairwise F1 on {@code items}, idf or not. */
  static RemedyGrouping tune(List<Item> items, boolean idf) {
    RemedyGrouping best = null;
    double bestF1 = -1;
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
    return best;
  }

  /**
   * The blend (cosine weight from {@code minWeight} to {@code maxWeight} by 0.1, word similarity,
   * threshold 0.05 to 0.95 by 0.05) with the best pairwise F1 on {@code items}; the first of equals
   * in that order. A weight of 1 is the embeddings alone.
   */
  static RemedyGrouping tuneBlend(List<Item> items, double minWeight, double maxWeight) {
    RemedyGrouping best = null;
    double bestF1 = -1;
    for (Similarity s : Similarity.values()) {
      for (int w = (int) Math.round(minWeight * 10); w <= Math.round(maxWeight * 10); w++) {
        for (int t = 5; t <= 95; t += 5) {
          RemedyGrouping g = new RemedyGrouping(s, t / 100.0, false, w / 10.0);
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

  static List<List<Integer>> groups(List<Item> set, RemedyGrouping grouping) {
    List<Set<String>> terms = set.stream().map(Item::terms).toList();
    return grouping.usesVectors()
        ? grouping.group(terms, set.stream().map(Item::vector).toList())
        : grouping.group(terms);
  }

  /**
   * {@code form} (its similarity and cosine weight) at the threshold, 0.05 to 0.95 by 0.05, with
   * the best pairwise F1 on {@code items}: the shipped blend's form re-tuned, for comparison.
   */
  static RemedyGrouping tuneThreshold(List<Item> items, RemedyGrouping form) {
    RemedyGrouping best = null;
    double bestF1 = -1;
    for (int t = 5; t <= 95; t += 5) {
      RemedyGrouping g =
          new RemedyGrouping(form.similarity(), t / 100.0, form.idf(), form.embeddingWeight());
      double f1 = score(items, g).f1();
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = g;
      }
    }
    return best;
  }

  /** Pairwise precision, recall and F1 of the grouping against the labels, within each set. */
  static Prf score(List<Item> items, RemedyGrouping grouping) {
    return score(items, set -> groups(set, grouping));
  }

  /**
   * B-cubed precision, recall and F1: per remedy, the share of its group that has its label and the
   * share of its label that is in its group, averaged over the remedies (within each set).
   */
  static Prf bcubed(List<Item> items, RemedyGrouping grouping) {
    Map<String, List<Item>> bySet = new LinkedHashMap<>();
    for (Item i : items) bySet.computeIfAbsent(i.set(), k -> new ArrayList<>()).add(i);
    double p = 0, r = 0;
    int n = 0;
    for (List<Item> set : bySet.values()) {
      int[] cluster = new int[set.size()];
      List<List<Integer>> groups = groups(set, grouping);
      for (int g = 0; g < groups.size(); g++) for (int i : groups.get(g)) cluster[i] = g;
      for (int a = 0; a < set.size(); a++) {
        int both = 0, sameCluster = 0, sameLabel = 0;
        for (int b = 0; b < set.size(); b++) {
          boolean c = cluster[a] == cluster[b];
          boolean l = set.get(a).group().equals(set.get(b).group());
          if (c) sameCluster++;
          if (l) sameLabel++;
          if (c && l) both++;
        }
        p += both / (double) sameCluster;
        r += both / (double) sameLabel;
        n++;
      }
    }
    p /= n;
    r /= n;
    return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), -1, -1);
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
    // as an issue page sees them: the normalised statement, embedded through the vector cache
    List<String> statements =
        found.stream().map(l -> RemedyText.statement(problem.get(l[0]))).toList();
    List<float[]> vectors;
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
      vectors = new RemedyVectors(embedder).of(statements);
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      String[] l = found.get(i);
      items.add(
          new Item(
              l[0], l[1], l[2], RemedyText.terms(statements.get(i), List.of()), vectors.get(i)));
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
