package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.io.Hashes;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault areas as persistent objects: ids that are the same in every run and on every machine, kept
 * across commits and reopening, kept as the store grows, and files from before fault areas still
 * read while newer ones are refused with a clear message.
 */
class FaultAreaStoreTest {
  @TempDir Path dir;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  ClusterStore open(Path d) throws IOException {
    return ClusterStore.open(d, new HashingEmbedder(), new FaultClusterer(), CLOCK);
  }

  static Map<String, String> areaOfEachDoc(ClusterStore store, List<SourceDoc> docs) {
    Map<String, String> out = new HashMap<>();
    for (SourceDoc d : docs) {
      String issue = store.clusterOf(d.id()).orElseThrow();
      out.put(d.id(), store.faultAreaOf(issue).orElseThrow().id());
    }
    return out;
  }

  static List<FaultArea> sorted(ClusterStore store) {
    return store.faultAreas().stream().sorted(Comparator.comparing(FaultArea::id)).toList();
  }

  @Test
  void areaIdsAreTheHashOfTypeAndKeyInEveryRun() throws Exception {
    List<SourceDoc> docs = Docs.synthetic(7, 300);
    try (ClusterStore a = open(dir.resolve("a"));
        ClusterStore b = open(dir.resolve("b"))) {
      a.add(docs);
      b.add(docs.reversed());
      assertThat(areaOfEachDoc(a, docs)).isEqualTo(areaOfEachDoc(b, docs));
      assertThat(sorted(a)).isEqualTo(sorted(b));
      for (FaultArea area : a.faultAreas()) {
        // Computed here independently of the store: fa- + 12 hex of SHA-256(type \u0001 key).
        assertThat(area.id())
            .isEqualTo(
                "fa-" + Hashes.sha256Hex(area.family() + "\u0001" + area.key()).substring(0, 12));
      }
      // The synthetic phones have battery, screen, port and speaker faults; printers paper, ink
      // and quality: the areas of fault-areas.yaml, not one per wording.
      assertThat(a.faultAreas())
          .extracting(f -> f.family() + "/" + f.key())
          .contains(
              "smartphone/power",
              "smartphone/display",
              "smartphone/connectors",
              "smartphone/audio",
              "printer/paper",
              "printer/ink",
              "printer/print-quality");
      FaultArea power =
          a.faultAreas().stream()
              .filter(f -> f.key().equals("power") && f.family().equals("smartphone"))
              .findFirst()
              .orElseThrow();
      assertThat(power.label()).isEqualTo("Power / battery");
    }
  }

  @Test
  void areasSurviveCommitReopenAndGrowth() throws Exception {
    List<SourceDoc> docs = Docs.synthetic(5, 500);
    List<FaultArea> before;
    Map<String, String> issueArea = new HashMap<>();
    try (ClusterStore store = open(dir)) {
      store.add(docs.subList(0, 450));
      store.commit();
      before = sorted(store);
      for (IssueCluster c : store.all())
        issueArea.put(c.id(), store.faultAreaOf(c.id()).orElseThrow().id());
    }
    try (ClusterStore store = open(dir)) {
      assertThat(sorted(store)).isEqualTo(before);
      store.add(docs.subList(450, 500));
      // Growth: every area keeps its id and creation time; issue clusters keep their area
      // unless another area gained strictly more votes (none here: 50 records of the same faults).
      Map<String, FaultArea> after = new HashMap<>();
      store.faultAreas().forEach(f -> after.put(f.id(), f));
      for (FaultArea f : before) {
        assertThat(after).containsKey(f.id());
        assertThat(after.get(f.id()).created()).isEqualTo(f.created());
      }
      issueArea.forEach(
          (issue, area) -> assertThat(store.faultAreaOf(issue).map(FaultArea::id)).contains(area));
    }
  }

  @Test
  void aFileFromBeforeFaultAreasIsReadAndGetsItsAreas() throws Exception {
    List<SourceDoc> docs = Docs.synthetic(3, 200);
    Map<String, String> expected;
    ClusterFile.Snapshot snapshot;
    try (ClusterStore store = open(dir.resolve("v2"))) {
      store.add(docs);
      store.commit();
      expected = areaOfEachDoc(store, docs);
      snapshot = ClusterFile.read(dir.resolve("v2")).orElseThrow();
    }
    ClusterFile.write(dir.resolve("v1"), snapshot, 1);
    assertThat(readVersion(dir.resolve("v1"))).isEqualTo(1);
    ClusterFile.Snapshot old = ClusterFile.read(dir.resolve("v1")).orElseThrow();
    assertThat(old.areas()).isEmpty();
    assertThat(old.clusters()).allSatisfy(c -> assertThat(c.area()).isEmpty());
    try (ClusterStore store = open(dir.resolve("v1"))) {
      assertThat(areaOfEachDoc(store, docs)).isEqualTo(expected);
      store.commit();
    }
    // The next commit wrote the current version, areas included.
    assertThat(readVersion(dir.resolve("v1"))).isEqualTo(ClusterFile.VERSION);
    assertThat(ClusterFile.read(dir.resolve("v1")).orElseThrow().areas()).isNotEmpty();
  }

  @Test
  void aFileFromANewerBuildIsRefusedWithItsVersion() throws Exception {
    try (ClusterStore store = open(dir)) {
      store.add(Docs.synthetic(1, 20));
      store.commit();
    }
    Path file = dir.resolve(ClusterFile.NAME);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).putInt(4, ClusterFile.VERSION + 1);
    Files.write(file, bytes);
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("format version " + (ClusterFile.VERSION + 1))
        .hasMessageContaining("reads versions 1 to " + ClusterFile.VERSION);
  }

  @Test
  void theCatchAllIsInTheOtherArea() throws Exception {
    SourceDoc vague = Docs.report("v1", "smartphone", "", "defekt", "Unknown");
    SourceDoc vague2 = Docs.report("v2", "smartphone", "", "Needs repair", "Unknown");
    try (ClusterStore store = open(dir)) {
      store.add(List.of(vague, vague2));
      String issue = store.clusterOf(vague.id()).orElseThrow();
      assertThat(store.isCatchAll(issue)).isTrue();
      Optional<FaultArea> area = store.faultAreaOf(issue);
      assertThat(area).map(FaultArea::key).contains(FaultAreas.OTHER);
      assertThat(area).map(FaultArea::label).contains("Other or not described");
    }
  }

  private static int readVersion(Path d) throws IOException {
    return ByteBuffer.wrap(Files.readAllBytes(d.resolve(ClusterFile.NAME))).getInt(4);
  }
}
