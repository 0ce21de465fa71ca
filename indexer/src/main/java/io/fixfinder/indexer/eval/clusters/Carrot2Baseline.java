package io.fixfinder.indexer.eval.clusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.ClusteringAlgorithm;
import org.carrot2.clustering.Document;
import org.carrot2.clustering.kmeans.BisectingKMeansClusteringAlgorithm;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;

/**
 * A Carrot2 algorithm (4.5.1, default attributes) as a baseline: the texts go in as one field each;
 * a document in several clusters counts in the first (best-scored) one, searched depth first;
 * documents in no cluster form one "other" cluster.
 */
public final class Carrot2Baseline {
  /** The language Carrot2 preprocesses with; the core jar ships English resources. */
  public static final String LANGUAGE = "English";

  private static volatile LanguageComponents english;

  private final String name;
  private final Supplier<ClusteringAlgorithm> algorithm;

  private Carrot2Baseline(String name, Supplier<ClusteringAlgorithm> algorithm) {
    this.name = name;
    this.algorithm = algorithm;
  }

  public static Carrot2Baseline lingo() {
    return new Carrot2Baseline("carrot2-lingo", LingoClusteringAlgorithm::new);
  }

  public static Carrot2Baseline bisectingKMeans() {
    return new Carrot2Baseline("carrot2-bkmeans", BisectingKMeansClusteringAlgorithm::new);
  }

  public String name() {
    return name;
  }

  /** Loads the language resources once (a second or so); not counted in a run's time. */
  public static LanguageComponents language() {
    LanguageComponents l = english;
    if (l == null) {
      synchronized (Carrot2Baseline.class) {
        if (english == null) {
          try {
            english = LanguageComponents.loader().load().language(LANGUAGE);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load Carrot2 language resources", e);
          }
        }
        l = english;
      }
    }
    return l;
  }

  private record Text(int index, String text) implements Document {
    @Override
    public void visitFields(java.util.function.BiConsumer<String, String> fields) {
      fields.accept("content", text);
    }
  }

  /** One cluster key per text ("c0", "c1", ... or "other"). */
  public List<String> assign(List<String> texts) {
    List<Text> docs = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) docs.add(new Text(i, texts.get(i)));
    List<Cluster<Text>> clusters = algorithm.get().cluster(docs.stream(), language());
    String[] out = new String[texts.size()];
    Map<Cluster<Text>, String> names = new IdentityHashMap<>();
    int[] next = {0};
    for (Cluster<Text> c : clusters) assign(c, out, names, next);
    List<String> result = new ArrayList<>(texts.size());
    for (String s : out) result.add(s == null ? "other" : s);
    return result;
  }

  private static void assign(
      Cluster<Text> c, String[] out, Map<Cluster<Text>, String> names, int[] next) {
    String name = names.computeIfAbsent(c, k -> "c" + next[0]++);
    for (Text d : c.getDocuments()) if (out[d.index()] == null) out[d.index()] = name;
    for (Cluster<Text> sub : c.getClusters()) assign(sub, out, names, next);
  }
}
