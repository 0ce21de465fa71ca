package io.fixfinder.indexer.leaderboard;

import io.fixfinder.core.feedback.AllTallies;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.leaderboard.LeaderboardSource.Placement;
import io.fixfinder.indexer.schema.DocumentMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.SearcherManager;

/**
 * The leaderboards of the live index: per product type, its brands and models with their
 * repair-café outcomes, votes and records.
 *
 * <p>What the figures mean, since we know nothing of how many units exist:
 *
 * <ul>
 *   <li><b>Fix rate</b>: repair reports that ended "Fixed" among those with a known outcome (Fixed,
 *       Repairable, End of life). Ranked, best first, by the interval's lower bound.
 *   <li><b>Beyond repair</b> (end-of-life rate): reports that ended "End of life" among the same.
 *       It is the closest to a fault rate the data allows: how often a fault that reached a repair
 *       café was the end of the device. Ranked, lowest first, by the interval's upper bound.
 *   <li><b>Share of reports</b>: the group's reports among the type's reports that name a brand (a
 *       model, for models). It grows with how common a brand is as much as with its faults, so it
 *       is shown, never ranked.
 * </ul>
 *
 * A group is ranked only with at least {@code minReports} reports of known outcome. The records'
 * part is read from a {@link LeaderboardSource} (the embedded index's doc values, or a cluster's
 * aggregation) once per generation; votes are summed per call from the in-memory tallies (each
 * voted record located once per generation by its id), so a vote shows at once and memory grows
 * with the groups and the voted records, not with the index.
 */
public final class Leaderboards {
  /** The default of {@code leaderboards.minReports}. */
  public static final int DEFAULT_MIN_REPORTS = 30;

  /** The confidence level of every interval. */
  public static final double CONFIDENCE = 0.95;

  /** How repair reports of a group ended, as Open Repair Data records it. */
  public record Outcomes(long fixed, long repairable, long endOfLife, long unknown) {
    /** Reports whose outcome is Fixed, Repairable or End of life. */
    public long known() {
      return fixed + repairable + endOfLife;
    }
  }

  /** The "did this fix it?" votes on a group's records; the fix rate counts "partly" as half. */
  public record Votes(long yes, long no, long partly, Optional<Proportion> fixRate) {}

  /**
   * One brand, or one model of a brand, of a product type.
   *
   * @param model empty on a brand's row
   * @param reports repair reports (Open Repair Data) of the brand or model in this type
   * @param ranked whether enough reports have a known outcome to rank it
   * @param fixRate fixed among reports of known outcome; empty with none
   * @param fixRank 1 for the best fix rate; empty when not ranked
   * @param endOfLifeRate "End of life" among reports of known outcome; empty with none
   * @param endOfLifeRank 1 for the least often beyond repair; empty when not ranked
   * @param reportShare the group's reports among the type's reports naming a brand (a model)
   * @param records other records of it in the type: manuals, threads, videos, reviews
   * @param recordsReportingFix of those, the ones that report a fix
   */
  public record Row(
      String brand,
      String model,
      long reports,
      Outcomes outcomes,
      boolean ranked,
      Optional<Proportion> fixRate,
      Optional<Integer> fixRank,
      Optional<Proportion> endOfLifeRate,
      Optional<Integer> endOfLifeRank,
      Optional<Proportion> reportShare,
      long records,
      long recordsReportingFix,
      Votes votes) {}

  /**
   * The leaderboard of one product type.
   *
   * @param reports the type's repair reports
   * @param reportsWithBrand of those, the ones with a brand FixFinder recognises
   * @param reportsWithModel of those, the ones naming a model
   * @param records the type's other records
   */
  public record TypeBoard(
      String type,
      long reports,
      long reportsWithBrand,
      long reportsWithModel,
      Outcomes outcomes,
      long records,
      int brandsRanked,
      int modelsRanked,
      List<Row> brands,
      List<Row> models) {}

  /** Every type's leaderboard, most reported type first. */
  public record Board(int minReports, double confidence, List<TypeBoard> types) {}

  private final LeaderboardSource source;
  private final AllTallies votes;
  private final int minReports;
  private volatile Snapshot snapshot;

  /**
   * @param minReports reports of known outcome a brand or model needs to be ranked (at least 1)
   */
  public Leaderboards(LeaderboardSource source, AllTallies votes, int minReports) {
    if (minReports < 1) {
      throw new IllegalArgumentException("minReports must be >= 1, got " + minReports);
    }
    this.source = Objects.requireNonNull(source, "source");
    this.votes = votes;
    this.minReports = minReports;
  }

  /** Over the embedded index's served searcher. */
  public Leaderboards(SearcherManager searchers, AllTallies votes, int minReports) {
    this(new IndexLeaderboardSource(searchers), votes, minReports);
  }

  public int minReports() {
    return minReports;
  }

  /** Every product type with at least one record, most repair reports first. */
  public Board board() throws IOException {
    try (LeaderboardSource.View view = source.open()) {
      Snapshot s = snapshot(view);
      Map<String, long[]> votes = voteSums(view, s);
      List<TypeBoard> boards = new ArrayList<>();
      for (TypeAcc t : s.types().values()) boards.add(typeBoard(t, votes));
      boards.sort(
          Comparator.comparingLong(TypeBoard::reports)
              .thenComparingLong(TypeBoard::records)
              .reversed()
              .thenComparing(TypeBoard::type));
      return new Board(minReports, CONFIDENCE, List.copyOf(boards));
    }
  }

  /** One type's leaderboard; empty when the index has no record of that type. */
  public Optional<TypeBoard> type(String type) throws IOException {
    try (LeaderboardSource.View view = source.open()) {
      Snapshot s = snapshot(view);
      TypeAcc t = s.types().get(type);
      return t == null ? Optional.empty() : Optional.of(typeBoard(t, voteSums(view, s)));
    }
  }

  private TypeBoard typeBoard(TypeAcc t, Map<String, long[]> votes) {
    List<Row> brands = rows(t.brands.values(), t.reportsWithBrand, t, votes);
    List<Row> models = rows(t.models.values(), t.reportsWithModel, t, votes);
    return new TypeBoard(
        t.type,
        t.reports,
        t.reportsWithBrand,
        t.reportsWithModel,
        t.outcomes(),
        t.records,
        (int) brands.stream().filter(Row::ranked).count(),
        (int) models.stream().filter(Row::ranked).count(),
        brands,
        models);
  }

  private List<Row> rows(
      Collection<GroupAcc> groups, long shareOf, TypeAcc type, Map<String, long[]> votes) {
    List<GroupAcc> list = List.copyOf(groups);
    int n = list.size();
    double[] fixLow = new double[n];
    double[] endHigh = new double[n];
    boolean[] qualifies = new boolean[n];
    List<Optional<Proportion>> fix = new ArrayList<>(n);
    List<Optional<Proportion>> end = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Outcomes o = list.get(i).outcomes();
      long known = o.known();
      Optional<Proportion> f =
          known == 0 ? Optional.empty() : Optional.of(Proportion.wilson(o.fixed(), known));
      Optional<Proportion> e =
          known == 0 ? Optional.empty() : Optional.of(Proportion.wilson(o.endOfLife(), known));
      fix.add(f);
      end.add(e);
      qualifies[i] = known >= minReports;
      fixLow[i] = f.map(Proportion::low).orElse(0.0);
      endHigh[i] = e.map(Proportion::high).orElse(1.0);
    }
    int[] fixRanks = Ranking.ranks(fixLow, qualifies, true);
    int[] endRanks = Ranking.ranks(endHigh, qualifies, false);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GroupAcc g = list.get(i);
      rows.add(
          new Row(
              type.brands.get(g.brandKey).name(),
              g.modelKey.isEmpty() ? "" : g.name(),
              g.reports,
              g.outcomes(),
              qualifies[i],
              fix.get(i),
              rank(fixRanks[i]),
              end.get(i),
              rank(endRanks[i]),
              g.reports == 0 || shareOf == 0
                  ? Optional.empty()
                  : Optional.of(Proportion.wilson(g.reports, shareOf)),
              g.records,
              g.recordsFix,
              votes(votes.get(g.key(type.type)))));
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.fixRank().orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.comparingLong(Row::reports).reversed())
            .thenComparing(Comparator.comparingLong(Row::records).reversed())
            .thenComparing(Row::brand)
            .thenComparing(Row::model));
    return List.copyOf(rows);
  }

  private static Optional<Integer> rank(int rank) {
    return rank > 0 ? Optional.of(rank) : Optional.empty();
  }

  private static Votes votes(long[] sums) {
    if (sums == null) return new Votes(0, 0, 0, Optional.empty());
    long total = sums[0] + sums[1] + sums[2];
    return new Votes(
        sums[0],
        sums[1],
        sums[2],
        total == 0
            ? Optional.empty()
            : Optional.of(Proportion.wilson(sums[0] + sums[2] / 2.0, total)));
  }

  /**
   * Yes, no and partly votes on records, summed per brand and per model ({@link GroupAcc#key}).
   * Only voted records are looked up, those not yet placed in this generation in one call.
   */
  private Map<String, long[]> voteSums(LeaderboardSource.View view, Snapshot s) {
    Map<String, Tally> voted = new HashMap<>();
    votes.forEach(
        (item, tally) -> {
          if (item.startsWith(DOC_ITEM)) voted.put(item.substring(DOC_ITEM.length()), tally);
        });
    Set<String> unknown = new HashSet<>(voted.keySet());
    unknown.removeAll(s.located().keySet());
    if (!unknown.isEmpty()) {
      try {
        Map<String, Placement> found = view.locate(unknown);
        for (String id : unknown) s.located().put(id, Optional.ofNullable(found.get(id)));
      } catch (IOException e) {
        // unreadable now: those votes are left out of this page and looked up again next time
      }
    }
    Map<String, long[]> sums = new HashMap<>();
    voted.forEach(
        (id, tally) -> {
          Optional<Placement> at = s.located().getOrDefault(id, Optional.empty());
          if (at.isEmpty() || at.get().brand().isEmpty()) return;
          Placement p = at.get();
          String brandKey = DocumentMapper.brandKey(p.brand());
          add(sums, GroupAcc.key(p.type(), brandKey, ""), tally);
          String modelKey = KeyExtractor.squash(p.model());
          if (!modelKey.isEmpty()) add(sums, GroupAcc.key(p.type(), brandKey, modelKey), tally);
        });
    return sums;
  }

  private static void add(Map<String, long[]> sums, String key, Tally t) {
    long[] s = sums.computeIfAbsent(key, k -> new long[3]);
    s[0] += t.yes();
    s[1] += t.no();
    s[2] += t.partly();
  }

  private static final String DOC_ITEM = "doc:";

  // --- the records' part, read once per generation ---

  /**
   * The records' counts of one generation, and where its voted records are, found as votes arrive.
   */
  private record Snapshot(
      Object generation, Map<String, TypeAcc> types, Map<String, Optional<Placement>> located) {}

  private Snapshot snapshot(LeaderboardSource.View view) throws IOException {
    Object generation = view.generation();
    Snapshot current = snapshot;
    if (current != null && current.generation().equals(generation)) return current;
    Snapshot fresh = new Snapshot(generation, read(view.placements()), new ConcurrentHashMap<>());
    snapshot = fresh;
    return fresh;
  }

  private static final int FIXED = 0;
  private static final int REPAIRABLE = 1;
  private static final int END_OF_LIFE = 2;
  private static final int UNKNOWN = 3;

  /** Open Repair Data's statuses, as the mapper lower-cases them; -1 for no repair report. */
  private static int outcomeIndex(Optional<String> outcome) {
    if (outcome.isEmpty()) return -1;
    return switch (outcome.get()) {
      case "fixed" -> FIXED;
      case "repairable" -> REPAIRABLE;
      case "end of life" -> END_OF_LIFE;
      default -> UNKNOWN;
    };
  }

  private static Map<String, TypeAcc> read(Map<Placement, Long> placements) {
    Map<String, TypeAcc> types = new HashMap<>();
    placements.forEach(
        (p, n) ->
            types
                .computeIfAbsent(p.type(), TypeAcc::new)
                .add(p.brand(), p.model(), outcomeIndex(p.outcome()), p.fix(), n));
    return types;
  }

  /** A type's counts while reading. */
  private static final class TypeAcc {
    final String type;
    final long[] outcomes = new long[4];
    long reports;
    long reportsWithBrand;
    long reportsWithModel;
    long records;
    final Map<String, GroupAcc> brands = new HashMap<>();
    final Map<String, GroupAcc> models = new HashMap<>();

    TypeAcc(String type) {
      this.type = type;
    }

    /** {@code n} records of this brand, model, outcome (-1: no report) and fix flag. */
    void add(String brand, String model, int outcome, boolean fix, long n) {
      boolean report = outcome >= 0;
      if (report) {
        reports += n;
        outcomes[outcome] += n;
      } else {
        records += n;
      }
      if (brand.isEmpty()) return; // a brand nobody recognised ranks nowhere
      String brandKey = DocumentMapper.brandKey(brand);
      brands.computeIfAbsent(brandKey, k -> new GroupAcc(k, "")).add(brand, outcome, fix, n);
      if (report) reportsWithBrand += n;
      if (model.isEmpty()) return;
      String modelKey = KeyExtractor.squash(model);
      if (modelKey.isEmpty()) return;
      models
          .computeIfAbsent(brandKey + "\u0000" + modelKey, k -> new GroupAcc(brandKey, modelKey))
          .add(model, outcome, fix, n);
      if (report) reportsWithModel += n;
    }

    Outcomes outcomes() {
      return new Outcomes(
          outcomes[FIXED], outcomes[REPAIRABLE], outcomes[END_OF_LIFE], outcomes[UNKNOWN]);
    }
  }

  /** One brand's or model's counts while reading. */
  private static final class GroupAcc {
    final String brandKey;
    final String modelKey;
    final Map<String, Long> spellings = new HashMap<>();
    final long[] outcomes = new long[4];
    long reports;
    long records;
    long recordsFix;

    GroupAcc(String brandKey, String modelKey) {
      this.brandKey = brandKey;
      this.modelKey = modelKey;
    }

    /** The key its votes are summed under. */
    static String key(String type, String brandKey, String modelKey) {
      return type + "\u0000" + brandKey + "\u0000" + modelKey;
    }

    String key(String type) {
      return key(type, brandKey, modelKey);
    }

    void add(String spelling, int outcome, boolean fix, long n) {
      spellings.merge(spelling, n, Long::sum);
      if (outcome >= 0) {
        reports += n;
        outcomes[outcome] += n;
      } else {
        records += n;
        if (fix) recordsFix += n;
      }
    }

    /** The most common spelling; the first in order on a tie, so the page is stable. */
    String name() {
      return spellings.entrySet().stream()
          .max(
              Map.Entry.<String, Long>comparingByValue()
                  .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .map(Map.Entry::getKey)
          .orElse("");
    }

    Outcomes outcomes() {
      return new Outcomes(
          outcomes[FIXED], outcomes[REPAIRABLE], outcomes[END_OF_LIFE], outcomes[UNKNOWN]);
    }
  }
}
