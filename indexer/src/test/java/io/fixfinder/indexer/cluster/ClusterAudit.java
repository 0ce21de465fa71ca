package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the issue clusters of a record log as a table (one line per live cluster: family, label,
 * codes, symptoms, size, a few member titles) and the count of duplicate labels: live clusters of
 * one product family with the same label and the same codes. For reviewing labels and tags by hand
 * (docs/clustering.md, "Clean issue clusters"); not a test.
 *
 * <p>{@code java -cp ... io.fixfinder.indexer.cluster.ClusterAudit data/records/records.jsonl
 * [data/index/gen-.../]}: clusters the records afresh, or shows the clusters committed there.
 */
public final class ClusterAudit {
  private ClusterAudit() {}

  public static void main(String[] args) throws Exception {
    Map<String, SourceDoc> docs =
        args[0].endsWith(".csv")
            ? ordsSample(Path.of(args[0]))
            : RecordLog.read(Path.of(args[0])).docs();
    // a second argument: the committed clusters of an index generation, read as they are
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cluster-audit");
    try (ClusterStore store = ClusterStore.open(dir, new MiniLmEmbedder(2))) {
      if (args.length == 1) store.add(docs.values());
      List<IssueCluster> live = new ArrayList<>(store.all());
      live.sort(
          Comparator.comparing((IssueCluster c) -> c.scope().type())
              .thenComparing(IssueCluster::label)
              .thenComparing(IssueCluster::id));
      Map<String, List<String>> byKey = new TreeMap<>();
      for (IssueCluster c : live) {
        List<String> titles = new ArrayList<>();
        for (String m : store.members(c.id())) {
          SourceDoc d = docs.get(m);
          if (d != null && titles.size() < Integer.getInteger("audit.titles", 3))
            titles.add(d.kind().id() + ":" + cut(d.title(), Integer.getInteger("audit.width", 50)));
        }
        System.out.printf(
            "%s\t%s\t%s\t%s\t%s\t%d\t%s%n",
            c.id(), c.scope().type(), c.label(), c.errorCodes(), c.symptoms(), c.size(), titles);
        if (!store.isCatchAll(c.id()))
          byKey
              .computeIfAbsent(
                  c.scope().type() + " | " + c.label() + " | " + c.errorCodes(),
                  k -> new ArrayList<>())
              .add(c.id());
      }
      int duplicates = 0;
      for (Map.Entry<String, List<String>> e : byKey.entrySet()) {
        if (e.getValue().size() < 2) continue;
        duplicates += e.getValue().size() - 1;
        System.out.println("DUPLICATE\t" + e.getKey() + "\t" + e.getValue());
      }
      // the label sample: 50 live clusters of two records or more, not catch-alls, in the order of
      // a hash of their id (deterministic, blind to the labels)
      List<IssueCluster> sample =
          live.stream()
              .filter(c -> c.size() >= 2 && !store.isCatchAll(c.id()))
              .sorted(Comparator.comparing(c -> Signals.hash("sample" + c.id())))
              .limit(50)
              .toList();
      for (IssueCluster c : sample)
        System.out.printf(
            "SAMPLE\t%s\t%s\t%s\t%d%n", c.scope().type(), c.label(), c.symptoms(), c.size());
      System.out.printf(
          "clusters %d, duplicate labels (extra clusters with the label and codes of another) %d%n",
          live.size(), duplicates);
    }
  }

  /**
   * Repair reports of an Open Repair Data file, of the categories in {@code -Daudit.categories}
   * (comma-separated), at most {@code -Daudit.perCategory} (300) each, in file order.
   */
  static Map<String, SourceDoc> ordsSample(Path csv) throws Exception {
    java.util.Set<String> categories =
        java.util.Set.of(System.getProperty("audit.categories", "Vacuum").split(","));
    int per = Integer.getInteger("audit.perCategory", 300);
    var data =
        io.fixfinder.indexer.eval.clusters.LabelledOrds.read(
            csv, "product_category", java.util.Optional.empty());
    Map<String, SourceDoc> out = new java.util.LinkedHashMap<>();
    Map<String, Integer> taken = new java.util.HashMap<>();
    for (int i = 0; i < data.docs().size(); i++) {
      String label = data.labels().get(i);
      if (!categories.contains(label) || taken.merge(label, 1, Integer::sum) > per) continue;
      out.put(data.docs().get(i).id(), data.docs().get(i));
    }
    return out;
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
