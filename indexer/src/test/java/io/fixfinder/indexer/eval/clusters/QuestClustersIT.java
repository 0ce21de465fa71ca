package io.fixfinder.indexer.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance on the real labelled quests in {@code ../shared/data}: FixFinder's
 * clustering, at the fault-area level ({@code fixfinder}) and at the issue level ({@code
 * fixfinder-issue}), beats Carrot2 Lingo and bisecting k-means on NMI and B-cubed F1. Skipped,
 * saying so, only when the data folder is absent; with it present, a missing quest file or a
 * missing run fails the test rather than being passed over.
 *
 * <p>The shipped settings were chosen on these three files, so this guards against regressions; it
 * is not the held-out measurement (that is {@code TuneClusters}, leave one set out, in
 * docs/clustering.md), and issue 13's targets (NMI at least 1.5 times Carrot2's best, B-cubed F1 at
 * least 0.45) are printed here, not asserted.
 */
class QuestClustersIT {
  @Test
  void fixfinderBeatsBothCarrot2AlgorithmsOnEveryQuest() throws Exception {
    Optional<Path> quests = SharedData.quests();
    Assumptions.assumeTrue(
        quests.isPresent(), "../shared/data/openrepair/quests not found: quest evaluation skipped");
    List<Path> files =
        List.of(
            quests.get().resolve("mobiles/mobifix.csv"),
            quests.get().resolve("printers/printcat.csv"),
            quests.get().resolve("computers/compcat_desktops.csv"));
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
      int checked = 0;
      for (Path file : files) {
        assertThat(file).as("quest file in the shared data").isRegularFile();
        ClusterEval.Report report =
            ClusterEval.run(
                LabelledOrds.read(file, "fault_type", Optional.empty()), embedder, true);
        assertThat(report.documents()).as(file.getFileName() + " labelled records").isPositive();
        assertThat(report.runs())
            .as(file.getFileName() + " runs")
            .containsKeys(
                ClusterEval.FIXFINDER,
                ClusterEval.FIXFINDER_ISSUE,
                "carrot2-lingo",
                "carrot2-bkmeans");
        report
            .runs()
            .forEach(
                (name, run) -> System.out.println(file.getFileName() + " " + name + " " + run));
        double bestNmi = 0;
        for (String baseline : new String[] {"carrot2-lingo", "carrot2-bkmeans"})
          bestNmi = Math.max(bestNmi, report.runs().get(baseline).metrics().nmi());
        ClusterMetrics area = report.runs().get(ClusterEval.FIXFINDER).metrics();
        System.out.printf(
            "%s fault areas: NMI %.3f (1.5 x Carrot2's best = %.3f), B-cubed F1 %.3f (target 0.45)%n",
            file.getFileName(), area.nmi(), 1.5 * bestNmi, area.bcubedF1());
        for (String level : new String[] {ClusterEval.FIXFINDER, ClusterEval.FIXFINDER_ISSUE}) {
          ClusterMetrics ff = report.runs().get(level).metrics();
          for (String baseline : new String[] {"carrot2-lingo", "carrot2-bkmeans"}) {
            ClusterMetrics b = report.runs().get(baseline).metrics();
            assertThat(ff.nmi())
                .as(file.getFileName() + " " + level + " nmi vs " + baseline)
                .isGreaterThan(b.nmi());
            assertThat(ff.bcubedF1())
                .as(file.getFileName() + " " + level + " B-cubed F1 vs " + baseline)
                .isGreaterThan(b.bcubedF1());
          }
        }
        checked++;
      }
      assertThat(checked).as("quests compared").isEqualTo(files.size());
    }
  }
}
