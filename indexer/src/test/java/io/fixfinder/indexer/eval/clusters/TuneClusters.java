package io.fixfinder.indexer.eval.clusters;

import io.fixfinder.indexer.cluster.FaultClusterer;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tuning harness behind the defaults of {@link FaultClusterer.Settings}: runs a grid of
 * settings on the quest files (embeddings computed once and cached) and prints NMI and B-cubed F1.
 * Run by hand: {@code java -cp ... TuneClusters ../shared/data/openrepair/quests}.
 */
public final class TuneClusters {
  private TuneClusters() {}

  /** Embeds each distinct text once per run. */
  static final class CachingEmbedder implements Embedder {
    private final Embedder inner;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    CachingEmbedder(Embedder inner) {
      this.inner = inner;
    }

    @Override
    public int dimensions() {
      return inner.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
      List<float[]> vs = inner.embed(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), vs.get(i));
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) out.add(cache.get(t));
      return out;
    }
  }

  public static void main(String[] args) throws Exception {
    Path quests = Path.of(args.length > 0 ? args[0] : "../shared/data/openrepair/quests");
    List<Path> files =
        List.of(
            quests.resolve("mobiles/mobifix.csv"),
            quests.resolve("printers/printcat.csv"),
            quests.resolve("computers/compcat_desktops.csv"));
    Embedder embedder = new CachingEmbedder(new MiniLmEmbedder(2));
    List<LabelledOrds> data = new ArrayList<>();
    for (Path f : files) data.add(LabelledOrds.read(f, "fault_type", Optional.empty()));
    boolean baselines = args.length > 1 && args[1].equals("baselines");
    if (baselines) {
      for (int i = 0; i < files.size(); i++) {
        ClusterEval.Report r = ClusterEval.run(data.get(i), embedder, true);
        System.out.println(files.get(i).getFileName() + " " + r);
      }
    }
    FaultClusterer.Settings d = FaultClusterer.Settings.DEFAULTS;
    List<FaultClusterer.Settings> grid = new ArrayList<>();
    String[] spec = System.getProperty("grid", "").split(";");
    grid.add(d);
    for (String s : spec) {
      if (s.isBlank()) continue;
      String[] v = s.split(",");
      grid.add(
          new FaultClusterer.Settings(
              Double.parseDouble(v[0]),
              Double.parseDouble(v[1]),
              d.moveMargin(),
              d.codeBonus(),
              Double.parseDouble(v[2]),
              Double.parseDouble(v[3]),
              Double.parseDouble(v[4]),
              d.modelBonus(),
              Double.parseDouble(v[5]),
              Integer.parseInt(v[6])));
    }
    for (FaultClusterer.Settings s : grid) {
      StringBuilder line = new StringBuilder(s.toString());
      double minMargin = 9;
      for (int i = 0; i < files.size(); i++) {
        ClusterEval.Run run = ClusterEval.fixfinder(data.get(i), embedder, new FaultClusterer(s));
        ClusterMetrics m = run.metrics();
        line.append(
            String.format(
                " | %s nmi=%.3f f1=%.3f ari=%.3f k=%d %.1fs",
                files.get(i).getFileName().toString().substring(0, 6),
                m.nmi(),
                m.bcubedF1(),
                m.ari(),
                m.clusters(),
                run.seconds()));
      }
      System.out.println(line);
    }
  }
}
