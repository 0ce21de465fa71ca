package io.fixfinder.indexer.leaderboard;

import io.fixfinder.core.feedback.AllTallies;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

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
 * A group is ranked only with at least {@code minReports} reports of known outcome. The index's
 * part is read from doc values once per index generation; votes are summed per call from the
 * in-memory tallies (each voted record found once per generation by its id), so a vote shows at
 * once and memory grows with the groups and the voted records, not with the index.
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

  private final SearcherManager searchers;
  private final AllTallies votes;
  private final int minReports;
  private volatile Snapshot snapshot;

  /**
   * @param minReports reports of known outcome a brand or model needs to be ranked (at least 1)
   */
  public Leaderboards(SearcherManager searchers, AllTallies votes, int minReports) {
    if (minReports < 1) {
      throw new IllegalArgumentException("minReports must be >= 1, got " + minReports);
    }
    this.searchers = searchers;
    this.votes = votes;
    this.minReports = minReports;
  }

  public int minReports() {
    return minReports;
  }

  /** Every product type with at least one record, most repair reports first. */
  public Board board() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Snapshot s = snapshot(searcher);
      Map<String, long[]> votes = voteSums(searcher, s);
      List<TypeBoard> boards = new ArrayList<>();
      for (TypeAcc t : s.types().values()) boards.add(typeBoard(t, votes));
      boards.sort(
          Comparator.comparingLong(TypeBoard::reports)
              .thenComparingLong(TypeBoard::records)
              .reversed()
              .thenComparing(TypeBoard::type));
      return new Board(minReports, CONFIDENCE, List.copyOf(boards));
    } finally {
      searchers.release(searcher);
    }
  }

  /** One type's leaderboard; empty when the index has no record of that type. */
  public Optional<TypeBoard> type(String type) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Snapshot s = snapshot(searcher);
      TypeAcc t = s.types().get(type);
      return t == null ? Optional.empty() : Optional.of(typeBoard(t, voteSums(searcher, s)));
    } finally {
      searchers.release(searcher);
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
   * Only voted records are looked up, each once per generation.
   */
  private Map<String, long[]> voteSums(IndexSearcher searcher, Snapshot s) {
    Map<String, long[]> sums = new HashMap<>();
    votes.forEach(
        (item, tally) -> {
          if (!item.startsWith(DOC_ITEM)) return;
          Optional<Located> at =
              s.located()
                  .computeIfAbsent(item.substring(DOC_ITEM.length()), id -> locate(searcher, id));
          if (at.isEmpty() || at.get().brand().isEmpty()) return;
          Located l = at.get();
          String brandKey = DocumentMapper.brandKey(l.brand());
          add(sums, GroupAcc.key(l.type(), brandKey, ""), tally);
          String modelKey = KeyExtractor.squash(l.model());
          if (!modelKey.isEmpty()) add(sums, GroupAcc.key(l.type(), brandKey, modelKey), tally);
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

  /** A record's product, read from the doc values of the generation being served. */
  private static Optional<Located> locate(IndexSearcher searcher, String id) {
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      int doc = top.scoreDocs[0].doc;
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      return new LeafValues(leaf.reader()).at(doc - leaf.docBase);
    } catch (IOException e) {
      // unreadable now: counted as unknown rather than failing the page; retried next generation
      return Optional.empty();
    }
  }

  // --- the index's part, read once per generation ---

  /**
   * The index's counts of one generation, and where its voted records are, found as votes arrive.
   */
  private record Snapshot(
      Object readerKey, Map<String, TypeAcc> types, Map<String, Optional<Located>> located) {}

  /** A record's product and, for a repair report, its outcome index (-1 otherwise). */
  private record Located(String type, String brand, String model, int outcome, boolean fix) {}

  private Snapshot snapshot(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    // a new generation or a refresh is a new reader, with a new key
    Object key =
        reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    Snapshot current = snapshot;
    if (current != null && current.readerKey() == key) return current;
    Snapshot fresh = new Snapshot(key, read(reader), new ConcurrentHashMap<>());
    snapshot = fresh;
    return fresh;
  }

  private static final int FIXED = 0;
  private static final int REPAIRABLE = 1;
  private static final int END_OF_LIFE = 2;
  private static final int UNKNOWN = 3;

  /** Open Repair Data's statuses, as the mapper lower-cases them into {@link Fields#OUTCOME}. */
  private static int outcomeIndex(String outcome) {
    return switch (outcome) {
      case "fixed" -> FIXED;
      case "repairable" -> REPAIRABLE;
      case "end of life" -> END_OF_LIFE;
      default -> UNKNOWN;
    };
  }

  private static Map<String, TypeAcc> read(IndexReader reader) throws IOException {
    Map<String, TypeAcc> types = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      LeafValues values = new LeafValues(r);
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) continue;
        Optional<Located> at = values.at(doc);
        if (at.isEmpty()) continue; // no product type: on no board
        Located l = at.get();
        types
            .computeIfAbsent(l.type(), TypeAcc::new)
            .add(l.brand(), l.model(), l.outcome(), l.fix());
      }
    }
    return types;
  }

  /** One segment's doc values; read documents in increasing order. */
  private static final class LeafValues {
    final SortedSetDocValues type;
    final SortedSetDocValues brand;
    final SortedDocValues model;
    final SortedDocValues outcome;
    final NumericDocValues fix;

    LeafValues(LeafReader r) throws IOException {
      type = DocValues.getSortedSet(r, Fields.FACET_TYPE);
      brand = DocValues.getSortedSet(r, Fields.FACET_BRAND);
      model = DocValues.getSorted(r, Fields.MODEL_NAME);
      outcome = DocValues.getSorted(r, Fields.OUTCOME);
      fix = DocValues.getNumeric(r, Fields.FIX);
    }

    /** The document's product, empty when it has no product type. */
    Optional<Located> at(int doc) throws IOException {
      if (!type.advanceExact(doc)) return Optional.empty();
      String t = type.lookupOrd(type.nextOrd()).utf8ToString();
      String b = brand.advanceExact(doc) ? brand.lookupOrd(brand.nextOrd()).utf8ToString() : "";
      String m = model.advanceExact(doc) ? model.lookupOrd(model.ordValue()).utf8ToString() : "";
      int o =
          outcome.advanceExact(doc)
              ? outcomeIndex(outcome.lookupOrd(outcome.ordValue()).utf8ToString())
              : -1;
      boolean f = fix.advanceExact(doc) && fix.longValue() == 1;
      return Optional.of(new Located(t, b, m, o, f));
    }
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

    void add(String brand, String model, int outcome, boolean fix) {
      boolean report = outcome >= 0;
      if (report) {
        reports++;
        outcomes[outcome]++;
      } else {
        records++;
      }
      if (brand.isEmpty()) return; // a brand nobody recognised ranks nowhere
      String brandKey = DocumentMapper.brandKey(brand);
      brands.computeIfAbsent(brandKey, k -> new GroupAcc(k, "")).add(brand, outcome, fix);
      if (report) reportsWithBrand++;
      if (model.isEmpty()) return;
      String modelKey = KeyExtractor.squash(model);
      if (modelKey.isEmpty()) return;
      models
          .computeIfAbsent(brandKey + "\u0000" + modelKey, k -> new GroupAcc(brandKey, modelKey))
          .add(model, outcome, fix);
      if (report) reportsWithModel++;
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
    final Map<String, Integer> spellings = new HashMap<>();
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

    void add(String spelling, int outcome, boolean fix) {
      spellings.merge(spelling, 1, Integer::sum);
      if (outcome >= 0) {
        reports++;
        outcomes[outcome]++;
      } else {
        records++;
        if (fix) recordsFix++;
      }
    }

    /** The most common spelling; the first in order on a tie, so the page is stable. */
    String name() {
      return spellings.entrySet().stream()
          .max(
              Map.Entry.<String, Integer>comparingByValue()
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
