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
 */
public final class ClusterEval {
  public static final String FIXFINDER = "fixfinder";

  /** The scores of one clusterer and how long it took (clustering only, models loaded). */
  public record Run(ClusterMetrics metrics, double seconds) {}

  /** All runs on one file, in the order fixfinder, carrot2-lingo, carrot2-bkmeans. */
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
    runs.put(FIXFINDER, fixfinder(data, embedder));
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

  /** FixFinder's clustering: one add of all records and a commit, in a temporary store. */
  public static Run fixfinder(LabelledOrds data, Embedder embedder) throws IOException {
    return fixfinder(data, embedder, new FaultClusterer());
  }

  /** The same with another algorithm or other settings (for tuning). */
  public static Run fixfinder(LabelledOrds data, Embedder embedder, IssueClusterer clusterer)
      throws IOException {
    Path dir = Files.createTempDirectory("fixfinder-eval-clusters");
    try {
      long start = System.nanoTime();
      List<String> predicted = new ArrayList<>(data.docs().size());
      try (ClusterStore store =
          ClusterStore.open(dir, embedder, clusterer, java.time.Clock.systemUTC())) {
        store.add(data.docs());
        store.commit();
        for (SourceDoc d : data.docs()) predicted.add(store.clusterOf(d.id()).orElseThrow());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(ClusterMetrics.of(data.labels(), predicted), seconds);
    } finally {
      FileTrees.delete(dir);
    }
  }
}
