package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.indexer.cluster.DocSignals.Outcome;
import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What readers of a {@link ClusterStore} see: immutable views of each cluster, published by the
 * writer after each change, record by record, so a search running during an {@code add} sees each
 * record either where it was or where it went. Readers never lock.
 */
final class PublishedClusters {
  /** What publishing reads of the writer's state, under the writer's lock. */
  interface Source {
    Optional<ClusterState> cluster(String id);

    Optional<String> owner(String docId);

    DocSignals doc(String docId);

    boolean isCatchAll(String clusterId);

    Optional<ClusterFile.AreaMeta> area(String areaId);

    Collection<String> clustersOfArea(String areaId);
  }

  /** What a cluster's readers see besides its members. */
  record View(
      IssueCluster cluster,
      String family,
      float[] centroid,
      Set<String> facets,
      boolean catchAll) {}

  private record Published(View view, List<String> members) {
    IssueCluster cluster() {
      return view.cluster();
    }

    String family() {
      return view.family();
    }

    boolean catchAll() {
      return view.catchAll();
    }
  }

  private final Labels labels;
  private final FaultAreas areas;
  private final ConcurrentHashMap<String, FaultArea> areaViews = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> areaOfCluster = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> clusterOfDoc = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Published> published = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> familyClusters = new ConcurrentHashMap<>();

  PublishedClusters(Labels labels, FaultAreas areas) {
    this.labels = labels;
    this.areas = areas;
  }

  /**
   * Publishes fresh views of the {@code touched} clusters and the owners of {@code docIds}, and
   * withdraws the {@code deleted} clusters.
   */
  void publish(
      Source source,
      Collection<String> touched,
      Collection<String> docIds,
      Set<String> deleted,
      Set<String> touchedAreas) {
    // Areas first: a reader that finds a cluster finds its area.
    for (String areaId : touchedAreas) {
      Optional<ClusterFile.AreaMeta> meta = source.area(areaId);
      List<ClusterState> members = new ArrayList<>();
      for (String cid : source.clustersOfArea(areaId)) source.cluster(cid).ifPresent(members::add);
      if (meta.isEmpty() || members.isEmpty()) {
        areaViews.remove(areaId);
        continue;
      }
      members.sort(
          Comparator.comparingInt((ClusterState c) -> c.size())
              .reversed()
              .thenComparing(c -> c.id));
      ClusterFile.AreaMeta m = meta.get();
      areaViews.put(
          areaId,
          new FaultArea(
              m.id(),
              m.family(),
              m.key(),
              areas.label(m.key()),
              members.stream().map(c -> c.id).toList(),
              members.stream().mapToInt(ClusterState::size).sum(),
              m.created()));
      for (ClusterState c : members) areaOfCluster.put(c.id, areaId);
    }
    for (String id : touched) {
      Optional<ClusterState> c = source.cluster(id);
      if (c.isEmpty()) continue;
      published.put(id, view(source, c.get()));
      familyClusters.computeIfAbsent(c.get().family, k -> ConcurrentHashMap.newKeySet()).add(id);
    }
    for (String docId : docIds) {
      Optional<String> cid = source.owner(docId);
      if (cid.isEmpty()) clusterOfDoc.remove(docId);
      else clusterOfDoc.put(docId, cid.get());
    }
    for (String id : deleted) {
      areaOfCluster.remove(id);
      Published p = published.remove(id);
      if (p != null) {
        Set<String> fam = familyClusters.get(p.family());
        if (fam != null) fam.remove(id);
      }
    }
  }

  Optional<IssueCluster> get(String clusterId) {
    Published p = published.get(clusterId);
    return p == null ? Optional.empty() : Optional.of(p.cluster());
  }

  Optional<String> clusterOf(String docId) {
    return Optional.ofNullable(clusterOfDoc.get(docId));
  }

  List<String> members(String clusterId) {
    Published p = published.get(clusterId);
    return p == null ? List.of() : p.members();
  }

  Collection<IssueCluster> all() {
    List<IssueCluster> out = new ArrayList<>(published.size());
    for (Published p : published.values()) out.add(p.cluster());
    return out;
  }

  Optional<FaultArea> area(String areaId) {
    return Optional.ofNullable(areaViews.get(areaId));
  }

  Optional<FaultArea> areaOf(String clusterId) {
    String a = areaOfCluster.get(clusterId);
    return a == null ? Optional.empty() : Optional.ofNullable(areaViews.get(a));
  }

  Collection<FaultArea> areas() {
    return List.copyOf(areaViews.values());
  }

  boolean isCatchAll(String clusterId) {
    Published p = published.get(clusterId);
    return p != null && p.catchAll();
  }

  /** Each published cluster's view and members, for a {@link ClusterSnapshot} (writer quiet). */
  void forEachCluster(java.util.function.BiConsumer<View, List<String>> action) {
    published.values().forEach(p -> action.accept(p.view(), p.members()));
  }

  /** Each record and its cluster, for a {@link ClusterSnapshot} (writer quiet). */
  void forEachRecord(java.util.function.BiConsumer<String, String> action) {
    clusterOfDoc.forEach(action);
  }

  /** Each published fault area, for a {@link ClusterSnapshot}. */
  Map<String, FaultArea> areaViews() {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(areaViews));
  }

  /** Each cluster's fault area id, for a {@link ClusterSnapshot}. */
  Map<String, String> areaOfCluster() {
    return Map.copyOf(areaOfCluster);
  }

  int documentCount() {
    return clusterOfDoc.size();
  }

  int clusterCount() {
    return published.size();
  }

  /**
   * Up to {@code n} other clusters of the same product family with a similar fault, most similar
   * first: cosine of the centroids plus a quarter of the overlap (Jaccard) of their main facets.
   * Catch-all clusters are never related.
   */
  List<IssueCluster> related(String clusterId, int n) {
    Published p = published.get(clusterId);
    if (p == null || n <= 0) return List.of();
    List<View> family = new ArrayList<>();
    for (String other : familyClusters.getOrDefault(p.family(), Set.of())) {
      Published q = published.get(other);
      if (q != null) family.add(q.view());
    }
    return related(p.view(), family, n);
  }

  /**
   * Up to {@code n} of {@code family} other than {@code p}, most similar to it first: cosine of the
   * centroids plus a quarter of the overlap (Jaccard) of their main facets; never a catch-all.
   */
  static List<IssueCluster> related(View p, Collection<View> family, int n) {
    if (n <= 0) return List.of();
    String clusterId = p.cluster().id();
    record Scored(View q, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (View q : family) {
      if (q.cluster().id().equals(clusterId) || q.catchAll()) continue;
      double s =
          Embedder.cosine(p.centroid(), q.centroid()) + 0.25 * jaccard(p.facets(), q.facets());
      scored.add(new Scored(q, s));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(s -> s.q().cluster().id()));
    return scored.stream().limit(n).map(s -> s.q().cluster()).toList();
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) return 0;
    int common = 0;
    for (String x : a) if (b.contains(x)) common++;
    return common / (double) (a.size() + b.size() - common);
  }

  private Published view(Source source, ClusterState c) {
    int n = c.size();
    Map<String, Integer> mix = new TreeMap<>();
    Map<String, DocSignals> top = new TreeMap<>();
    int fixes = 0;
    int fixed = 0;
    int repairable = 0;
    int endOfLife = 0;
    for (String m : c.members) {
      DocSignals d = source.doc(m);
      String kind = d.kind().id();
      mix.merge(kind, 1, Integer::sum);
      DocSignals best = top.get(kind);
      if (best == null
          || d.quality() > best.quality()
          || (d.quality() == best.quality() && d.docId().compareTo(best.docId()) < 0)) {
        top.put(kind, d);
      }
      if (d.fixReported()) fixes++;
      if (d.outcome() == Outcome.FIXED) fixed++;
      else if (d.outcome() == Outcome.REPAIRABLE) repairable++;
      else if (d.outcome() == Outcome.END_OF_LIFE) endOfLife++;
    }
    Map<String, String> topDocs = new TreeMap<>();
    top.forEach((k, d) -> topDocs.put(k, d.docId()));
    String brand = shared(c.brands, n);
    String model = brand.isEmpty() ? "" : shared(c.models, n);
    boolean isCatchAll = source.isCatchAll(c.id);
    IssueCluster cluster =
        new IssueCluster(
            c.id,
            labels.label(c, isCatchAll),
            new ProductRef(c.family, brand, model),
            frequent(c.codes, n).stream().map(Labels::display).distinct().toList(),
            frequent(c.facets, n),
            n,
            mix,
            new IssueCluster.Outcomes(fixes, fixed, repairable, endOfLife),
            topDocs,
            c.created,
            c.updated);
    Set<String> facets = new HashSet<>(frequent(c.facets, n));
    return new Published(
        new View(cluster, c.family, c.centroid().clone(), Set.copyOf(facets), isCatchAll),
        List.copyOf(c.members));
  }

  /** A value shared by at least 80% of the members, else "". */
  private static String shared(Map<String, Integer> counts, int n) {
    String top = ClusterState.top(counts);
    return !top.isEmpty() && counts.get(top) * 5 >= 4 * n ? top : "";
  }

  /** Keys carried by at least 30% of the members, most frequent first. */
  private static List<String> frequent(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() * 10 >= 3 * n)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
