package io.fixfinder.indexer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fixes of a drain-pump issue built from records worded as the demo's sources word them. */
class FixSummaryTest {
  static final ProductRef WM = new ProductRef("washing-machine", "Aqualine", "WM-8420X");
  static final IssueCluster ISSUE =
      new IssueCluster(
          "iss-e18",
          "Drain pump blocked (E18)",
          new ProductRef("washing-machine", "Aqualine", ""),
          List.of("E18"),
          List.of("wont-drain"),
          9,
          Map.of(),
          new IssueCluster.Outcomes(0, 0, 0, 0),
          Map.of(),
          Instant.EPOCH,
          Instant.EPOCH);

  static final String ROW_CAUSE =
      "Drain pump filter blocked (fluff, coins, hair clips); drain hose kinked or siphon blocked.";
  static final String ROW_REMEDY =
      "Switch off and unplug. Drain the water with the emergency hose behind the service flap, then"
          + " unscrew and clean the drain pump filter. Check the drain hose for kinks.";

  static SourceDoc manualRow(
      String id,
      String url,
      int page,
      String problem,
      List<String> codes,
      String cause,
      String remedy) {
    return new SourceDoc(
        id,
        url,
        SourceKind.MANUAL,
        "manuals.example",
        "Manual \u2014 " + problem,
        problem + " " + cause + " " + remedy,
        WM,
        codes,
        List.of(),
        true,
        Instant.EPOCH,
        new Details.ManualSection(
            url.replaceAll("#.*", ""), "Manual", page, problem, cause, remedy));
  }

  static SourceDoc thread(String id, String title, String answer, int votes) {
    return new SourceDoc(
        id,
        "http://forum.example/t/" + id + ".html",
        SourceKind.FORUM,
        "forum.example",
        title,
        title,
        WM,
        List.of("E18"),
        List.of(),
        true,
        Instant.EPOCH,
        new Details.Thread("It shows E18 and will not drain.", 3, 2, answer, votes, votes));
  }

  static SourceDoc video() {
    String v = "https://www.youtube.com/watch?v=Zq7dR2xK9fA";
    List<Chapter> chapters =
        List.of(
            new Chapter(0, "Intro", v + "&t=0s"),
            new Chapter(45, "Remove the kickplate", v + "&t=45s"),
            new Chapter(130, "Drain the water", v + "&t=130s"),
            new Chapter(212, "Unscrew the pump filter", v + "&t=212s"),
            new Chapter(290, "Clean the filter and check the impeller", v + "&t=290s"),
            new Chapter(482, "Result", v + "&t=482s"));
    return new SourceDoc(
        "vid",
        v,
        SourceKind.VIDEO,
        "www.youtube.com",
        "Aqualine WM-8420X E18 fix - drain pump filter clean (won't drain)",
        "",
        WM,
        List.of("E18"),
        List.of(),
        false,
        Instant.EPOCH,
        new Details.Video("Zq7dR2xK9fA", "Fix It Dad", 511, 184_203, 3120, chapters));
  }

  static final String FILTER_ANSWER =
      "Most likely a blocked drain pump filter or a kinked drain hose.\n\n"
          + "First check the hose behind the machine isn't squashed against the wall.\n\n"
          + "Then clean the filter: machine off and unplugged, towels down, drain the water with the"
          + " emergency hose behind the service flap, unscrew the filter and clean it.\n\n"
          + "Nine times out of ten that clears E18.";
  static final String COIN_ANSWER =
      "Clean the drain pump filter behind the kickplate, there was a coin in it, that fixed it.\n"
          + "Step by step:\n"
          + "1. Switch off and unplug the machine.\n"
          + "2. Open the kickplate at the bottom right.\n"
          + "3. Pull out the emergency drain hose and let the water run into a tray.\n"
          + "4. Unscrew the filter anticlockwise and clean it.\n"
          + "5. Filter back in hand-tight, run Rinse & Spin.\n"
          + "The manual covers it: http://manuals.example/wm.pdf";
  static final String PUMP_ANSWER =
      "Impeller spinning completely free is the giveaway: the impeller has come off the shaft and"
          + " the pump needs replacing.\n\n"
          + "Tilt the machine back against the wall on a blanket to reach the pump from below.\n\n"
          + "The pump is held by 3 screws from the front. Undo them and pull it out.\n\n"
          + "Unplug the connector, move the hoses to the new pump with new clamps, refit.\n\n"
          + "Pump is about 38 euros.";

  static List<SourceDoc> records() {
    return List.of(
        manualRow(
            "row-pdf",
            "http://manuals.example/wm.pdf#page=3&row=1",
            3,
            "E18 \u2013 Water does not drain",
            List.of("E18"),
            ROW_CAUSE,
            ROW_REMEDY),
        manualRow(
            "row-html",
            "http://manuals.example/wm/troubleshooting.html#trouble-1",
            0,
            "E18 \u2013 Water does not drain",
            List.of("E18"),
            ROW_CAUSE,
            ROW_REMEDY),
        manualRow(
            "row-display",
            "http://manuals.example/wm.pdf#page=4&row=14",
            4,
            "Display shows nothing",
            List.of(),
            "Mains plug not inserted; fuse blown.",
            "Check the plug and the fuse. Test the socket with another appliance."),
        manualRow(
            "row-e21",
            "http://manuals.example/wm.pdf#page=3&row=2",
            3,
            "E21 \u2013 Door does not open",
            List.of("E21"),
            "Door lock faulty.",
            "Wait two minutes after the programme ends, then open the door."),
        thread("t-filter", "Drain problem: water left in the drum", FILTER_ANSWER, 53),
        thread("t-coin", "E18 - won't drain, water stuck in drum", COIN_ANSWER, 47),
        thread("t-pump", "error 18, not pumping out (filter is clean!)", PUMP_ANSWER, 19),
        video());
  }

  static List<Fix> fixes(List<SourceDoc> docs, Map<String, Tally> votes) {
    return new FixSummary().fixes(ISSUE, docs, id -> votes.getOrDefault(id, Tally.NONE));
  }

  @Test
  void theManualRowAndTheAnswersThatCleanTheFilterAreOneFixFirst() {
    List<Fix> fixes = fixes(records(), Map.of());
    Fix first = fixes.get(0);
    assertThat(first.text()).isEqualTo(ROW_REMEDY);
    assertThat(first.cause()).isEqualTo(ROW_CAUSE);
    assertThat(first.sources())
        .extracting(Fix.Source::docId)
        .contains("row-pdf", "row-html", "t-filter", "t-coin", "vid")
        .doesNotContain("t-pump");
    Fix.Source pdf = source(first, "row-pdf");
    assertThat(pdf.url()).endsWith("#page=3&row=1");
    assertThat(pdf.where()).isEqualTo("p. 3");
    Fix.Source answer = source(first, "t-filter");
    assertThat(answer.form()).isEqualTo("accepted-answer");
    assertThat(answer.votes()).isEqualTo(53);
    assertThat(answer.url())
        .startsWith("http://forum.example/t/t-filter.html#:~:text=Most%20likely");
    Fix.Source video = source(first, "vid");
    assertThat(video.seconds()).as("a chapter about the filter").isIn(212, 290);
    assertThat(video.url()).endsWith("&t=" + video.seconds() + "s");
    assertThat(first.support().summary())
        .startsWith(
            "manual p. 3 (2 manual rows), accepted answer with 53 votes (2 accepted answers)")
        .contains("video at ");
    // steps from the first source that lists them: the numbered answer
    assertThat(first.steps())
        .extracting(Fix.Step::text)
        .contains("Switch off and unplug the machine.");
  }

  @Test
  void replacingThePumpIsAFixOfItsOwnAndOtherFaultsRowsAreNone() {
    List<Fix> fixes = fixes(records(), Map.of());
    Fix pump =
        fixes.stream()
            .filter(f -> f.sources().stream().anyMatch(s -> s.docId().equals("t-pump")))
            .findFirst()
            .orElseThrow();
    assertThat(pump.sources()).hasSize(1);
    assertThat(pump.text()).startsWith("Impeller spinning completely free");
    assertThat(pump.steps())
        .extracting(Fix.Step::text)
        .contains("Unplug the connector, move the hoses to the new pump with new clamps, refit.");
    assertThat(fixes)
        .flatExtracting(Fix::sources)
        .extracting(Fix.Source::docId)
        .doesNotContain("row-display", "row-e21");
  }

  @Test
  void moreAndStrongerSupportRanksFirstAndVotesMoveAFix() {
    List<Fix> fixes = fixes(records(), Map.of());
    for (int i = 1; i < fixes.size(); i++) {
      assertThat(fixes.get(i - 1).support().score())
          .isGreaterThanOrEqualTo(fixes.get(i).support().score());
    }
    // a lone answer against the manual, two answers and a video: the pump fix is below
    assertThat(fixes.get(0).support().sources()).isGreaterThan(fixes.get(1).support().sources());
    // people say the filter fix did not work for them and the pump fix did: enough votes reorder
    Map<String, Tally> votes =
        Map.of(
            "row-pdf",
            new Tally(0, 40, 0),
            "t-filter",
            new Tally(0, 40, 0),
            "t-pump",
            new Tally(40, 0, 0));
    List<Fix> voted = fixes(records(), votes);
    assertThat(voted.get(0).sources()).extracting(Fix.Source::docId).containsExactly("t-pump");
    assertThat(voted.get(0).support().summary())
        .endsWith("; 40 of 40 people who voted say it fixed it");
  }

  @Test
  void theOrderOfTheRecordsDoesNotChangeTheFixes() {
    List<Fix> expected = fixes(records(), Map.of());
    Random random = new Random(Long.getLong("tests.seed", 14L));
    for (int round = 0; round < 5; round++) {
      List<SourceDoc> shuffled = new ArrayList<>(records());
      Collections.shuffle(shuffled, random);
      assertThat(fixes(shuffled, Map.of())).isEqualTo(expected);
    }
  }

  @Test
  void theBlendOfEmbeddingsAndWordsGroupsTheseRecordsAsWordsDo() {
    try (MiniLmEmbedder model = new MiniLmEmbedder(1)) {
      FixSummary blend = new FixSummary(model);
      assertThat(blend.grouping()).isEqualTo(RemedyGrouping.DEFAULT);
      List<Fix> fixes = blend.fixes(ISSUE, records(), id -> Tally.NONE);
      assertThat(fixes.get(0).sources())
          .extracting(Fix.Source::docId)
          .contains("row-pdf", "row-html", "t-filter", "t-coin", "vid")
          .doesNotContain("t-pump");
      assertThat(fixes).isEqualTo(fixes(records(), Map.of()));
      // a second view reads the kept vectors and gives the same fixes
      long embedded = blend.vectors().orElseThrow().stats().missCount();
      assertThat(blend.fixes(ISSUE, records(), id -> Tally.NONE)).isEqualTo(fixes);
      assertThat(blend.vectors().orElseThrow().stats().missCount()).isEqualTo(embedded);
    }
  }

  @Test
  void aBlendWithoutVectorsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FixSummary(RemedyGrouping.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs vectors");
    assertThat(new FixSummary().grouping()).isEqualTo(RemedyGrouping.WORDS);
  }

  @Test
  void noRecordsOrNoRemediesGiveNoFixes() {
    assertThat(fixes(List.of(), Map.of())).isEmpty();
    SourceDoc review =
        new SourceDoc(
            "r",
            "http://shop.example/p#review-1",
            SourceKind.REVIEW,
            "shop.example",
            "Started showing E18",
            "E18 after 3 months",
            WM,
            List.of("E18"),
            List.of(),
            false,
            Instant.EPOCH,
            new Details.Review(2, 5, "Tom", "WM-8420X"));
    assertThat(fixes(List.of(review), Map.of())).isEmpty();
  }

  static Fix.Source source(Fix fix, String docId) {
    return fix.sources().stream().filter(s -> s.docId().equals(docId)).findFirst().orElseThrow();
  }
}
