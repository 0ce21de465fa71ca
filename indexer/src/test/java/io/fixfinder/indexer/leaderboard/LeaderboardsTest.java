package io.fixfinder.indexer.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixfinder.core.feedback.AllTallies;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.leaderboard.Leaderboards.Row;
import io.fixfinder.indexer.leaderboard.Leaderboards.TypeBoard;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaderboards over a real on-disk index of repair reports and records whose outcomes are known by
 * construction: the min-count rule, both rankings, the share of reports, votes, and a new
 * generation's figures replacing the old.
 */
class LeaderboardsTest {
  @TempDir Path dir;

  private int serial;

  /** {@code fixed}, {@code repairable}, {@code endOfLife} reports of one laptop brand and model. */
  private List<SourceDoc> reports(
      String brand, String model, int fixed, int repairable, int endOfLife) {
    List<SourceDoc> docs = new ArrayList<>();
    for (int i = 0; i < fixed + repairable + endOfLife; i++) {
      String outcome = i < fixed ? "Fixed" : i < fixed + repairable ? "Repairable" : "End of life";
      docs.add(report("laptop", brand, model, outcome));
    }
    return docs;
  }

  private SourceDoc report(String type, String brand, String model, String outcome) {
    String url = "ords:t-" + serial++;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.REPAIR_REPORT,
        "The Restart Project",
        "Laptop: does not start",
        "does not start",
        new ProductRef(type, brand, model),
        List.of(),
        List.of(),
        outcome.equals("Fixed"),
        Instant.parse("2020-01-01T00:00:00Z"),
        new Details.RepairReport(outcome, "Laptop", 2015, "GBR", "Repair Cafe"));
  }

  private SourceDoc thread(String brand, String model, boolean fixReported) {
    String url = "http://forum/" + serial++;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "forum",
        brand + " " + model + " will not boot",
        "Reseated the RAM",
        new ProductRef("laptop", brand, model),
        List.of(),
        List.of(),
        fixReported,
        Instant.parse("2021-01-01T00:00:00Z"),
        new Details.Thread("q", 0, 1, "", 0, 0));
  }

  private IndexStore index(List<SourceDoc> docs) throws Exception {
    Indexer.rebuild(dir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    return IndexStore.open(dir, 16);
  }

  private static Row brand(TypeBoard board, String name) {
    return board.brands().stream().filter(r -> r.brand().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void ranksOnlyBrandsWithEnoughReportsByTheCautiousBound() throws Exception {
    List<SourceDoc> docs = new ArrayList<>();
    docs.addAll(reports("Acer", "", 24, 3, 3)); // 30 known: 80% fixed
    docs.addAll(reports("Dell", "", 60, 20, 20)); // 100 known: 60% fixed
    docs.addAll(reports("Asus", "", 5, 0, 0)); // 5 known: 100% fixed, too few
    docs.addAll(reports("HP", "", 27, 1, 1)); // 29 known: one short of the minimum
    docs.add(report("laptop", "Dell", "", "Unknown")); // counted, but no known outcome
    docs.add(report("laptop", "", "", "Fixed")); // no recognised brand: on the type's totals only
    docs.add(thread("Lenovo", "", true)); // records only
    try (IndexStore store = index(docs)) {
      Leaderboards boards = new Leaderboards(store.searchers(), AllTallies.none(), 30);
      TypeBoard laptop = boards.type("laptop").orElseThrow();

      assertThat(laptop.reports()).isEqualTo(30 + 100 + 1 + 5 + 29 + 1);
      assertThat(laptop.reportsWithBrand()).isEqualTo(laptop.reports() - 1);
      assertThat(laptop.outcomes().unknown()).isEqualTo(1);
      assertThat(laptop.outcomes().fixed()).isEqualTo(24 + 60 + 5 + 27 + 1);
      assertThat(laptop.records()).isEqualTo(1);
      assertThat(laptop.brandsRanked()).isEqualTo(2);

      Row acer = brand(laptop, "Acer");
      Row dell = brand(laptop, "Dell");
      assertThat(acer.fixRank()).contains(1);
      assertThat(dell.fixRank()).contains(2);
      assertThat(acer.fixRate().orElseThrow().value()).isEqualTo(0.8);
      assertThat(acer.fixRate().orElseThrow().low())
          .isCloseTo(Proportion.wilson(24, 30).low(), within(1e-12));
      assertThat(dell.reports()).isEqualTo(101);
      assertThat(dell.outcomes().known()).isEqualTo(100);
      assertThat(dell.fixRate().orElseThrow().n()).isEqualTo(100);
      // beyond repair: Acer 10% of 30 against Dell 20% of 100; Acer's upper bound is lower
      assertThat(acer.endOfLifeRank()).contains(1);
      assertThat(dell.endOfLifeRank()).contains(2);
      assertThat(dell.reportShare().orElseThrow().value())
          .isCloseTo(101.0 / laptop.reportsWithBrand(), within(1e-12));

      // a perfect record from five reports, and 29 reports, are shown but never ranked
      for (String few : List.of("Asus", "HP")) {
        Row row = brand(laptop, few);
        assertThat(row.ranked()).isFalse();
        assertThat(row.fixRank()).isEmpty();
        assertThat(row.endOfLifeRank()).isEmpty();
        assertThat(row.fixRate()).isPresent();
      }
      assertThat(brand(laptop, "Asus").fixRate().orElseThrow().low()).isLessThan(0.6);
      Row lenovo = brand(laptop, "Lenovo");
      assertThat(lenovo.reports()).isZero();
      assertThat(lenovo.fixRate()).isEmpty();
      assertThat(lenovo.records()).isEqualTo(1);
      assertThat(lenovo.recordsReportingFix()).isEqualTo(1);
      // ranked rows lead, in rank order
      assertThat(laptop.brands().subList(0, 2))
          .extracting(Row::brand)
          .containsExactly("Acer", "Dell");

      // with a lower minimum all are ranked, still by the cautious bound: five perfect reports
      // (lower bound 0.57) rank below 24 of 30 (0.63), and 27 of 29 (0.78) leads
      TypeBoard loose =
          new Leaderboards(store.searchers(), AllTallies.none(), 5).type("laptop").orElseThrow();
      assertThat(brand(loose, "HP").fixRank()).contains(1);
      assertThat(brand(loose, "Acer").fixRank()).contains(2);
      assertThat(brand(loose, "Asus").fixRank()).contains(3);
      assertThat(brand(loose, "Dell").fixRank()).contains(4);
      assertThat(boards.type("kettle")).isEmpty();
    }
  }

  @Test
  void modelsVotesAndANewGenerationAreCounted() throws Exception {
    List<SourceDoc> docs = new ArrayList<>(reports("Dell", "XPS-13", 30, 5, 5));
    SourceDoc spelledOtherwise = report("laptop", "Dell", "XPS13", "Fixed");
    docs.add(spelledOtherwise);
    SourceDoc voted = thread("Dell", "XPS-13", false);
    docs.add(voted);
    Map<String, Tally> tallies = new ConcurrentHashMap<>();
    tallies.put("doc:" + voted.id(), new Tally(3, 1, 0));
    tallies.put("doc:" + spelledOtherwise.id(), new Tally(0, 0, 2));
    // votes on records no longer in the index, and on issues, count for no brand
    tallies.put("doc:gone", new Tally(50, 0, 0));
    tallies.put("issue:iss-000000000000", new Tally(50, 0, 0));
    try (IndexStore store = index(docs)) {
      Leaderboards boards = new Leaderboards(store.searchers(), tallies::forEach, 30);
      TypeBoard laptop = boards.type("laptop").orElseThrow();
      assertThat(laptop.models()).hasSize(1);
      Row xps = laptop.models().getFirst();
      assertThat(xps.brand()).isEqualTo("Dell");
      assertThat(xps.model()).isEqualTo("XPS-13"); // the most common spelling
      assertThat(xps.reports()).isEqualTo(41);
      assertThat(xps.fixRank()).contains(1);
      assertThat(xps.votes().yes()).isEqualTo(3);
      assertThat(xps.votes().partly()).isEqualTo(2);
      assertThat(xps.votes().fixRate().orElseThrow().value()).isEqualTo(4.0 / 6);
      assertThat(brand(laptop, "Dell").votes()).isEqualTo(xps.votes());
      assertThat(laptop.modelsRanked()).isEqualTo(1);

      // a vote shows at once, without a new generation
      tallies.put("doc:" + voted.id(), new Tally(3, 2, 0));
      assertThat(boards.type("laptop").orElseThrow().models().getFirst().votes().no()).isEqualTo(2);

      // new reports are counted once they are committed
      for (SourceDoc d : reports("Dell", "XPS-13", 0, 0, 10)) store.put(d);
      store.commit();
      Row after = boards.type("laptop").orElseThrow().models().getFirst();
      assertThat(after.reports()).isEqualTo(51);
      assertThat(after.outcomes().endOfLife()).isEqualTo(15);
      // the voted records are found again in the new generation
      assertThat(after.votes().yes()).isEqualTo(3);
      assertThat(after.votes().no()).isEqualTo(2);
    }
  }

  @Test
  void refusesAMinimumBelowOne() throws Exception {
    try (IndexStore store = index(List.of(thread("Dell", "", false)))) {
      assertThatThrownBy(() -> new Leaderboards(store.searchers(), AllTallies.none(), 0))
          .hasMessageContaining("minReports must be >= 1, got 0");
    }
  }
}
