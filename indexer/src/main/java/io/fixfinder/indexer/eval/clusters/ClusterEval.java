package io.fixfinder.indexer.eval.clusters;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.cluster.FaultClusterer;
import io.fixfinder.indexer.cluster.IssueClusterer;
import io.fixfinder.indexer.embed.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters labelled records with FixFinder's real clustering ({@link ClusterStore} in a temporary
 * directory, committed, exactly as indexing does) and with the Carrot2 baselines on the same texts,
 * and scores each against the labels.
 *
 * <p>FixFinder is scored at both of its levels: {@value #FIXFINDER} is the fault-area level (a
 * record's prediction is the fault area of its issue cluster), the one compared with the labels;
 * {@value #FIXFINDER_ISSUE} is the issue level beneath it (what {@value #FIXFINDER} measured before
 * fault areas existed).
 */
public final class ClusterEval {
  /** The fault-area level. */
  public static final String FIXFINDER = "fixfinder";

  /** The issue level. */
  public static final String FIXFINDER_ISSUE = "fixfinder-issue";

  /** FixFinder's two levels from one clustering run (the same seconds for both). */
  public record Levels(Run area, Run issue) {}

  /** The scores of one clusterer and how long it took (clustering only, models loaded). */
  public record Run(ClusterMetrics metrics, double seconds) {}

  /** All runs on one file, in the order fixfinder, fixfinder-issue, carrot2-lingo, -bkmeans. */
  public record Report(
      int documents, int labels, long rows, Map<String, Long> skipped, Map<String, Run> runs) {
    public Report {
      skipped = Map.copyOf(skipped);
      runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }
  }

  private ClusterEval() {}

  public static Report run(LabelledOrds data, Embedder embedder, boolean baselines)
      throws IOException {
    Map<String, Run> runs = new LinkedHashMap<>();
    Levels ff = fixfinder(data, embedder, new FaultClusterer());
    runs.put(FIXFINDER, ff.area());
    runs.put(FIXFINDER_ISSUE, ff.issue());
    if (baselines) {
      List<String> texts = data.docs().stream().map(SourceDoc::text).toList();
      Carrot2Baseline.language();
      for (Carrot2Baseline b :
          List.of(Carrot2Baseline.lingo(), Carrot2Baseline.bisectingKMeans())) {
        long start = System.nanoTime();
        List<String> predicted = b.assign(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        runs.put(b.name(), new Run(ClusterMetrics.of(data.labels(), predicted), seconds));
      }
    }
    return new Report(
        data.docs().size(),
        (int) data.labels().stream().distinct().count(),
        data.rows(),
        data.skipped(),
        runs);
  }

  /**
   * FixFinder's clustering, one add of all records and a commit in a temporary store, scored at
   * both levels; another algorithm or other settings for tuning.
   */
  public static Levels fixfinder(LabelledOrds data, Embedder embedder, IssueClusterer clusterer)
      throws IOException {
    Path dir = Files.createTempDirectory("fixfinder-eval-clusters");
    try {
      long start = System.nanoTime();
      List<String> issues = new ArrayList<>(data.docs().size());
      List<String> areas = new ArrayList<>(data.docs().size());
      try (ClusterStore store =
          ClusterStore.open(dir, embedder, clusterer, java.time.Clock.systemUTC())) {
        store.add(data.docs());
        store.commit();
        for (SourceDoc d : data.docs()) {
          String issue = store.clusterOf(d.id()).orElseThrow();
          issues.add(issue);
          areas.add(store.faultAreaOf(issue).orElseThrow().id());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Levels(
          new Run(ClusterMetrics.of(data.labels(), areas), seconds),
          new Run(ClusterMetrics.of(data.labels(), issues), seconds));
    } finally {
      FileTrees.delete(dir);
    }
  }
}
