package io.fixfinder.indexer.cluster;

/**
 * The default {@link IssueClusterer}: cosine similarity of the record's embedding to the cluster
 * centroid, plus agreement of error codes, fault facets and model.
 *
 * <ul>
 *   <li>Family: never across product types.
 *   <li>Codes: a cluster whose main code is {@code Aqualine:E18} takes records whose main code is
 *       that code ({@code +codeBonus}); it refuses records with other codes only, and records
 *       without a code unless they are about the same brand. E18 on one brand is not E18 on
 *       another. The brand decides nothing else: a family's clusters span brands.
 *   <li>Facets: the record's main facet mentioned by at least {@code dominance} of the members
 *       gives {@code +facetBonus}; some other overlap a quarter of it; facets on both sides but no
 *       overlap {@code -facetPenalty}; facets on one side only {@code -facetMismatch}.
 *   <li>Model: the cluster's model {@code +modelBonus}.
 * </ul>
 */
public final class FaultClusterer implements IssueClusterer {

  /**
   * The knobs, with the defaults chosen on the Open Repair quests (see docs/clustering.md: chosen
   * on all three, reported leave one set out).
   *
   * @param undescribedMaxWords a record without facets or codes and with at most this many specific
   *     words joins the family's catch-all cluster (0 turns that off)
   * @param areaMinShare see {@link IssueClusterer#areaMinShare()}
   */
  public record Settings(
      double joinThreshold,
      double absorbThreshold,
      double moveMargin,
      double codeBonus,
      double facetBonus,
      double facetPenalty,
      double facetMismatch,
      double modelBonus,
      double dominance,
      int undescribedMaxWords,
      double areaMinShare) {
    /** The best of TuneClusters' grid on all three quest files (docs/clustering.md). */
    public static final Settings DEFAULTS =
        new Settings(0.5, 0.4, 0.15, 0.3, 0.4, 0.3, 0.15, 0.1, 0.4, 4, 0.34);
  }

  private final Settings settings;

  public FaultClusterer(Settings settings) {
    this.settings = settings;
  }

  public FaultClusterer() {
    this(Settings.DEFAULTS);
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public double fit(DocSignals d, ClusterProfile c) {
    if (!d.family().equals(c.family())) return Double.NEGATIVE_INFINITY;
    double s = d.dot(c.centroid());
    String clusterCode = c.primaryCode();
    if (!clusterCode.isEmpty()) {
      if (!d.codes().isEmpty()) {
        if (codesMatch(d.primaryCode(), clusterCode)) {
          s += settings.codeBonus();
        } else if (d.codes().stream().anyMatch(k -> codesMatch(k, clusterCode))) {
          s += settings.codeBonus() / 3;
        } else {
          return Double.NEGATIVE_INFINITY;
        }
      } else {
        String brand = brandOf(clusterCode);
        if (!brand.isEmpty() && !brand.equals("?") && !brand.equalsIgnoreCase(d.brand()))
          return Double.NEGATIVE_INFINITY;
      }
    } else if (!d.codes().isEmpty()) {
      s -= settings.codeBonus() / 3;
    }
    String main = d.primaryFacet();
    boolean clusterFaceted = c.facetShare(c.primaryFacet()) >= settings.dominance();
    if (main.isEmpty() && !clusterFaceted) {
      // both undescribed by facets: the text decides
    } else if (main.isEmpty() || !clusterFaceted) {
      s -= settings.facetMismatch();
    } else if (c.facetShare(main) >= settings.dominance()) {
      s += settings.facetBonus();
    } else if (d.facets().stream().anyMatch(f -> c.facetShare(f) >= settings.dominance())) {
      s += settings.facetBonus() / 4;
    } else {
      s -= settings.facetPenalty();
    }
    if (!d.model().isEmpty() && d.model().equals(c.model())) s += settings.modelBonus();
    return s;
  }

  @Override
  public double joinThreshold() {
    return settings.joinThreshold();
  }

  @Override
  public double absorbThreshold() {
    return settings.absorbThreshold();
  }

  @Override
  public double moveMargin() {
    return settings.moveMargin();
  }

  @Override
  public double areaMinShare() {
    return settings.areaMinShare();
  }

  @Override
  public boolean undescribed(DocSignals doc) {
    return settings.undescribedMaxWords() > 0
        && doc.facets().isEmpty()
        && doc.codes().isEmpty()
        && doc.specificWords() <= settings.undescribedMaxWords();
  }

  /** {@code Aqualine:E18} matches itself and {@code ?:E18}; a bare (type-wide) code itself. */
  static boolean codesMatch(String a, String b) {
    if (a.equals(b)) return true;
    int ia = a.indexOf(':');
    int ib = b.indexOf(':');
    if (ia < 0 || ib < 0) return false;
    if (!a.substring(ia).equals(b.substring(ib))) return false;
    return a.startsWith("?:") || b.startsWith("?:");
  }

  static String brandOf(String codeKey) {
    int i = codeKey.indexOf(':');
    return i < 0 ? "" : codeKey.substring(0, i);
  }
}
