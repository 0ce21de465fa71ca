package io.fixfinder.crawler.dedup;

import io.fixfinder.core.io.Hashes;
import io.fixfinder.core.model.SourceDoc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds records that are the same document as one already stored under another URL: a thread
 * mirrored on another forum, a guide syndicated with another site's chrome and a " - Site" title
 * suffix. Only the same document merges, because a merged record survives only as an alias URL:
 * sibling guides of one device share their intro, tools and first steps, and merging them lost
 * whole guides (issue #12).
 *
 * <p>A record merges into an earlier one when
 *
 * <ul>
 *   <li>their titles agree: each title's words are all in the other one, except words of a title
 *       segment ("… | SiteName", "SiteName - …") that the site puts on many of its pages;
 *   <li>the Jaccard similarity of their word 5-shingles is at least {@link Settings#minSimilarity},
 *       counted without the shingles either site repeats on many of its pages (its chrome:
 *       breadcrumbs, "was this helpful", the footer), learned from the records the crawl stored; a
 *       record without a title needs {@link Settings#minSimilarityUntitled};
 *   <li>neither has a substantial line (a step, an answer, a table row) that the other lacks almost
 *       entirely: sibling guides share most steps but each has steps of its own;
 *   <li>they are not about two different products.
 * </ul>
 *
 * <p>Candidates come from an exact hash of the text and from MinHash bands of its shingles; only
 * candidates are verified, so a check costs a few sketch comparisons. Each record keeps a bottom-k
 * sketch of at most {@value #SKETCH} shingle hashes; each site's shingle counts are capped at
 * {@value SiteModel#MAX_SHINGLES} entries. All state is a function of the stored records' url,
 * site, title, text and product in log order, so {@link #seed} after a restart rebuilds it and
 * later decisions are those an uninterrupted crawl would have made. Thread-safe.
 */
public final class Duplicates implements DuplicateRule {
  /** Very short texts collide by accident ("Page not found"), so they are never deduplicated. */
  static final int MIN_WORDS = 25;

  static final int SKETCH = 256;
  private static final int BANDS = 12;
  private static final int ROWS = 2;

  /**
   * Thresholds of the merge rule.
   *
   * @param minSimilarity Jaccard of the distinctive shingles when both records have a title
   * @param minSimilarityUntitled the same when either record has none (no title to agree on)
   * @param boilerplateMinPages a shingle is the site's boilerplate from this many of its records
   * @param boilerplateShare ... or from this share of its records, whichever is more
   * @param minLineShingles a line with this many distinctive shingles is a step of its own ...
   * @param minLineFound ... unless this share of them is in the other record
   */
  public record Settings(
      double minSimilarity,
      double minSimilarityUntitled,
      int boilerplateMinPages,
      double boilerplateShare,
      int minLineShingles,
      double minLineFound) {
    /**
     * Chosen on the Appliance half of the labelled pairs ({@code TuneDedup}, best F1 of copies
     * merged against all wrong merges); reported on the Computer Hardware half. {@code
     * minSimilarityUntitled} is not tuned (the pairs all have titles): a conservative prior.
     */
    public static final Settings DEFAULT = new Settings(0.3, 0.8, 3, 0.1, 15, 0.1);

    public Settings {
      if (!(minSimilarity > 0 && minSimilarity <= 1))
        throw new IllegalArgumentException("minSimilarity " + minSimilarity);
      if (!(minSimilarityUntitled > 0 && minSimilarityUntitled <= 1))
        throw new IllegalArgumentException("minSimilarityUntitled " + minSimilarityUntitled);
      if (boilerplateMinPages < 2)
        throw new IllegalArgumentException("boilerplateMinPages " + boilerplateMinPages);
      if (!(boilerplateShare > 0 && boilerplateShare <= 1))
        throw new IllegalArgumentException("boilerplateShare " + boilerplateShare);
      if (minLineShingles < 1)
        throw new IllegalArgumentException("minLineShingles " + minLineShingles);
      if (!(minLineFound >= 0 && minLineFound <= 1))
        throw new IllegalArgumentException("minLineFound " + minLineFound);
    }
  }

  /** What is kept of a stored record. */
  private record Seen(
      String id,
      String url,
      String site,
      String product,
      Titles.Title title,
      String exactHash,
      long[] sketch,
      int[] lines,
      boolean truncated,
      long[] bandKeys) {
    /** Two records about different products are never one document, however alike their text. */
    boolean sameProductAs(String other) {
      return product.isEmpty() || other.isEmpty() || product.equals(other);
    }
  }

  private final Settings settings;
  private final Map<String, List<Seen>> exact = new HashMap<>();
  private final Map<Long, List<Seen>> bands = new HashMap<>();
  private final Map<String, Seen> byId = new HashMap<>();
  private final Map<String, SiteModel> sites = new HashMap<>();

  public Duplicates() {
    this(Settings.DEFAULT);
  }

  public Duplicates(Settings settings) {
    this.settings = settings;
  }

  /** Remembers the records already stored (from the record log at start, in log order). */
  public void seed(Collection<SourceDoc> docs) {
    for (SourceDoc doc : docs) check(doc);
  }

  @Override
  public Optional<String> check(SourceDoc doc) {
    List<String> words = Shingles.words(doc.text());
    if (words.size() < MIN_WORDS) return Optional.empty();
    // What depends on the record alone is read before taking the lock every crawler thread
    // shares: only the lookups and the updates need it.
    Shingles.Text all = Shingles.of(doc.text());
    Titles.Title title = Titles.of(doc.title());
    String exactHash = Hashes.sha256Hex(String.join(" ", words));
    return check(doc, all, title, exactHash);
  }

  private synchronized Optional<String> check(
      SourceDoc doc, Shingles.Text all, Titles.Title title, String exactHash) {
    String product = product(doc);
    SiteModel site = sites.computeIfAbsent(doc.site(), s -> new SiteModel());
    Shingles.Text sketched = all.bottom(SKETCH);
    long[] sketch = sketched.hashes();
    boolean cut = all.hashes().length > sketch.length;
    long[] keys = bandKeys(sketch, site);

    Set<Seen> candidates = new LinkedHashSet<>(exact.getOrDefault(exactHash, List.of()));
    for (long key : keys) candidates.addAll(bands.getOrDefault(key, List.of()));
    Seen best = null;
    double bestSimilarity = 0;
    boolean[] ownBoilerplate = null;
    for (Seen c : candidates) {
      if (c.url().equals(doc.url()) || c.id().equals(doc.id()) || !c.sameProductAs(product))
        continue;
      SiteModel other = sites.get(c.site());
      boolean titled = !title.isEmpty() && !c.title().isEmpty();
      if (titled && !Titles.agree(title, site, c.title(), other)) continue;
      if (ownBoilerplate == null) {
        ownBoilerplate = new boolean[all.hashes().length];
        for (int i = 0; i < ownBoilerplate.length; i++)
          ownBoilerplate[i] = boilerplate(all.hashes()[i], site);
      }
      long limit = limit(sketch, cut, c.sketch(), c.truncated());
      Shingles.Text theirs = new Shingles.Text(0, c.sketch(), c.lines());
      Shingles.Text a = distinctive(all, limit, ownBoilerplate, other == site ? null : other, null);
      Shingles.Text b = distinctive(theirs, limit, null, other, site);
      double needed = titled ? settings.minSimilarity() : settings.minSimilarityUntitled();
      if (a.hashes().length + b.hashes().length < settings.minLineShingles()) {
        // A guide made only of steps its siblings share has no distinctive text once the site's
        // repeats are set aside; such a record is compared whole, and must be near-identical.
        a = distinctive(all, limit, null, null, null);
        b = distinctive(theirs, limit, null, null, null);
        needed = Math.max(needed, settings.minSimilarityUntitled());
      }
      double similarity = jaccard(a.hashes(), b.hashes());
      if (similarity >= needed
          && similarity > bestSimilarity
          && linesFound(a, b.hashes())
          && linesFound(b, a.hashes())) {
        best = c;
        bestSimilarity = similarity;
      }
    }
    if (best != null) return Optional.of(best.id());

    Seen previous = byId.remove(doc.id());
    if (previous != null) forget(previous);
    Seen seen =
        new Seen(
            doc.id(),
            doc.url(),
            doc.site(),
            product,
            title,
            exactHash,
            sketch,
            sketched.lines(),
            cut,
            keys);
    byId.put(seen.id(), seen);
    exact.computeIfAbsent(exactHash, k -> new ArrayList<>(1)).add(seen);
    for (long key : keys) bands.computeIfAbsent(key, k -> new ArrayList<>(2)).add(seen);
    site.add(sketch, title);
    return Optional.empty();
  }

  /** A recrawled record replaces its earlier version, in the indexes and in its site's counts. */
  private void forget(Seen seen) {
    remove(exact, seen.exactHash(), seen);
    for (long key : seen.bandKeys()) remove(bands, key, seen);
    sites.get(seen.site()).remove(seen.sketch(), seen.title());
  }

  private static <K> void remove(Map<K, List<Seen>> index, K key, Seen seen) {
    List<Seen> list = index.get(key);
    if (list == null) return;
    list.remove(seen);
    if (list.isEmpty()) index.remove(key);
  }

  /**
   * The shingles of {@code text} up to {@code limit} that are not boilerplate: flagged in {@code
   * flags}, or repeated on {@code siteA} or {@code siteB} (null: not looked up). When a sketch was
   * cut at k, both sides are compared only below the smaller cut, where each holds all of its
   * text's shingles, which keeps the Jaccard estimate unbiased.
   */
  private Shingles.Text distinctive(
      Shingles.Text text, long limit, boolean[] flags, SiteModel siteA, SiteModel siteB) {
    long[] hashes = new long[text.hashes().length];
    int[] lines = new int[hashes.length];
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      long h = text.hashes()[i];
      if (h > limit) break;
      if ((flags != null && flags[i]) || boilerplate(h, siteA) || boilerplate(h, siteB)) continue;
      hashes[n] = h;
      lines[n++] = text.lines()[i];
    }
    return new Shingles.Text(
        0, java.util.Arrays.copyOf(hashes, n), java.util.Arrays.copyOf(lines, n));
  }

  private static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int both = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        both++;
        i++;
        j++;
      }
    }
    int union = a.length + b.length - both;
    return union == 0 ? 0 : (double) both / union;
  }

  private static long limit(long[] a, boolean aCut, long[] b, boolean bCut) {
    long limit = Long.MAX_VALUE;
    if (aCut) limit = Math.min(limit, a[a.length - 1]);
    if (bCut) limit = Math.min(limit, b[b.length - 1]);
    return limit;
  }

  /**
   * Whether every substantial line of {@code text} is found in {@code other}: a line with at least
   * {@link Settings#minLineShingles} distinctive shingles of which under {@link
   * Settings#minLineFound} are in the other text is a step, answer or row the other record does not
   * have. Sibling guides that share most steps each have such a step; a syndicated copy with an
   * edited sentence or reflowed lines does not.
   */
  private boolean linesFound(Shingles.Text text, long[] other) {
    int lines = 0;
    for (int line : text.lines()) lines = Math.max(lines, line + 1);
    int[] total = new int[lines];
    int[] found = new int[lines];
    for (int i = 0; i < text.hashes().length; i++) {
      total[text.lines()[i]]++;
      if (java.util.Arrays.binarySearch(other, text.hashes()[i]) >= 0) found[text.lines()[i]]++;
    }
    for (int line = 0; line < lines; line++)
      if (total[line] >= settings.minLineShingles()
          && found[line] < settings.minLineFound() * total[line]) return false;
    return true;
  }

  private boolean boilerplate(long shingle, SiteModel site) {
    return site != null
        && site.count(shingle)
            >= Math.max(
                settings.boilerplateMinPages(),
                Math.ceil(settings.boilerplateShare() * site.records()));
  }

  /**
   * MinHash bands of the record's shingles minus its site's boilerplate (as known so far): records
   * that share a band are verified. Two records with Jaccard 0.5 share one of {@value #BANDS} bands
   * of {@value #ROWS} rows with probability 0.97.
   */
  private long[] bandKeys(long[] sketch, SiteModel site) {
    long[] min = new long[BANDS * ROWS];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    int kept = 0;
    for (long h : sketch) {
      if (boilerplate(h, site)) continue;
      kept++;
      for (int f = 0; f < min.length; f++) {
        long v = Shingles.mix(h ^ SEEDS[f]);
        if (v < min[f]) min[f] = v;
      }
    }
    if (kept == 0) return new long[0];
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long key = band * 0x9e3779b97f4a7c15L;
      for (int r = 0; r < ROWS; r++) key = Shingles.mix(key ^ min[band * ROWS + r]);
      keys[band] = key;
    }
    return keys;
  }

  private static final long[] SEEDS = seeds();

  private static long[] seeds() {
    long[] seeds = new long[BANDS * ROWS];
    long s = 0x2545f4914f6cdd1dL;
    for (int i = 0; i < seeds.length; i++) seeds[i] = s = Shingles.mix(s + 0x9e3779b97f4a7c15L);
    return seeds;
  }

  private static String product(SourceDoc doc) {
    String product = doc.product().brand() + "|" + doc.product().model();
    return product.equals("|") ? "" : product;
  }
}
