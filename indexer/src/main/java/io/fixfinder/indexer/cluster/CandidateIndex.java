package io.fixfinder.indexer.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clusters a record could join, so placement scores a few candidates instead of every cluster
 * of the family: clusters are indexed by the facets and the error code a good share of their
 * members carry, and by lacking facets. Catch-all and empty clusters are not candidates. Mutated
 * only under the store's write lock.
 */
final class CandidateIndex {
  /** A facet or code that this share of members carry makes a cluster a candidate for it. */
  private static final double INDEX_SHARE = 0.3;

  private final Map<String, Map<String, Set<String>>> byFacet = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> byCode = new HashMap<>();
  private final Map<String, Set<String>> facetless = new HashMap<>();
  private final Map<String, Keys> indexed = new HashMap<>();

  private record Keys(Set<String> facets, String code, boolean facetless) {
    static final Keys NONE = new Keys(Set.of(), "", false);
  }

  /** The candidate sets for {@code d}: by each of its facets and codes, or facetless. */
  List<Set<String>> candidates(DocSignals d) {
    List<Set<String>> sets = new ArrayList<>(4);
    Map<String, Set<String>> facets = byFacet.getOrDefault(d.family(), Map.of());
    for (String f : d.facets()) {
      Set<String> s = facets.get(f);
      if (s != null) sets.add(s);
    }
    Map<String, Set<String>> codes = byCode.getOrDefault(d.family(), Map.of());
    for (String code : d.codes()) {
      Set<String> s = codes.get(Labels.display(code));
      if (s != null) sets.add(s);
    }
    if (d.facets().isEmpty()) {
      Set<String> s = facetless.get(d.family());
      if (s != null) sets.add(s);
    }
    return sets;
  }

  /** Indexes {@code c} again after its members changed. */
  void update(ClusterState c, boolean catchAll) {
    Keys old = indexed.getOrDefault(c.id, Keys.NONE);
    Keys now = catchAll || c.size() == 0 ? Keys.NONE : keysOf(c);
    if (old.equals(now)) return;
    Map<String, Set<String>> facets = byFacet.computeIfAbsent(c.family, k -> new HashMap<>());
    for (String f : old.facets()) if (!now.facets().contains(f)) removeFrom(facets, f, c.id);
    for (String f : now.facets())
      if (!old.facets().contains(f)) facets.computeIfAbsent(f, k -> new HashSet<>()).add(c.id);
    Map<String, Set<String>> codes = byCode.computeIfAbsent(c.family, k -> new HashMap<>());
    if (!old.code().equals(now.code())) {
      if (!old.code().isEmpty()) removeFrom(codes, old.code(), c.id);
      if (!now.code().isEmpty()) codes.computeIfAbsent(now.code(), k -> new HashSet<>()).add(c.id);
    }
    Set<String> none = facetless.computeIfAbsent(c.family, k -> new HashSet<>());
    if (now.facetless()) none.add(c.id);
    else none.remove(c.id);
    indexed.put(c.id, now);
  }

  /** Forgets a cluster that is gone. */
  void remove(String id, String family) {
    Keys old = indexed.remove(id);
    if (old == null) return;
    Map<String, Set<String>> facets = byFacet.getOrDefault(family, new HashMap<>());
    for (String f : old.facets()) removeFrom(facets, f, id);
    if (!old.code().isEmpty())
      removeFrom(byCode.getOrDefault(family, new HashMap<>()), old.code(), id);
    Set<String> s = facetless.get(family);
    if (s != null) s.remove(id);
  }

  private static void removeFrom(Map<String, Set<String>> index, String key, String id) {
    Set<String> s = index.get(key);
    if (s == null) return;
    s.remove(id);
    if (s.isEmpty()) index.remove(key);
  }

  private static Keys keysOf(ClusterState c) {
    int n = c.size();
    Set<String> facets = new HashSet<>();
    for (Map.Entry<String, Integer> e : c.facets.entrySet()) {
      if (e.getValue() >= INDEX_SHARE * n) facets.add(e.getKey());
    }
    String code = c.primaryCode();
    boolean none = facets.isEmpty() || c.facetless >= INDEX_SHARE * n;
    return new Keys(Set.copyOf(facets), code.isEmpty() ? "" : Labels.display(code), none);
  }
}
