package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.clusters.LabelledOrds;
import io.fixfinder.indexer.eval.clusters.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance: cluster 90% of a corpus, add the remaining 10%; at least 95% of the first
 * records keep their cluster id (by design all of them do) and the cluster of each still exists.
 */
class ClusterStabilityTest {
  @TempDir Path dir;

  @Test
  void addingTheLastTenPercentKeepsTheFirstNinetyPercentsIds() throws Exception {
    long seed = IssueClustererContract.seed();
    assertStable(Docs.synthetic(seed, 2_000), seed, new HashingEmbedder(), "synthetic");
  }

  @Test
  void onARealRepairCorpus() throws Exception {
    Optional<Path> quests = SharedData.quests();
    Assumptions.assumeTrue(
        quests.isPresent(),
        "../shared/data/openrepair/quests not found: real-corpus stability skipped");
    long seed = IssueClustererContract.seed();
    List<SourceDoc> docs =
        LabelledOrds.read(
                quests.get().resolve("mobiles/mobifix.csv"), "fault_type", Optional.empty())
            .docs();
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
      assertStable(docs, seed, embedder, "mobifix");
    }
  }

  private void assertStable(List<SourceDoc> corpus, long seed, Embedder embedder, String name)
      throws Exception {
    List<SourceDoc> docs = new ArrayList<>(corpus);
    Collections.shuffle(docs, new Random(seed));
    int cut = docs.size() * 9 / 10;
    try (ClusterStore store = ClusterStore.open(dir.resolve(name), embedder)) {
      store.add(docs.subList(0, cut));
      store.commit();
      Map<String, String> before = new HashMap<>();
      for (SourceDoc d : docs.subList(0, cut))
        before.put(d.id(), store.clusterOf(d.id()).orElseThrow());
      int clustersBefore = store.clusterCount();
      Assignment rest = store.add(docs.subList(cut, docs.size()));
      store.commit();
      long kept =
          before.entrySet().stream()
              .filter(e -> store.clusterOf(e.getKey()).orElseThrow().equals(e.getValue()))
              .count();
      double share = kept / (double) before.size();
      int joined = 0;
      for (String id : rest.clusters().values()) if (!rest.created().contains(id)) joined++;
      System.out.printf(
          "%s: %d records, %d clusters; +%d records: %.1f%% of the first keep their id, %d of the"
              + " new joined existing clusters, %d clusters founded%n",
          name, cut, clustersBefore, docs.size() - cut, 100 * share, joined, rest.created().size());
      assertThat(share).isGreaterThanOrEqualTo(0.95);
      for (String id : before.values()) assertThat(store.get(id)).isPresent();
      // Growth mostly joins: the later records are not each founding their own cluster.
      assertThat(joined).isGreaterThan((docs.size() - cut) / 2);
    }
  }
}
