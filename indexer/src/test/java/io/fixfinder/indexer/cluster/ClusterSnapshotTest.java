package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only snapshot a server keeps answers every reader's question as the store does: checked
 * question by question against the store it was taken from, on random records (the seed is printed;
 * {@code -Dtests.seed=N} replays it), and on a store reopened from its file.
 */
class ClusterSnapshotTest {
  @TempDir Path dir;

  @Test
  void answersEveryQuestionAsTheStoreDoes() throws Exception {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    System.out.println(
        "ClusterSnapshotTest seed " + seed + " (replay with -Dtests.seed=" + seed + ")");
    Random random = new Random(seed);
    List<SourceDoc> docs = new ArrayList<>(Docs.synthetic(seed, 300));
    List<String> removed = new ArrayList<>();
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      store.add(docs.subList(0, 200));
      store.add(docs.subList(200, 300));
      for (int i = 0; i < 10; i++) {
        String id = docs.get(random.nextInt(docs.size())).id();
        store.remove(id);
        removed.add(id);
      }
      assertSame(store, store.snapshot(), docs, removed);
      store.commit();
    }
    try (ClusterStore reopened = ClusterStore.open(dir, new HashingEmbedder())) {
      ClusterSnapshot loaded = ClusterSnapshot.load(dir, new HashingEmbedder());
      assertSame(reopened, loaded, docs, removed);
    }
  }

  /**
   * The same clusters whether read from the committed file or from its bytes elsewhere (a
   * generation published in the database); a writer restored from those bytes in another folder
   * goes on with the same ids; damaged or cut bytes are refused, never half read.
   */
  @Test
  void theCommittedBytesReadElsewhereAreTheSameClusters() throws Exception {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    System.out.println(
        "ClusterSnapshotTest seed " + seed + " (replay with -Dtests.seed=" + seed + ")");
    List<SourceDoc> docs = new ArrayList<>(Docs.synthetic(seed, 200));
    Path first = dir.resolve("first");
    try (ClusterStore store = ClusterStore.open(first, new HashingEmbedder())) {
      store.add(docs.subList(0, 150));
      store.commit();
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(ClusterStore.commitFile(first).orElseThrow());
    ClusterSnapshot fromBytes =
        ClusterSnapshot.read(
            new java.io.ByteArrayInputStream(bytes),
            bytes.length,
            "published",
            new HashingEmbedder());
    try (ClusterStore reopened = ClusterStore.open(first, new HashingEmbedder())) {
      assertSame(reopened, fromBytes, docs.subList(0, 150), List.of());
    }

    Path elsewhere = dir.resolve("elsewhere");
    ClusterStore.restoreCommit(
        new java.io.ByteArrayInputStream(bytes), bytes.length, "published", elsewhere);
    try (ClusterStore restored = ClusterStore.open(elsewhere, new HashingEmbedder())) {
      restored.add(docs.subList(150, 200));
      for (SourceDoc d : docs.subList(0, 150)) {
        assertThat(restored.clusterOf(d.id())).as(d.id()).isEqualTo(fromBytes.clusterOf(d.id()));
      }
    }

    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 0x40;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ClusterSnapshot.read(
                    new java.io.ByteArrayInputStream(damaged),
                    damaged.length,
                    "published generation 7",
                    new HashingEmbedder()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageStartingWith("published generation 7 ");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ClusterSnapshot.read(
                    new java.io.ByteArrayInputStream(bytes, 0, bytes.length / 3),
                    bytes.length,
                    "published generation 7",
                    new HashingEmbedder()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageStartingWith("published generation 7 ");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ClusterStore.read(
                        new java.io.ByteArrayInputStream(bytes),
                        bytes.length,
                        "published",
                        new HashingEmbedder())
                    .commit())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEmptyStoreGivesAnEmptySnapshot() throws Exception {
    ClusterSnapshot empty = ClusterSnapshot.load(dir, new HashingEmbedder());
    assertThat(empty.documentCount()).isZero();
    assertThat(empty.clusterCount()).isZero();
    assertThat(empty.clusterOf("anything")).isEmpty();
    assertThat(empty.members("iss-000000000000")).isEmpty();
    assertThat(empty.get("iss-000000000000")).isEmpty();
  }

  private static void assertSame(
      ClusterStore store, ClusterSnapshot snapshot, List<SourceDoc> docs, List<String> removed) {
    assertThat(snapshot.documentCount()).isEqualTo(store.documentCount());
    assertThat(snapshot.clusterCount()).isEqualTo(store.clusterCount()).isGreaterThan(3);
    assertThat(snapshot.aliases()).isEqualTo(store.aliases());
    assertThat(snapshot.all()).containsExactlyInAnyOrderElementsOf(store.all());
    assertThat(snapshot.faultAreas()).containsExactlyInAnyOrderElementsOf(store.faultAreas());
    for (SourceDoc d : docs) {
      assertThat(snapshot.clusterOf(d.id())).as(d.id()).isEqualTo(store.clusterOf(d.id()));
    }
    for (String id : removed) assertThat(snapshot.clusterOf(id)).isEmpty();
    List<String> ids = new ArrayList<>(store.all().stream().map(IssueCluster::id).toList());
    ids.addAll(store.aliases().keySet());
    ids.add("iss-000000000000");
    for (String id : ids) {
      assertThat(snapshot.get(id)).as(id).isEqualTo(store.get(id));
      assertThat(snapshot.resolve(id)).as(id).isEqualTo(store.resolve(id));
      assertThat(snapshot.members(id)).as(id).containsExactlyElementsOf(store.members(id));
      assertThat(snapshot.isCatchAll(id)).as(id).isEqualTo(store.isCatchAll(id));
      assertThat(snapshot.faultAreaOf(id)).as(id).isEqualTo(store.faultAreaOf(id));
      assertThat(snapshot.related(id, 3)).as(id).isEqualTo(store.related(id, 3));
    }
    for (FaultArea a : store.faultAreas())
      assertThat(snapshot.faultArea(a.id())).isEqualTo(store.faultArea(a.id()));
  }
}
