package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.IndexStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import ords} on real Open Repair Data: repair reports are indexed, join issue clusters,
 * and give those clusters a real-world fix rate; rows without a problem are counted, not fatal.
 */
class OrdsImportIT {
  static final Path ORDS =
      Path.of("../../shared/data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv");

  @TempDir Path dir;

  @Test
  void repairReportsJoinClustersWithTheirOutcomes() throws Exception {
    assumeTrue(
        Files.isRegularFile(ORDS),
        "../shared/data/openrepair is absent: skipping the real Open Repair Data import");
    // Every 8th report of the real file: all categories, countries and outcomes, ~3,000 rows.
    Path slice = dir.resolve("ords-slice.csv");
    int rows = 0;
    try (BufferedReader in = Files.newBufferedReader(ORDS, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(slice, StandardCharsets.UTF_8)) {
      out.write(in.readLine());
      out.newLine();
      String line;
      for (int i = 0; (line = in.readLine()) != null; i++) {
        if (i % 8 == 0) {
          out.write(line);
          out.newLine();
          rows++;
        }
      }
    }
    Path data = dir.resolve("data");
    assertThat(Main.run("import", "ords", slice.toString(), "--data", data.toString())).isZero();

    long indexed;
    try (IndexStore store = IndexStore.openReadOnly(data.resolve("index"))) {
      indexed = store.count();
    }
    assertThat(indexed).isBetween(rows / 2L, (long) rows);
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2);
        // the clusters live in the index generation they were built with
        ClusterStore clusters =
            ClusterStore.open(
                IndexStore.currentGeneration(data.resolve("index")).orElseThrow(), embedder)) {
      assertThat((long) clusters.documentCount()).isEqualTo(indexed);
      List<IssueCluster> withRepairs =
          clusters.all().stream()
              .filter(c -> !clusters.isCatchAll(c.id()))
              .filter(c -> c.outcomes().repairs() >= 5)
              .toList();
      assertThat(withRepairs).hasSizeGreaterThan(10);
      // fix rates are real shares, not all-or-nothing: some clusters fix better than others
      double min = 1;
      double max = 0;
      for (IssueCluster c : withRepairs) {
        double rate = c.outcomes().realWorldFixRate().orElseThrow();
        min = Math.min(min, rate);
        max = Math.max(max, rate);
        assertThat(c.sourceMix()).containsKey("repair_report");
        assertThat(c.label()).isNotBlank();
      }
      assertThat(max - min).isGreaterThan(0.3);
    }
  }
}
