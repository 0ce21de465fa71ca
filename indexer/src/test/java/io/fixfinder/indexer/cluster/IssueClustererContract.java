package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link IssueClusterer} must give through {@link ClusterStore}: empty input,
 * determinism, independence of input order, growth without churn, no-op re-adds, reads during
 * writes, and every issue cluster in exactly one fault area of its product type. Random inputs
 * print their seed.
 */
abstract class IssueClustererContract {
  @TempDir Path dir;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  protected abstract IssueClusterer clusterer();

  protected Embedder embedder() {
    return new HashingEmbedder();
  }

  ClusterStore open(String name) throws Exception {
    return ClusterStore.open(dir.resolve(name), embedder(), clusterer(), CLOCK);
  }

  static long seed() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("seed: " + seed + " (replay with -Dtests.seed=" + seed + ")");
    return seed;
  }

  static Map<String, String> partition(ClusterStore store, List<SourceDoc> docs) {
    Map<String, String> out = new HashMap<>();
    for (SourceDoc d : docs) out.put(d.id(), store.clusterOf(d.id()).orElseThrow());
    return out;
  }

  @Test
  void emptyInputGivesNoClusters() throws Exception {
    try (ClusterStore store = open("empty")) {
      Assignment a = store.add(List.of());
      assertThat(a.clusters()).isEmpty();
      assertThat(a.created()).isEmpty();
      assertThat(store.all()).isEmpty();
      assertThat(store.get("iss-000000000000")).isEmpty();
      assertThat(store.clusterOf("nothing")).isEmpty();
      assertThat(store.members("iss-000000000000")).isEmpty();
      assertThat(store.related("iss-000000000000", 5)).isEmpty();
      assertThat(store.faultAreas()).isEmpty();
      assertThat(store.faultAreaOf("iss-000000000000")).isEmpty();
      store.commit();
    }
  }

  @Test
  void sameInputGivesSameClustersAndIds() throws Exception {
    long seed = seed();
    List<SourceDoc> docs = Docs.synthetic(seed, 300);
    try (ClusterStore a = open("a");
        ClusterStore b = open("b")) {
      a.add(docs);
      b.add(docs);
      assertThat(partition(a, docs)).isEqualTo(partition(b, docs));
      for (var c : a.all()) assertThat(b.get(c.id())).contains(c);
      assertThat(new java.util.HashSet<>(a.faultAreas()))
          .isEqualTo(new java.util.HashSet<>(b.faultAreas()));
    }
  }

  @Test
  void shuffledInputGivesTheSamePartition() throws Exception {
    long seed = seed();
    List<SourceDoc> docs = Docs.synthetic(seed, 300);
    List<SourceDoc> shuffled = new ArrayList<>(docs);
    Collections.shuffle(shuffled, new Random(seed));
    try (ClusterStore a = open("a");
        ClusterStore b = open("b")) {
      a.add(docs);
      b.add(shuffled);
      // Within one batch the order is the store's own, so the partition is the same, ids too.
      assertThat(partition(a, docs)).isEqualTo(partition(b, docs));
      assertThat(new java.util.HashSet<>(a.faultAreas()))
          .isEqualTo(new java.util.HashSet<>(b.faultAreas()));
    }
  }

  @Test
  void everyIssueClusterIsInExactlyOneAreaOfItsType() throws Exception {
    List<SourceDoc> docs = Docs.synthetic(seed(), 400);
    try (ClusterStore store = open("areas")) {
      store.add(docs);
      Map<String, Integer> seen = new HashMap<>();
      int records = 0;
      for (FaultArea area : store.faultAreas()) {
        assertThat(area.issues()).isNotEmpty();
        int size = 0;
        for (String issue : area.issues()) {
          seen.merge(issue, 1, Integer::sum);
          IssueCluster c = store.get(issue).orElseThrow();
          assertThat(c.scope().type()).isEqualTo(area.family());
          assertThat(store.faultAreaOf(issue)).contains(area);
          size += c.size();
        }
        assertThat(area.size()).isEqualTo(size);
        records += size;
      }
      assertThat(seen.keySet())
          .containsExactlyInAnyOrderElementsOf(store.all().stream().map(c -> c.id()).toList());
      assertThat(seen.values()).containsOnly(1);
      assertThat(records).isEqualTo(docs.size());
    }
  }

  @Test
  void growthNeverMovesEarlierRecords() throws Exception {
    long seed = seed();
    List<SourceDoc> docs = Docs.synthetic(seed, 400);
    try (ClusterStore store = open("grow")) {
      store.add(docs.subList(0, 200));
      Map<String, String> before = partition(store, docs.subList(0, 200));
      Assignment more = store.add(docs.subList(200, 400));
      assertThat(more.added()).isEqualTo(200);
      assertThat(partition(store, docs.subList(0, 200))).isEqualTo(before);
      for (String id : new java.util.HashSet<>(before.values()))
        assertThat(store.get(id)).isPresent();
    }
  }

  @Test
  void readdingUnchangedRecordsDoesNothing() throws Exception {
    long seed = seed();
    List<SourceDoc> docs = Docs.synthetic(seed, 100);
    try (ClusterStore store = open("again")) {
      store.add(docs);
      var clusters = new HashMap<String, Object>();
      store.all().forEach(c -> clusters.put(c.id(), c));
      Assignment again = store.add(docs);
      assertThat(again.unchanged()).isEqualTo(100);
      assertThat(again.added()).isZero();
      assertThat(again.created()).isEmpty();
      store.all().forEach(c -> assertThat(clusters.get(c.id())).isEqualTo(c));
    }
  }

  @Test
  void readsDuringAddsAlwaysSeeAConsistentStore() throws Exception {
    long seed = seed();
    List<SourceDoc> docs = Docs.synthetic(seed, 1200);
    try (ClusterStore store = open("concurrent")) {
      store.add(docs.subList(0, 200));
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      ExecutorService readers = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Random r = new Random(seed + t);
        futures.add(
            readers.submit(
                () -> {
                  while (!done.get()) {
                    SourceDoc d = docs.get(r.nextInt(docs.size()));
                    store
                        .clusterOf(d.id())
                        .ifPresent(
                            id -> {
                              // A published record's cluster may be gone only if it moved since.
                              store.get(id).ifPresent(c -> assertThat(c.size()).isPositive());
                              store.related(id, 3);
                            });
                    store.all().forEach(c -> assertThat(c.id()).startsWith("iss-"));
                    store.faultAreas().forEach(f -> assertThat(f.id()).startsWith("fa-"));
                    reads.incrementAndGet();
                  }
                }));
      }
      for (int i = 200; i < docs.size(); i += 100) store.add(docs.subList(i, i + 100));
      done.set(true);
      for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
      readers.shutdown();
      assertThat(reads.get()).isPositive();
      for (SourceDoc d : docs) {
        String id = store.clusterOf(d.id()).orElseThrow();
        assertThat(store.members(id)).contains(d.id());
      }
      int total = store.all().stream().mapToInt(c -> c.size()).sum();
      assertThat(total).isEqualTo(docs.size());
    }
  }
}
