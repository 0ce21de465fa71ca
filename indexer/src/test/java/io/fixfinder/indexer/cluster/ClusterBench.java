package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.clusters.LabelledOrds;
import io.fixfinder.indexer.eval.clusters.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Clustering time for N synthetic repair reports (docs/clustering.md): problem texts of the three
 * quests recombined (a text, sometimes followed by a clause of another of the same product) and
 * spread over many product types and brands. Embedding is timed apart from clustering. Run by hand:
 * {@code java -cp ... ClusterBench 10000 100000}.
 */
public final class ClusterBench {
  private ClusterBench() {}

  /** Vectors computed beforehand, so the clustering run measures clustering only. */
  static final class Precomputed implements Embedder {
    final Map<String, float[]> vectors = new HashMap<>();

    @Override
    public int dimensions() {
      return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) out.add(vectors.get(t));
      return out;
    }
  }

  public static void main(String[] args) throws Exception {
    long seed = Long.getLong("tests.seed", 42);
    System.out.println("seed " + seed + ", cores " + Runtime.getRuntime().availableProcessors());
    Path quests = SharedData.quests().orElseThrow(() -> new IllegalStateException("no ../shared"));
    Map<String, List<String>> texts = new HashMap<>();
    for (String f :
        List.of("mobiles/mobifix.csv", "printers/printcat.csv", "computers/compcat_desktops.csv")) {
      for (SourceDoc d :
          LabelledOrds.read(quests.resolve(f), "fault_type", Optional.empty()).docs()) {
        texts.computeIfAbsent(d.product().type(), k -> new ArrayList<>()).add(d.text());
      }
    }
    String[][] families = {
      {"smartphone", "smartphone"},
      {"tablet", "smartphone"},
      {"printer", "printer"},
      {"desktop-computer", "desktop-computer"},
      {"laptop", "desktop-computer"}
    };
    String[] brands = {
      "Apple", "Samsung", "HP", "Canon", "Epson", "Dell", "Acer", "Lenovo", "Sony", ""
    };
    try (MiniLmEmbedder model = new MiniLmEmbedder(2)) {
      for (String arg : args) {
        int n = Integer.parseInt(arg);
        Random r = new Random(seed);
        List<SourceDoc> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String[] fam = families[r.nextInt(families.length)];
          List<String> pool = texts.get(fam[1]);
          String text = pool.get(r.nextInt(pool.size()));
          if (r.nextInt(3) == 0) {
            String other = pool.get(r.nextInt(pool.size()));
            text = text + ". " + other.split("[.;~]")[0];
          }
          docs.add(
              Docs.report("bench-" + i, fam[0], brands[r.nextInt(brands.length)], text, "Fixed"));
        }
        Precomputed pre = new Precomputed();
        List<String> distinct =
            docs.stream()
                .map(d -> cut(Signals.embedText(d), Signals.EMBED_CHARS))
                .distinct()
                .toList();
        long t0 = System.nanoTime();
        for (int i = 0; i < distinct.size(); i += 512) {
          List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + 512));
          List<float[]> v = model.embed(batch);
          for (int k = 0; k < batch.size(); k++) pre.vectors.put(batch.get(k), v.get(k));
        }
        double embedSeconds = (System.nanoTime() - t0) / 1e9;
        Path dir = Files.createTempDirectory("cluster-bench");
        try (ClusterStore store = ClusterStore.open(dir, pre)) {
          long t1 = System.nanoTime();
          for (int i = 0; i < n; i += 1000) store.add(docs.subList(i, Math.min(n, i + 1000)));
          double clusterSeconds = (System.nanoTime() - t1) / 1e9;
          long t2 = System.nanoTime();
          store.commit();
          double commitSeconds = (System.nanoTime() - t2) / 1e9;
          long t3 = System.nanoTime();
          int lookups = 0;
          for (int rep = 0; rep < 5; rep++)
            for (SourceDoc d : docs) {
              store.clusterOf(d.id()).flatMap(store::get).orElseThrow();
              lookups++;
            }
          double lookupNanos = (System.nanoTime() - t3) / (double) lookups;
          long t4 = System.nanoTime();
          try (ClusterStore reopened = ClusterStore.open(dir, pre)) {
            if (reopened.documentCount() != n) throw new AssertionError("reopen lost records");
          }
          double openSeconds = (System.nanoTime() - t4) / 1e9;
          System.out.printf(
              "N=%d: %d distinct texts embedded in %.1f s (%.0f/s); clustering (batches of 1000) %.1f s"
                  + " (%.0f docs/s); commit %.2f s, file %.1f MB, reopen %.2f s; %d clusters"
                  + " (%d of >= 2); clusterOf+get %.0f ns%n",
              n,
              distinct.size(),
              embedSeconds,
              distinct.size() / embedSeconds,
              clusterSeconds,
              n / clusterSeconds,
              commitSeconds,
              Files.size(dir.resolve(ClusterFile.NAME)) / 1e6,
              openSeconds,
              store.clusterCount(),
              store.all().stream().filter(c -> c.size() >= 2).count(),
              lookupNanos);
        }
        io.fixfinder.core.io.FileTrees.delete(dir);
      }
    }
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
