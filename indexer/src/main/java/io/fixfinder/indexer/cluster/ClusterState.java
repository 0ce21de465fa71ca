package io.fixfinder.indexer.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One cluster's members and running aggregates; mutated only under the store's write lock. */
final class ClusterState implements ClusterProfile {
  final String id;
  final String family;
  final Instant created;
  Instant updated;
  final Set<String> members = new LinkedHashSet<>();
  final double[] sum;
  private float[] centroid;
  final Map<String, Integer> facets = new HashMap<>();
  final Map<String, Integer> codes = new HashMap<>();
  final Map<String, Integer> brands = new HashMap<>();
  final Map<String, Integer> models = new HashMap<>();
  final Map<String, Integer> phrases = new HashMap<>();

  /** Member votes per fault area key ({@link FaultAreas#vote}); members without a vote absent. */
  final Map<String, Integer> areaVotes = new HashMap<>();

  /** The fault area this cluster belongs to: its id and key ("" until the store assigns one). */
  String area = "";

  String areaKey = "";
  private final FaultAreas areas;
  int facetless;
  private String primaryFacet;
  private String primaryCode;
  private String model;

  ClusterState(String id, String family, int dimensions, Instant created, FaultAreas areas) {
    this.id = id;
    this.areas = areas;
    this.family = family;
    this.sum = new double[dimensions];
    this.created = created;
    this.updated = created;
  }

  void add(DocSignals d) {
    members.add(d.docId());
    update(d, 1);
  }

  void remove(DocSignals d) {
    members.remove(d.docId());
    update(d, -1);
  }

  private void update(DocSignals d, int sign) {
    d.addTo(sum, sign);
    for (String f : d.facets()) bump(facets, f, sign);
    for (String c : d.codes()) bump(codes, c, sign);
    if (!d.brand().isEmpty()) bump(brands, d.brand(), sign);
    if (!d.model().isEmpty()) bump(models, d.model(), sign);
    for (String p : d.phrases()) bump(phrases, p, sign);
    if (d.facets().isEmpty()) facetless += sign;
    String vote = areas.vote(family, d.facets());
    if (!vote.isEmpty()) bump(areaVotes, vote, sign);
    centroid = null;
    primaryFacet = null;
    primaryCode = null;
    model = null;
  }

  private static void bump(Map<String, Integer> counts, String key, int by) {
    counts.merge(key, by, (a, b) -> a + b == 0 ? null : a + b);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public float[] centroid() {
    float[] c = centroid;
    if (c == null) {
      double norm = 0;
      for (double x : sum) norm += x * x;
      double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
      c = new float[sum.length];
      for (int i = 0; i < sum.length; i++) c[i] = (float) (sum[i] * inv);
      centroid = c;
    }
    return c;
  }

  @Override
  public double facetShare(String facet) {
    if (facet.isEmpty() || members.isEmpty()) return 0;
    return facets.getOrDefault(facet, 0) / (double) members.size();
  }

  @Override
  public String primaryFacet() {
    if (primaryFacet == null) primaryFacet = top(facets);
    return primaryFacet;
  }

  @Override
  public String primaryCode() {
    if (primaryCode == null) primaryCode = top(codes);
    return primaryCode;
  }

  @Override
  public String model() {
    if (model == null) {
      String m = top(models);
      model = !m.isEmpty() && models.get(m) * 2 >= members.size() ? m : "";
    }
    return model;
  }

  /** The dominant brand: carried by at least half of the members, else "". */
  String brand() {
    String b = top(brands);
    return !b.isEmpty() && brands.get(b) * 2 >= members.size() ? b : "";
  }

  /**
   * The fault area key the members vote for most, {@link FaultAreas#OTHER} when the winner has
   * fewer than {@code minShare} of the members. A tie keeps the current area, so an area changes
   * only when another one gains strictly more votes (then the smallest key wins the tie).
   */
  String votedArea(double minShare) {
    String best = "";
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : areaVotes.entrySet()) {
      int n = e.getValue();
      boolean tie = n == bestCount;
      if (n > bestCount
          || (tie
              && !best.equals(areaKey)
              && (e.getKey().equals(areaKey) || e.getKey().compareTo(best) < 0))) {
        best = e.getKey();
        bestCount = n;
      }
    }
    if (bestCount == 0 || bestCount < minShare * members.size()) return FaultAreas.OTHER;
    return best;
  }

  /** The most frequent key; ties go to the smallest key so the answer never depends on order. */
  static String top(Map<String, Integer> counts) {
    String best = "";
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int n = e.getValue();
      if (n > bestCount || (n == bestCount && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestCount = n;
      }
    }
    return best;
  }
}
