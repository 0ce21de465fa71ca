package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on records written like the demo corpus, with the real sentence model. */
class ClusterStoreTest {
  static MiniLmEmbedder embedder;

  @TempDir Path dir;

  @BeforeAll
  static void model() {
    embedder = new MiniLmEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  static final SourceDoc MANUAL_ROW =
      Docs.doc(
          "http://manuals/aqualine/wm-8420x#e18",
          SourceKind.MANUAL,
          "Aqualine WM-8420X – Troubleshooting — E18 – Water does not drain",
          "E18 – Water does not drain. Cause: Drain pump filter blocked (fluff, coins, hair clips);"
              + " drain hose kinked or siphon blocked. What to do: Switch off and unplug. Drain the"
              + " water with the emergency hose behind the service flap, then unscrew and clean the"
              + " drain pump filter.",
          new Details.ManualSection(
              "http://manuals/aqualine/wm-8420x",
              "Aqualine WM-8420X user manual",
              0,
              "E18 – Water does not drain",
              "Drain pump filter blocked",
              "Clean the drain pump filter"));
  static final SourceDoc PDF_ROW =
      Docs.doc(
          "http://manuals/aqualine/wm-8420x.pdf#p14",
          SourceKind.MANUAL,
          "Aqualine WM-8420X Washing machine – User Manual — E18 – Water does not drain",
          "E18 – Water does not drain Drain pump filter blocked (fluff, coins) Switch off and"
              + " unplug. Drain the water with the emergency hose, then unscrew and clean the drain"
              + " pump filter. Check the drain hose for kinks.",
          new Details.ManualSection(
              "http://manuals/aqualine/wm-8420x.pdf",
              "Aqualine WM-8420X user manual (PDF)",
              14,
              "E18 – Water does not drain",
              "Drain pump filter blocked",
              "Clean the drain pump filter"));
  static final SourceDoc THREAD =
      Docs.doc(
          "http://forum/t/1001",
          SourceKind.FORUM,
          "Aqualine WM8420X E18 - won't drain, water stuck in drum",
          "Hi all, my Aqualine WM 8420X stopped mid-cycle last night with E18 on the display. The"
              + " drum is full of water. I can hear the pump humming for a couple of seconds, then it"
              + " gives up. Is it the pump? Accepted answer: 9 times out of 10 E18 is the drain pump"
              + " filter. Drain it with the little hose behind the flap and unscrew the filter. Mine"
              + " had a hair clip in it. That fixed it, thanks!",
          new Details.Thread("my WM8420X shows E18", 3, 4, "Clean the drain pump filter", 12, 12));
  static final SourceDoc VIDEO =
      Docs.doc(
          "https://www.youtube.com/watch?v=aq18",
          SourceKind.VIDEO,
          "Aqualine WM-8420X E18 fix - drain pump filter clean (won't drain)",
          "Washing machine won't drain and shows E18? In this video I show how to empty the water"
              + " and clean the drain pump filter of an Aqualine WM-8420X in ten minutes.",
          Docs.video(48_000));
  static final SourceDoc REVIEW =
      Docs.doc(
          "http://shop/reviews/wm-8420x/77",
          SourceKind.REVIEW,
          "Good washer, but the drain filter clogs",
          "Our Aqualine WM-8420X stopped draining twice this year, water left in the drum and E18"
              + " flashing. Cleaning the pump filter sorted it both times. 4 stars.",
          new Details.Review(4, 5, "Sam", "Aqualine WM-8420X"));

  static List<SourceDoc> distractors() {
    return List.of(
        Docs.doc(
            "http://forum/t/1002",
            SourceKind.FORUM,
            "WM8420X clicks but wont start - door lock? E21",
            "put a load in, pressed start, the door lock clicks twice and then E21 comes up. the"
                + " programme never starts. aqualine wm-8420x, about 3 years old.",
            new Details.Thread("E21", 1, 2, "", 0, 2)),
        Docs.doc(
            "http://forum/t/1003",
            SourceKind.FORUM,
            "Aqualine WM-8420X leaking from the door",
            "water on the floor in front of the door after washing. door seal looks ok to me??"
                + " Aqualine washer, 4 yrs old. Mine was the door seal, tiny cut.",
            new Details.Thread("leak", 1, 1, "", 0, 1)),
        Docs.doc(
            "http://manuals/kesseler/wak-2840#f21",
            SourceKind.MANUAL,
            "Kesseler WAK-2840 – Troubleshooting — F21 – Drain fault",
            "F21 – Drain fault. The water is not pumped out. Clean the drain filter and check the"
                + " drain hose.",
            new Details.ManualSection(
                "m", "Kesseler manual", 0, "F21", "drain", "Clean the filter")),
        Docs.doc(
            "http://forum/t/1004",
            SourceKind.FORUM,
            "Kesseler WAK-2840 shows E18 and won't drain",
            "My Kesseler washing machine shows E18 and the water stays in the drum, won't drain.",
            new Details.Thread("E18 on Kesseler", 0, 1, "", 0, 0)),
        Docs.doc(
            "http://forum/t/1005",
            SourceKind.FORUM,
            "Brewster AC1200-B shows OE, no coffee comes out",
            "The Brewster coffee machine shows OE and nothing comes out, pump airlock?",
            new Details.Thread("OE", 0, 1, "", 0, 0)),
        Docs.doc(
            "http://forum/t/1006",
            SourceKind.FORUM,
            "Lumio phone cracked screen",
            "Dropped my Lumio smartphone and the screen is cracked, touch still works.",
            new Details.Thread("screen", 0, 1, "", 0, 0)));
  }

  static List<SourceDoc> reports() {
    return List.of(
        Docs.report(
            "r1", "washing-machine", "Aqualine", "Not draining, E18, pump filter cleaned", "Fixed"),
        Docs.report(
            "r2", "washing-machine", "Aqualine", "E18 won't drain, pump seized", "Repairable"),
        Docs.report(
            "r3",
            "washing-machine",
            "Aqualine",
            "won't drain E18, pump motor burnt out",
            "End of life"));
  }

  static List<SourceDoc> corpus() {
    List<SourceDoc> all = new ArrayList<>(List.of(MANUAL_ROW, PDF_ROW, THREAD, VIDEO, REVIEW));
    all.addAll(distractors());
    all.addAll(reports());
    return all;
  }

  @Test
  void theFourSourceDrainFaultIsOneCluster() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      store.add(corpus());
      String id = store.clusterOf(THREAD.id()).orElseThrow();
      for (SourceDoc d : List.of(MANUAL_ROW, PDF_ROW, VIDEO, REVIEW))
        assertThat(store.clusterOf(d.id())).as(d.title()).contains(id);
      IssueCluster c = store.get(id).orElseThrow();
      assertThat(c.label()).isEqualTo("Drain pump blocked (E18)");
      assertThat(c.scope().type()).isEqualTo("washing-machine");
      assertThat(c.scope().brand()).isEqualTo("Aqualine");
      assertThat(c.errorCodes()).startsWith("E18");
      assertThat(c.symptoms()).contains("wont-drain");
      assertThat(c.sourceMix())
          .containsEntry("manual", 2)
          .containsEntry("forum", 1)
          .containsEntry("video", 1)
          .containsEntry("review", 1)
          .containsEntry("repair_report", 3);
      assertThat(c.topDocs())
          .containsEntry("forum", THREAD.id())
          .containsEntry("video", VIDEO.id());
      assertThat(c.topDocs().get("manual")).isIn(MANUAL_ROW.id(), PDF_ROW.id());
      assertThat(c.outcomes().repairsFixed()).isEqualTo(1);
      assertThat(c.outcomes().repairsRepairable()).isEqualTo(1);
      assertThat(c.outcomes().repairsEndOfLife()).isEqualTo(1);
      assertThat(c.outcomes().reportedFixes()).isGreaterThanOrEqualTo(2); // the thread, report r1
      // Other faults, and E18 on another brand, are other issues.
      for (SourceDoc d : distractors())
        assertThat(store.clusterOf(d.id()))
            .as(d.title())
            .isPresent()
            .isNotEqualTo(java.util.Optional.of(id));
      assertThat(store.members(id)).hasSize(c.size()).contains(THREAD.id());
    }
  }

  @Test
  void relatedClustersAreOfTheSameFamilyAndNeverItself() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      store.add(corpus());
      String drain = store.clusterOf(THREAD.id()).orElseThrow();
      List<IssueCluster> related = store.related(drain, 5);
      assertThat(related).isNotEmpty().extracting(IssueCluster::id).doesNotContain(drain);
      assertThat(related)
          .allSatisfy(r -> assertThat(r.scope().type()).isEqualTo("washing-machine"));
    }
  }

  @Test
  void aCommittedStoreReopensIdentical() throws Exception {
    List<IssueCluster> before;
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      store.add(corpus());
      store.commit();
      assertThat(store.generation()).isEqualTo(1);
      before = sorted(store.all());
      store.add(List.of(Docs.synthetic(1, 1).getFirst())); // not committed: lost on reopen
    }
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      assertThat(sorted(store.all())).isEqualTo(before);
      assertThat(store.documentCount()).isEqualTo(corpus().size());
      for (SourceDoc d : corpus()) assertThat(store.clusterOf(d.id())).isPresent();
      // It keeps growing from there, without churn.
      String drain = store.clusterOf(THREAD.id()).orElseThrow();
      Assignment a =
          store.add(
              List.of(
                  Docs.report(
                      "r4", "washing-machine", "Aqualine", "E18 again, not draining", "Fixed")));
      assertThat(a.clusters().values()).containsExactly(drain);
      assertThat(store.clusterOf(THREAD.id())).contains(drain);
    }
  }

  @Test
  void aChangedRecordStaysUnlessItClearlyFitsElsewhere() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      store.add(corpus());
      String drain = store.clusterOf(THREAD.id()).orElseThrow();
      // More votes: same content, the statistics change, not the placement.
      SourceDoc voted =
          new SourceDoc(
              THREAD.id(),
              THREAD.url(),
              THREAD.kind(),
              THREAD.site(),
              THREAD.title(),
              THREAD.text(),
              THREAD.product(),
              THREAD.errorCodes(),
              THREAD.symptoms(),
              true,
              THREAD.published(),
              new Details.Thread(
                  "my WM8420X shows E18", 3, 5, "Clean the drain pump filter", 40, 40));
      Assignment a = store.add(List.of(voted));
      assertThat(a.changed()).isZero();
      assertThat(store.clusterOf(THREAD.id())).contains(drain);
      // A review edited to be about something else entirely moves.
      SourceDoc edited =
          Docs.doc(
              REVIEW.url(),
              SourceKind.REVIEW,
              "Door lock broke",
              "Our Aqualine WM-8420X shows E21, the door lock clicks and the programme never starts.",
              new Details.Review(2, 5, "Sam", "Aqualine WM-8420X"));
      Assignment b = store.add(List.of(edited));
      assertThat(b.changed()).isEqualTo(1);
      assertThat(b.moved()).isEqualTo(1);
      assertThat(store.clusterOf(REVIEW.id()))
          .isPresent()
          .isNotEqualTo(java.util.Optional.of(drain));
      assertThat(store.members(drain)).doesNotContain(REVIEW.id());
    }
  }

  @Test
  void removingTheLastMemberRetiresTheId() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      SourceDoc lone = distractors().get(5);
      store.add(List.of(lone));
      String id = store.clusterOf(lone.id()).orElseThrow();
      store.remove(lone.id());
      assertThat(store.get(id)).isEmpty();
      assertThat(store.clusterOf(lone.id())).isEmpty();
      store.add(List.of(lone));
      assertThat(store.clusterOf(lone.id())).isPresent().isNotEqualTo(java.util.Optional.of(id));
    }
  }

  @Test
  void aDamagedFileIsReportedNotSilentlyLoaded() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      store.add(Docs.synthetic(3, 50));
      store.commit();
    }
    Path file = dir.resolve(ClusterFile.NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ClusterStore.open(dir, new HashingEmbedder()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aStaleTemporaryFileFromACrashIsIgnoredAndReplacedByTheNextCommit() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      store.add(Docs.synthetic(4, 50));
      store.commit();
    }
    Files.write(dir.resolve(ClusterFile.NAME + ".tmp"), new byte[] {1, 2, 3});
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      assertThat(store.documentCount()).isEqualTo(50);
      store.add(Docs.synthetic(5, 10));
      store.commit();
    }
    assertThat(dir.resolve(ClusterFile.NAME + ".tmp")).as("moved over the file").doesNotExist();
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      assertThat(store.documentCount()).isEqualTo(60);
    }
  }

  @Test
  void openingNeverDeletesTheFileACommitIsWriting() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      store.add(Docs.synthetic(4, 50));
      store.commit();
    }
    Path tmp = dir.resolve(ClusterFile.NAME + ".tmp");
    // a writer part-way through a commit: its temporary file is open and half written
    try (var writing =
        java.nio.channels.FileChannel.open(
            tmp, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      writing.write(java.nio.ByteBuffer.wrap(new byte[] {0x46, 0x46, 0x43, 0x4c}));
      try (ClusterStore reader = ClusterStore.open(dir, new HashingEmbedder())) {
        assertThat(reader.documentCount()).isEqualTo(50);
      }
      assertThat(tmp).as("a reader leaves the writer's file alone").exists().hasSize(4);
    }
  }

  @Test
  void undescribedRecordsShareTheFamilyCatchAll() throws Exception {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      List<SourceDoc> vague =
          List.of(
              Docs.report("v1", "smartphone", "", "defekt", "Repairable"),
              Docs.report("v2", "smartphone", "", "Mobile - ?", "Repairable"),
              Docs.report("v3", "smartphone", "", "kaputt", "End of life"));
      store.add(vague);
      Set<String> ids =
          vague.stream()
              .map(d -> store.clusterOf(d.id()).orElseThrow())
              .collect(Collectors.toSet());
      assertThat(ids).hasSize(1);
      String id = ids.iterator().next();
      assertThat(store.isCatchAll(id)).isTrue();
      assertThat(store.get(id).orElseThrow().label()).isEqualTo("Fault not described");
    }
  }

  private static List<IssueCluster> sorted(java.util.Collection<IssueCluster> all) {
    return all.stream().sorted(java.util.Comparator.comparing(IssueCluster::id)).toList();
  }
}
