package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.cluster.DocSignals.Outcome;
import io.fixfinder.indexer.embed.Embedder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Persistent, incremental issue clusters: every record belongs to exactly one cluster of its
 * product family, and a cluster's id never changes while it has members.
 *
 * <p>{@link #add} places new records (batched embedding, then each record joins the cluster of its
 * family that fits it best according to the {@link IssueClusterer}, or founds one); records already
 * placed stay where they are, so ids do not churn as the corpus grows. Re-adding an unchanged
 * record does nothing; a record whose content changed moves only when another cluster fits it
 * clearly better. Records that say too little ("defekt") share their family's catch-all cluster.
 *
 * <p>Writers ({@link #add}, {@link #remove}, {@link #commit}) take one lock. Readers never lock:
 * they read immutable views published after each change, record by record, so a search running
 * during an {@code add} sees each record either where it was or where it went.
 *
 * <p>{@link #commit} makes the state durable (see {@link ClusterFile}); {@link #open} starts from
 * the last commit. Closing does not commit.
 */
public final class ClusterStore implements AutoCloseable {
  /** A facet or code that this share of members carry makes a cluster a candidate for it. */
  private static final double INDEX_SHARE = 0.3;

  private final Path dir;
  private final Embedder embedder;
  private final IssueClusterer clusterer;
  private final Clock clock;
  private final Signals signals;
  private final Labels labels;
  private final ReentrantLock lock = new ReentrantLock();

  // Writer state, guarded by lock.
  private final Map<String, DocSignals> docs = new HashMap<>();
  private final Map<String, String> owner = new HashMap<>();
  private final Map<String, ClusterState> clusters = new LinkedHashMap<>();
  private final Map<String, String> catchAllByFamily = new HashMap<>();
  private final Set<String> catchAll = new HashSet<>();
  private final Set<String> retired = new LinkedHashSet<>();
  private final Map<String, Map<String, Set<String>>> facetIndex = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> codeIndex = new HashMap<>();
  private final Map<String, Set<String>> facetlessIndex = new HashMap<>();
  private final Map<String, IndexKeys> indexed = new HashMap<>();
  private long generation;
  private boolean dirty;

  // Reader state: immutable values in concurrent maps.
  private final ConcurrentHashMap<String, String> clusterOfDoc = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Published> published = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> familyClusters = new ConcurrentHashMap<>();

  private record IndexKeys(Set<String> facets, String code, boolean facetless) {
    static final IndexKeys NONE = new IndexKeys(Set.of(), "", false);
  }

  private record Published(
      IssueCluster cluster,
      List<String> members,
      String family,
      float[] centroid,
      Set<String> facets,
      boolean catchAll) {}

  private ClusterStore(Path dir, Embedder embedder, IssueClusterer clusterer, Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
    this.clock = Objects.requireNonNull(clock, "clock");
    Lexicon lexicon = Lexicon.builtIn();
    FaultVocabulary vocabulary = FaultVocabulary.builtIn();
    this.signals = new Signals(embedder, vocabulary, lexicon);
    this.labels = new Labels(vocabulary, lexicon);
  }

  /**
   * Opens the store in {@code dir} (created if missing) with the default {@link FaultClusterer}.
   */
  public static ClusterStore open(Path dir, Embedder embedder) throws IOException {
    return open(dir, embedder, new FaultClusterer(), Clock.systemUTC());
  }

  /** Opens the store in {@code dir} at its last commit, or empty when it has none. */
  public static ClusterStore open(
      Path dir, Embedder embedder, IssueClusterer clusterer, Clock clock) throws IOException {
    ClusterStore store = new ClusterStore(dir, embedder, clusterer, clock);
    store.load();
    return store;
  }

  private void load() throws IOException {
    Optional<ClusterFile.Snapshot> snapshot = ClusterFile.read(dir);
    if (snapshot.isEmpty()) return;
    ClusterFile.Snapshot s = snapshot.get();
    if (s.dimensions() != embedder.dimensions())
      throw new IOException(
          dir.resolve(ClusterFile.NAME)
              + " was built with "
              + s.dimensions()
              + "-dimensional embeddings, the embedder gives "
              + embedder.dimensions());
    generation = s.generation();
    retired.addAll(s.retired());
    for (ClusterFile.ClusterMeta m : s.clusters()) {
      ClusterState c = new ClusterState(m.id(), m.family(), s.dimensions(), m.created());
      c.updated = m.updated();
      clusters.put(m.id(), c);
      if (m.catchAll()) {
        catchAll.add(m.id());
        catchAllByFamily.put(m.family(), m.id());
      }
    }
    for (ClusterFile.Member m : s.members()) {
      ClusterState c = clusters.get(m.clusterId());
      if (c == null)
        throw new IOException("record " + m.doc().docId() + " names a missing cluster");
      c.add(m.doc());
      docs.put(m.doc().docId(), m.doc());
      owner.put(m.doc().docId(), c.id);
    }
    for (ClusterState c : clusters.values()) reindex(c);
    publish(clusters.keySet(), docs.keySet(), Set.of());
  }

  // ---------------------------------------------------------------- writing

  /**
   * Places records: new ones join the best-fitting cluster of their family or found one; unchanged
   * ones are left alone; changed ones move only when another cluster fits clearly better. Embeds
   * the records that need it in one batch.
   */
  public Assignment add(Collection<SourceDoc> input) {
    Map<String, SourceDoc> byId = new TreeMap<>();
    for (SourceDoc d : input) byId.put(d.id(), d);
    lock.lock();
    try {
      Instant now = now();
      Map<String, String> result = new LinkedHashMap<>();
      List<SourceDoc> toEmbed = new ArrayList<>();
      List<DocSignals> restated = new ArrayList<>();
      int unchanged = 0;
      for (SourceDoc d : byId.values()) {
        DocSignals old = docs.get(d.id());
        if (old != null && old.fullHash() == Signals.hash(d.toString())) {
          unchanged++;
          continue;
        }
        if (old != null && old.contentHash() == Signals.hash(Signals.contentKey(d))) {
          restated.add(signals.of(d, old.vector(), old.scale()));
        } else {
          toEmbed.add(d);
        }
      }
      List<DocSignals> embedded = signals.of(toEmbed);
      Set<String> touched = new LinkedHashSet<>();
      Set<String> deleted = new LinkedHashSet<>();
      List<String> created = new ArrayList<>();
      // Same content, other figures (votes, outcome): the statistics change, the placement not.
      for (DocSignals d : restated) {
        ClusterState c = clusters.get(owner.get(d.docId()));
        c.remove(docs.get(d.docId()));
        c.add(d);
        docs.put(d.docId(), d);
        touched.add(c.id);
      }
      List<DocSignals> fresh = new ArrayList<>();
      int changed = 0;
      int moved = 0;
      for (DocSignals d : embedded) {
        if (docs.containsKey(d.docId())) {
          changed++;
          if (replace(d, now, touched, deleted, created)) moved++;
        } else {
          fresh.add(d);
        }
      }
      placeAll(fresh, now, touched, created);
      for (String id : touched) {
        ClusterState c = clusters.get(id);
        if (c != null) c.updated = now;
      }
      for (SourceDoc d : byId.values()) result.put(d.id(), owner.get(d.id()));
      dirty |= !touched.isEmpty() || !deleted.isEmpty();
      publish(touched, result.keySet(), deleted);
      created.removeIf(id -> !clusters.containsKey(id));
      return new Assignment(result, created, fresh.size(), changed, moved, unchanged);
    } finally {
      lock.unlock();
    }
  }

  /** Removes a record; a cluster left empty is deleted and its id never used again. */
  public void remove(String docId) {
    lock.lock();
    try {
      DocSignals old = docs.remove(docId);
      if (old == null) return;
      String cid = owner.remove(docId);
      ClusterState c = clusters.get(cid);
      c.remove(old);
      c.updated = now();
      Set<String> deleted = new HashSet<>();
      if (c.size() == 0) {
        drop(c);
        deleted.add(c.id);
      } else {
        reindex(c);
      }
      dirty = true;
      publish(deleted.isEmpty() ? Set.of(cid) : Set.of(), Set.of(docId), deleted);
    } finally {
      lock.unlock();
    }
  }

  /** Makes the current state durable and atomic: after a crash, {@link #open} finds exactly it. */
  public void commit() throws IOException {
    lock.lock();
    try {
      if (!dirty && generation > 0) return;
      List<ClusterFile.ClusterMeta> metas = new ArrayList<>(clusters.size());
      List<ClusterFile.Member> members = new ArrayList<>(docs.size());
      for (ClusterState c : clusters.values()) {
        metas.add(
            new ClusterFile.ClusterMeta(
                c.id, c.family, catchAll.contains(c.id), c.created, c.updated));
        for (String m : c.members) members.add(new ClusterFile.Member(c.id, docs.get(m)));
      }
      ClusterFile.write(
          dir,
          new ClusterFile.Snapshot(
              generation + 1, embedder.dimensions(), metas, List.copyOf(retired), members));
      generation++;
      dirty = false;
    } finally {
      lock.unlock();
    }
  }

  /** Milliseconds: what the file keeps, so a reopened store equals the one that committed. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** How many commits this store has made (0 before the first). */
  public long generation() {
    return generation;
  }

  @Override
  public void close() {
    // Nothing to release: the state is in memory and the file is closed after each commit.
  }

  // ---------------------------------------------------------------- reading (lock-free)

  public Optional<IssueCluster> get(String clusterId) {
    Published p = published.get(clusterId);
    return p == null ? Optional.empty() : Optional.of(p.cluster());
  }

  public Optional<String> clusterOf(String docId) {
    return Optional.ofNullable(clusterOfDoc.get(docId));
  }

  /** The member record ids of a cluster, in the order they joined; empty for an unknown id. */
  public List<String> members(String clusterId) {
    Published p = published.get(clusterId);
    return p == null ? List.of() : p.members();
  }

  /** Every cluster, catch-all clusters included (their label is {@value Labels#UNDESCRIBED}). */
  public Collection<IssueCluster> all() {
    List<IssueCluster> out = new ArrayList<>(published.size());
    for (Published p : published.values()) out.add(p.cluster());
    return out;
  }

  /** Whether a cluster is its family's catch-all of records that do not describe their fault. */
  public boolean isCatchAll(String clusterId) {
    Published p = published.get(clusterId);
    return p != null && p.catchAll();
  }

  public int documentCount() {
    return clusterOfDoc.size();
  }

  public int clusterCount() {
    return published.size();
  }

  /**
   * Up to {@code n} other clusters of the same product family with a similar fault, most similar
   * first: cosine of the centroids plus a quarter of the overlap (Jaccard) of their main facets.
   * Catch-all clusters are never related.
   */
  public List<IssueCluster> related(String clusterId, int n) {
    Published p = published.get(clusterId);
    if (p == null || n <= 0) return List.of();
    record Scored(Published q, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (String other : familyClusters.getOrDefault(p.family(), Set.of())) {
      if (other.equals(clusterId)) continue;
      Published q = published.get(other);
      if (q == null || q.catchAll()) continue;
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

  // ---------------------------------------------------------------- placement

  /**
   * New records, in an order that does not depend on the input's: records with codes, then with
   * facets, then the rest, each by id. Then a second pass folds the singletons this batch founded
   * into larger clusters they fit well enough.
   */
  private void placeAll(
      List<DocSignals> fresh, Instant now, Set<String> touched, List<String> created) {
    List<DocSignals> ordered = new ArrayList<>(fresh);
    ordered.sort(
        Comparator.comparing((DocSignals d) -> d.codes().isEmpty())
            .thenComparing(d -> d.facets().isEmpty())
            .thenComparing(DocSignals::docId));
    Set<String> founded = new LinkedHashSet<>();
    for (DocSignals d : ordered) {
      String target;
      if (clusterer.undescribed(d)) {
        target = catchAllOf(d.family(), now, touched, created);
      } else {
        target = best(d, Set.of(), clusterer.joinThreshold(), 1);
        if (target == null) {
          target = found(d, now, created).id;
          founded.add(target);
        }
      }
      join(d, clusters.get(target));
      touched.add(target);
    }
    for (String id : founded) {
      ClusterState c = clusters.get(id);
      if (c.size() != 1) continue;
      DocSignals d = docs.get(c.members.iterator().next());
      String target = best(d, Set.of(id), clusterer.absorbThreshold(), 2);
      if (target == null) continue;
      leave(d, c);
      clusters.remove(id);
      indexed.remove(id);
      touched.remove(id);
      join(d, clusters.get(target));
      touched.add(target);
    }
  }

  /** A changed record: stays unless another cluster fits it clearly better. True if it moved. */
  private boolean replace(
      DocSignals d, Instant now, Set<String> touched, Set<String> deleted, List<String> created) {
    ClusterState current = clusters.get(owner.get(d.docId()));
    DocSignals old = docs.get(d.docId());
    leave(old, current);
    touched.add(current.id);
    double stay;
    if (catchAll.contains(current.id)) {
      stay = clusterer.undescribed(d) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    } else {
      // Alone in its cluster, a record may keep it as long as nothing fits clearly better.
      stay = current.size() == 0 ? clusterer.joinThreshold() : clusterer.fit(d, current);
    }
    String target = best(d, Set.of(current.id), clusterer.joinThreshold(), 1);
    double fit = target == null ? Double.NEGATIVE_INFINITY : clusterer.fit(d, clusters.get(target));
    ClusterState to = current;
    if (stay == Double.NEGATIVE_INFINITY) {
      if (target != null) {
        to = clusters.get(target);
      } else if (clusterer.undescribed(d)) {
        to = clusters.get(catchAllOf(d.family(), now, touched, created));
      } else {
        to = found(d, now, created);
      }
    } else if (target != null && fit >= stay + clusterer.moveMargin()) {
      to = clusters.get(target);
    }
    join(d, to);
    touched.add(to.id);
    if (to != current && current.size() == 0) {
      drop(current);
      touched.remove(current.id);
      deleted.add(current.id);
    }
    return to != current;
  }

  /** The best cluster for {@code d} with at least {@code minSize} members and the given fit. */
  private String best(DocSignals d, Set<String> exclude, double threshold, int minSize) {
    String best = null;
    double bestFit = threshold;
    for (Set<String> candidates : candidateSets(d)) {
      for (String id : candidates) {
        if (exclude.contains(id)) continue;
        ClusterState c = clusters.get(id);
        if (c.size() < minSize) continue;
        double fit = clusterer.fit(d, c);
        if (fit > bestFit || (fit == bestFit && best != null && id.compareTo(best) < 0)) {
          best = id;
          bestFit = fit;
        } else if (fit == bestFit && best == null) {
          best = id;
        }
      }
    }
    return best;
  }

  private List<Set<String>> candidateSets(DocSignals d) {
    List<Set<String>> sets = new ArrayList<>(4);
    Map<String, Set<String>> byFacet = facetIndex.getOrDefault(d.family(), Map.of());
    for (String f : d.facets()) {
      Set<String> s = byFacet.get(f);
      if (s != null) sets.add(s);
    }
    Map<String, Set<String>> byCode = codeIndex.getOrDefault(d.family(), Map.of());
    for (String code : d.codes()) {
      Set<String> s = byCode.get(Labels.display(code));
      if (s != null) sets.add(s);
    }
    if (d.facets().isEmpty()) {
      Set<String> s = facetlessIndex.get(d.family());
      if (s != null) sets.add(s);
    }
    return sets;
  }

  private void join(DocSignals d, ClusterState c) {
    c.add(d);
    docs.put(d.docId(), d);
    owner.put(d.docId(), c.id);
    reindex(c);
  }

  private void leave(DocSignals d, ClusterState c) {
    c.remove(d);
    docs.remove(d.docId());
    owner.remove(d.docId());
    reindex(c);
  }

  private ClusterState found(DocSignals founder, Instant now, List<String> created) {
    ClusterState c =
        new ClusterState(
            newId(founder.family() + "\u0001" + founder.docId()),
            founder.family(),
            embedder.dimensions(),
            now);
    clusters.put(c.id, c);
    created.add(c.id);
    return c;
  }

  private String catchAllOf(String family, Instant now, Set<String> touched, List<String> created) {
    String id = catchAllByFamily.get(family);
    if (id == null) {
      ClusterState c =
          new ClusterState(newId("undescribed\u0001" + family), family, embedder.dimensions(), now);
      clusters.put(c.id, c);
      catchAll.add(c.id);
      catchAllByFamily.put(family, c.id);
      created.add(c.id);
      id = c.id;
    }
    touched.add(id);
    return id;
  }

  private void drop(ClusterState c) {
    clusters.remove(c.id);
    retired.add(c.id);
    if (catchAll.remove(c.id)) catchAllByFamily.remove(c.family);
    unindex(c.id, c.family);
  }

  /** {@code iss-} and 12 hex digits of SHA-256 over the seed; salted again on a collision. */
  private String newId(String seed) {
    for (int salt = 0; ; salt++) {
      String id =
          "iss-"
              + io.fixfinder.core.io.Hashes.sha256Hex(salt == 0 ? seed : seed + "#" + salt)
                  .substring(0, 12);
      if (!clusters.containsKey(id) && !retired.contains(id)) return id;
    }
  }

  // ---------------------------------------------------------------- candidate index

  private void reindex(ClusterState c) {
    IndexKeys old = indexed.getOrDefault(c.id, IndexKeys.NONE);
    IndexKeys now = catchAll.contains(c.id) || c.size() == 0 ? IndexKeys.NONE : keysOf(c);
    if (old.equals(now)) return;
    Map<String, Set<String>> byFacet = facetIndex.computeIfAbsent(c.family, k -> new HashMap<>());
    for (String f : old.facets()) if (!now.facets().contains(f)) removeFrom(byFacet, f, c.id);
    for (String f : now.facets())
      if (!old.facets().contains(f)) byFacet.computeIfAbsent(f, k -> new HashSet<>()).add(c.id);
    Map<String, Set<String>> byCode = codeIndex.computeIfAbsent(c.family, k -> new HashMap<>());
    if (!old.code().equals(now.code())) {
      if (!old.code().isEmpty()) removeFrom(byCode, old.code(), c.id);
      if (!now.code().isEmpty()) byCode.computeIfAbsent(now.code(), k -> new HashSet<>()).add(c.id);
    }
    Set<String> facetless = facetlessIndex.computeIfAbsent(c.family, k -> new HashSet<>());
    if (now.facetless()) facetless.add(c.id);
    else facetless.remove(c.id);
    indexed.put(c.id, now);
  }

  private void unindex(String id, String family) {
    IndexKeys old = indexed.remove(id);
    if (old == null) return;
    Map<String, Set<String>> byFacet = facetIndex.getOrDefault(family, new HashMap<>());
    for (String f : old.facets()) removeFrom(byFacet, f, id);
    if (!old.code().isEmpty())
      removeFrom(codeIndex.getOrDefault(family, new HashMap<>()), old.code(), id);
    Set<String> s = facetlessIndex.get(family);
    if (s != null) s.remove(id);
  }

  private static void removeFrom(Map<String, Set<String>> index, String key, String id) {
    Set<String> s = index.get(key);
    if (s == null) return;
    s.remove(id);
    if (s.isEmpty()) index.remove(key);
  }

  private static IndexKeys keysOf(ClusterState c) {
    int n = c.size();
    Set<String> facets = new HashSet<>();
    for (Map.Entry<String, Integer> e : c.facets.entrySet()) {
      if (e.getValue() >= INDEX_SHARE * n) facets.add(e.getKey());
    }
    String code = c.primaryCode();
    boolean facetless = facets.isEmpty() || c.facetless >= INDEX_SHARE * n;
    return new IndexKeys(Set.copyOf(facets), code.isEmpty() ? "" : Labels.display(code), facetless);
  }

  // ---------------------------------------------------------------- publishing

  private void publish(Collection<String> touched, Collection<String> docIds, Set<String> deleted) {
    for (String id : touched) {
      ClusterState c = clusters.get(id);
      if (c == null) continue;
      published.put(id, view(c));
      familyClusters.computeIfAbsent(c.family, k -> ConcurrentHashMap.newKeySet()).add(id);
    }
    for (String docId : docIds) {
      String cid = owner.get(docId);
      if (cid == null) clusterOfDoc.remove(docId);
      else clusterOfDoc.put(docId, cid);
    }
    for (String id : deleted) {
      Published p = published.remove(id);
      if (p != null) {
        Set<String> fam = familyClusters.get(p.family());
        if (fam != null) fam.remove(id);
      }
    }
  }

  private Published view(ClusterState c) {
    int n = c.size();
    Map<String, Integer> mix = new TreeMap<>();
    Map<String, DocSignals> top = new TreeMap<>();
    int fixes = 0;
    int fixed = 0;
    int repairable = 0;
    int endOfLife = 0;
    for (String m : c.members) {
      DocSignals d = docs.get(m);
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
    boolean isCatchAll = catchAll.contains(c.id);
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
        cluster,
        List.copyOf(c.members),
        c.family,
        c.centroid().clone(),
        Set.copyOf(facets),
        isCatchAll);
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
