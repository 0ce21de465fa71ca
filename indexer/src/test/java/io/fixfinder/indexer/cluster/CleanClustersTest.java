package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.view.StoreIssues;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's clean clusters: type fit, labels customers read, no duplicates, no care pages. */
class CleanClustersTest {
  @TempDir Path dir;

  private final FaultAreas areas = FaultAreas.builtIn();

  @Test
  void onlyTheVocabularyThatFitsTheProductTypeTags() {
    assertThat(areas.fits("washing-machine", "charger")).isFalse();
    assertThat(areas.fits("washing-machine", "screen-fault")).isFalse();
    assertThat(areas.fits("dishwasher", "wifi")).isFalse();
    assertThat(areas.fits("washing-machine", "needs-descaling")).isFalse();
    assertThat(areas.fits("smartphone", "wont-drain")).isFalse();
    assertThat(areas.fits("washing-machine", "wont-drain")).isTrue();
    assertThat(areas.fits("coffee-machine", "needs-descaling")).isTrue();
    assertThat(areas.fits("smartphone", "charger")).isTrue();
    assertThat(areas.fits("printer", "noisy")).isTrue();
  }

  @Test
  void aWashingMachineLeakIsNotTaggedWithPhoneWords() throws Exception {
    SourceDoc leak =
        doc(
            "https://forum.example/e15",
            SourceKind.FORUM,
            "Washing machine shows E15 on the display, water in the base",
            "My washing machine stops with E15 on the display. There is water in the base and the"
                + " cable and wifi module look dry. It is leaking from the pump.",
            new Details.None());
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      store.add(List.of(leak));
      IssueCluster c = store.get(store.clusterOf(leak.id()).orElseThrow()).orElseThrow();
      assertThat(c.symptoms())
          .contains("leaking")
          .doesNotContain("charger", "wifi", "screen-fault");
    }
  }

  @Test
  void computersTellTheirPartsApart() {
    assertThat(areas.areaOf("desktop-computer", "overheating")).isEqualTo("cooling");
    assertThat(areas.areaOf("desktop-computer", "optical-drive")).isEqualTo("optical-drive");
    assertThat(areas.areaOf("desktop-computer", "virus")).isEqualTo("virus");
    // a phone keeps the generic areas
    assertThat(areas.areaOf("smartphone", "overheating")).isEqualTo("performance");
    assertThat(areas.areaOf("smartphone", "virus")).isEqualTo("software");
  }

  @Test
  void coloursUnitsAndHeadingsNeverMakeALabelOfTheirOwn() {
    assertThat(TextTools.phrases("Midnight Blue", 16)).isEmpty();
    assertThat(TextTools.phrases("1400 rpm 8 kg", 16)).isEmpty();
    assertThat(TextTools.phrases("Troubleshooting", 16)).isEmpty();
    assertThat(TextTools.phrases("black screen", 16)).contains("black screen");
  }

  @Test
  void aProductPageNamesTheProductNotAFault() {
    SourceDoc page =
        doc(
            "https://shop.example/p/1",
            SourceKind.PRODUCT,
            "Brewster AC1200-B Barista Espresso Machine, Black",
            "Espresso machine with milk frother, 15 bar pump.",
            new Details.Product("Barista", "AC1200-B", 4.5, 120, "shop"));
    assertThat(Signals.labelText(page)).isEmpty();
    SourceDoc row =
        doc(
            "https://manuals.example/cm/ts#3",
            SourceKind.MANUAL,
            "Kesseler CM-320 – Troubleshooting — Grinder very loud",
            "Grinder very loud. Cause: foreign object. Remedy: empty the bean container.",
            new Details.ManualSection(
                "u", "m", 3, "Grinder very loud", "foreign object", "empty the bean container"));
    assertThat(Signals.labelText(row)).isEqualTo("Grinder very loud");
  }

  @Test
  void careAndOverviewPagesTreatNoSingleFault() {
    assertThat(Signals.general(manual("Aqualine WM-8420X – Care & cleaning", List.of()))).isTrue();
    assertThat(
            Signals.general(
                manual(
                    "Aqualine WM-8420X Washing machine – User Manual — 4 Care and cleaning",
                    List.of())))
        .isTrue();
    assertThat(
            Signals.general(manual("Aqualine WM-8420X – Overview", List.of("E18", "E21", "F05"))))
        .isTrue();
    assertThat(
            Signals.general(
                manual(
                    "Aqualine WM-8420X – Troubleshooting — E18 – Water does not drain",
                    List.of("E18"))))
        .isFalse();
    assertThat(
            Signals.general(
                manual("How to clean the drain pump filter of a washing machine", List.of("E18"))))
        .isFalse();
  }

  @Test
  void twoClustersWithOneLabelMergeAndBothIdsStillResolve() throws Exception {
    // a clusterer that never lets a record join: every record founds its own cluster, so only the
    // store's merge can bring the two identical faults together
    IssueClusterer founding = fitting(Double.NEGATIVE_INFINITY);
    SourceDoc a = Docs.report("1", "washing-machine", "", "washing machine won't drain", "Fixed");
    SourceDoc b = Docs.report("2", "washing-machine", "", "washing machine won't drain", "Fixed");
    String first;
    String second;
    try (ClusterStore store =
        ClusterStore.open(dir, new HashingEmbedder(), founding, Clock.systemUTC())) {
      store.add(List.of(a));
      first = store.clusterOf(a.id()).orElseThrow();
      store.add(List.of(b));
      second = store.clusterOf(b.id()).orElseThrow();
      assertThat(second).isEqualTo(store.clusterOf(a.id()).orElseThrow());
      assertThat(store.all()).hasSize(1);
      store.commit();
    }
    try (ClusterStore reopened =
        ClusterStore.open(dir, new HashingEmbedder(), founding, Clock.systemUTC())) {
      String founderOfB =
          reopened.aliases().isEmpty() ? "" : reopened.aliases().keySet().iterator().next();
      assertThat(reopened.aliases()).hasSize(1).containsValue(second);
      assertThat(reopened.resolve(founderOfB)).contains(second);
      assertThat(reopened.get(founderOfB).orElseThrow().id()).isEqualTo(second);
      assertThat(reopened.get(first).orElseThrow().id()).isEqualTo(second);
      assertThat(reopened.members(founderOfB)).containsExactlyInAnyOrder(a.id(), b.id());

      // votes cast on the merged-away id (before the merge, or on an old link) count for the
      // kept cluster, whichever of its ids a page is opened by
      StoreIssues issues = new StoreIssues(reopened);
      assertThat(issues.aliasesOf(second)).containsExactly(founderOfB);
      assertThat(reopened.snapshot().aliasesOf(second)).containsExactly(founderOfB);
      assertThat(issues.aliasesOf(founderOfB)).isEmpty();
      Map<String, Tally> votes =
          Map.of(
              "issue:" + founderOfB, new Tally(0, 1, 0),
              "issue:" + second, new Tally(2, 0, 1));
      FeedbackSignals signals = item -> votes.getOrDefault(item, Tally.NONE);
      assertThat(issues.votes(second, signals))
          .isEqualTo(issues.votes(founderOfB, signals))
          .isEqualTo(new Tally(2, 1, 1));
    }
  }

  @Test
  void aClusterWhoseMembersShareNoPhraseSaysOtherFaultNotOneMembersWords() throws Exception {
    // every record joins: the two reports (described, so not the catch-all) share a cluster but no
    // phrase, and name no fault facet
    SourceDoc a = unnamed("1", "Owner appreciated the long explanation and went home happy today");
    SourceDoc b =
        unnamed("2", "Advised customer could bring it along again next month with receipt");
    try (ClusterStore store =
        ClusterStore.open(
            dir, new HashingEmbedder(), fitting(Double.POSITIVE_INFINITY), Clock.systemUTC())) {
      store.add(List.of(a, b));
      String id = store.clusterOf(a.id()).orElseThrow();
      assertThat(store.clusterOf(b.id())).contains(id);
      assertThat(store.get(id).orElseThrow().label()).isEqualTo(Labels.OTHER);
    }
  }

  @Test
  void clustersThatNameNothingAreNotMergedAsOneFault() throws Exception {
    SourceDoc a = unnamed("1", "Owner appreciated the long explanation and went home happy today");
    SourceDoc b =
        unnamed("2", "Advised customer could bring it along again next month with receipt");
    try (ClusterStore store =
        ClusterStore.open(
            dir, new HashingEmbedder(), fitting(Double.NEGATIVE_INFINITY), Clock.systemUTC())) {
      store.add(List.of(a));
      store.add(List.of(b));
      assertThat(store.clusterOf(a.id())).isNotEqualTo(store.clusterOf(b.id()));
      assertThat(store.all())
          .hasSize(2)
          .allSatisfy(c -> assertThat(c.label()).isEqualTo(Labels.OTHER));
      assertThat(store.aliases()).isEmpty();
    }
  }

  /** The default clusterer with every fit replaced by {@code fit} (all join, or none joins). */
  private static IssueClusterer fitting(double fit) {
    FaultClusterer inner = new FaultClusterer();
    return new IssueClusterer() {
      public double fit(DocSignals doc, ClusterProfile cluster) {
        return fit;
      }

      public double joinThreshold() {
        return inner.joinThreshold();
      }

      public double absorbThreshold() {
        return inner.absorbThreshold();
      }

      public double moveMargin() {
        return inner.moveMargin();
      }

      public boolean undescribed(DocSignals doc) {
        return inner.undescribed(doc);
      }
    };
  }

  private static SourceDoc manual(String title, List<String> codes) {
    return new SourceDoc(
        SourceDoc.idFor("https://m.example/" + title.hashCode()),
        "https://m.example/" + title.hashCode(),
        SourceKind.MANUAL,
        "test",
        title,
        "text",
        new ProductRef("washing-machine", "Aqualine", "WM-8420X"),
        codes,
        List.of(),
        false,
        Instant.EPOCH,
        new Details.None());
  }

  private static SourceDoc doc(
      String url, SourceKind kind, String title, String text, Details details) {
    SourceDoc d = Docs.doc(url, kind, title, text, details);
    return d;
  }

  /** A fixed radio report whose words name no fault. */
  private static SourceDoc unnamed(String id, String problem) {
    return Docs.report(id, "radio", "", problem, "Fixed");
  }
}
