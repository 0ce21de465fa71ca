package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.embed.Embedder;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>Writers ({@link #add}, {@link #remove}, {@link #commit}) take one lock; this class is the
 * writer: its state, placement and commits. Candidates for placement come from {@link
 * CandidateIndex}. Readers never lock: they read the immutable views of {@link PublishedClusters},
 * published after each change, record by record, so a search running during an {@code add} sees
 * each record either where it was or where it went.
 *
 * <p>{@link #commit} makes the state durable (see {@link ClusterFile}); {@link #open} starts from
 * the last commit. Closing does not commit.
 */
public final class ClusterStore implements ClusterReader, AutoCloseable {
  /** Where commits go; empty for a store read from a published generation, which never commits. */
  private final Optional<Path> dir;

  private final Embedder embedder;
  private final IssueClusterer clusterer;
  private final Clock clock;
  private final Signals signals;
  private final ReentrantLock lock = new ReentrantLock();

  // Writer state, guarded by lock.
  private final Map<String, DocSignals> docs = new HashMap<>();
  private final Map<String, String> owner = new HashMap<>();
  private final Map<String, ClusterState> clusters = new LinkedHashMap<>();
  private final Map<String, String> catchAllByFamily = new HashMap<>();
  private final Set<String> catchAll = new HashSet<>();
  private final Set<String> retired = new LinkedHashSet<>();

  /** A merged cluster's id to the live id it was merged into (see {@link #mergeDuplicates}). */
  private final Map<String, String> aliases = new TreeMap<>();

  private volatile Aliases publishedAliases = Aliases.NONE;

  private final Labels labels;
  private final CandidateIndex candidates = new CandidateIndex();
  private final FaultAreas areas;
  private final Map<String, ClusterFile.AreaMeta> areaMeta = new LinkedHashMap<>();
  private final Map<String, Set<String>> areaClusters = new HashMap<>();
  private long generation;
  private boolean dirty;

  // Reader state: published views, read without locking.
  private final PublishedClusters published;
  private final PublishedClusters.Source source = new WriterSource();

  private ClusterStore(
      Optional<Path> dir, Embedder embedder, IssueClusterer clusterer, Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
    this.clock = Objects.requireNonNull(clock, "clock");
    Lexicon lexicon = Lexicon.builtIn();
    FaultVocabulary vocabulary = FaultVocabulary.builtIn();
    this.areas = FaultAreas.builtIn();
    this.signals = new Signals(embedder, vocabulary, lexicon, areas);
    this.labels = new Labels(vocabulary, lexicon);
    this.published = new PublishedClusters(labels, areas);
  }

  /**
   * Opens the store in {@code dir} (created if missing) with the default {@link FaultClusterer}.
   */
  public static ClusterStore open(Path dir, Embedder embedder) throws IOException {
    return open(dir, embedder, new FaultClusterer(), Clock.systemUTC());
  }

  /** Whether {@code dir} holds a committed store. */
  public static boolean committedIn(Path dir) {
    return java.nio.file.Files.isRegularFile(dir.resolve(ClusterFile.NAME));
  }

  /**
   * Copies the last commit in {@code from} to {@code to}, where a writer goes on from it (a rebuild
   * carries the clusters into its new index generation, so their ids stay stable). False when
   * {@code from} has none.
   */
  public static boolean copyCommit(Path from, Path to) throws IOException {
    if (!committedIn(from)) return false;
    java.nio.file.Files.createDirectories(to);
    java.nio.file.Files.copy(
        from.resolve(ClusterFile.NAME),
        to.resolve(ClusterFile.NAME),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** Opens the store in {@code dir} at its last commit, or empty when it has none. */
  public static ClusterStore open(
      Path dir, Embedder embedder, IssueClusterer clusterer, Clock clock) throws IOException {
    ClusterStore store =
        new ClusterStore(
            Optional.of(Objects.requireNonNull(dir, "dir")), embedder, clusterer, clock);
    store.load(ClusterFile.read(dir), dir.resolve(ClusterFile.NAME).toString());
    return store;
  }

  /**
   * A store read from a cluster file's bytes (a generation published in the database, issue 17),
   * for reading only: {@link #commit} refuses. Exactly {@code size} bytes are read from {@code in}
   * and checked as a file is; {@code name} says where they came from in errors.
   */
  static ClusterStore read(InputStream in, long size, String name, Embedder embedder)
      throws IOException {
    ClusterStore store =
        new ClusterStore(Optional.empty(), embedder, new FaultClusterer(), Clock.systemUTC());
    store.load(Optional.of(ClusterFile.read(in, size, name)), name);
    return store;
  }

  /**
   * Writes the cluster file whose bytes are {@code in} ({@code size} of them, checked first) as the
   * last commit in {@code to}, where a writer goes on from it: an {@code index} run starting from
   * the generation published in the database keeps its cluster ids, whatever machine made it.
   */
  public static void restoreCommit(InputStream in, long size, String name, Path to)
      throws IOException {
    ClusterFile.write(to, ClusterFile.read(in, size, name));
  }

  /** The file of the last commit in {@code dir} (to publish it), if there is one. */
  public static Optional<Path> commitFile(Path dir) {
    return committedIn(dir) ? Optional.of(dir.resolve(ClusterFile.NAME)) : Optional.empty();
  }

  private void load(Optional<ClusterFile.Snapshot> snapshot, String where) throws IOException {
    if (snapshot.isEmpty()) return;
    ClusterFile.Snapshot s = snapshot.get();
    if (s.dimensions() != embedder.dimensions())
      throw new IOException(
          where
              + " was built with "
              + s.dimensions()
              + "-dimensional embeddings, the embedder gives "
              + embedder.dimensions());
    generation = s.generation();
    retired.addAll(s.retired());
    aliases.putAll(s.aliases());
    publishedAliases = Aliases.of(aliases);
    for (ClusterFile.AreaMeta a : s.areas()) areaMeta.put(a.id(), a);
    for (ClusterFile.ClusterMeta m : s.clusters()) {
      ClusterState c = new ClusterState(m.id(), m.family(), s.dimensions(), m.created(), areas);
      c.updated = m.updated();
      ClusterFile.AreaMeta area = areaMeta.get(m.area());
      if (area != null) {
        c.area = area.id();
        c.areaKey = area.key();
        areaClusters.computeIfAbsent(area.id(), k -> new LinkedHashSet<>()).add(c.id);
      }
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
    // A file from before fault areas (version 1): every cluster gets its area now.
    Set<String> touchedAreas = new LinkedHashSet<>(areaClusters.keySet());
    Instant now = now();
    for (ClusterState c : clusters.values()) if (c.area.isEmpty()) assignArea(c, now, touchedAreas);
    // assignArea marked the store dirty if it did so: the next commit writes the current version.
    publish(clusters.keySet(), docs.keySet(), Set.of(), touchedAreas);
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
      mergeDuplicates(touched, deleted);
      for (String id : touched) {
        ClusterState c = clusters.get(id);
        if (c != null) c.updated = now;
      }
      for (SourceDoc d : byId.values()) result.put(d.id(), owner.get(d.id()));
      dirty |= !touched.isEmpty() || !deleted.isEmpty();
      Set<String> touchedAreas = new LinkedHashSet<>();
      for (String id : deleted) forgetArea(id, touchedAreas);
      for (String id : touched) {
        ClusterState c = clusters.get(id);
        if (c != null) assignArea(c, now, touchedAreas);
      }
      publish(touched, result.keySet(), deleted, touchedAreas);
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
      Set<String> touchedAreas = new LinkedHashSet<>();
      if (c.size() == 0) {
        drop(c);
        deleted.add(c.id);
        forgetArea(c.id, touchedAreas);
      } else {
        reindex(c);
        assignArea(c, c.updated, touchedAreas);
      }
      dirty = true;
      publish(deleted.isEmpty() ? Set.of(cid) : Set.of(), Set.of(docId), deleted, touchedAreas);
    } finally {
      lock.unlock();
    }
  }

  /** Makes the current state durable and atomic: after a crash, {@link #open} finds exactly it. */
  public void commit() throws IOException {
    Path target =
        dir.orElseThrow(
            () -> new IllegalStateException("a store read from published bytes never commits"));
    lock.lock();
    try {
      if (!dirty && generation > 0) return;
      List<ClusterFile.ClusterMeta> metas = new ArrayList<>(clusters.size());
      List<ClusterFile.Member> members = new ArrayList<>(docs.size());
      for (ClusterState c : clusters.values()) {
        metas.add(
            new ClusterFile.ClusterMeta(
                c.id, c.family, catchAll.contains(c.id), c.created, c.updated, c.area));
        for (String m : c.members) members.add(new ClusterFile.Member(c.id, docs.get(m)));
      }
      ClusterFile.write(
          target,
          new ClusterFile.Snapshot(
              generation + 1,
              embedder.dimensions(),
              metas,
              List.copyOf(retired),
              List.copyOf(areaMeta.values()),
              Map.copyOf(aliases),
              members));
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

  /**
   * What readers see now, as a compact read-only copy: a server that only reads keeps this and lets
   * the writer's state (every record's signals and embedding) go.
   */
  public ClusterSnapshot snapshot() {
    lock.lock();
    try {
      return new ClusterSnapshot(published, publishedAliases);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- reading (lock-free)

  /** A cluster by id; the id of a cluster merged into another resolves to that one. */
  @Override
  public Optional<IssueCluster> get(String clusterId) {
    return published.get(resolve(clusterId).orElse(clusterId));
  }

  /**
   * The live id a cluster id stands for: itself while it is live, the cluster it was merged into
   * when it was merged (an old link keeps working), empty when unknown or deleted.
   */
  @Override
  public Optional<String> resolve(String clusterId) {
    if (published.get(clusterId).isPresent()) return Optional.of(clusterId);
    String to = publishedAliases.toLive().get(clusterId);
    return to != null && published.get(to).isPresent() ? Optional.of(to) : Optional.empty();
  }

  /** Merged ids and the live ids they resolve to (for the record; lookups follow them). */
  @Override
  public Map<String, String> aliases() {
    return publishedAliases.toLive();
  }

  @Override
  public List<String> aliasesOf(String clusterId) {
    return publishedAliases.mergedInto(clusterId);
  }

  @Override
  public Optional<String> clusterOf(String docId) {
    return published.clusterOf(docId);
  }

  /** The member record ids of a cluster, in the order they joined; empty for an unknown id. */
  @Override
  public List<String> members(String clusterId) {
    return published.members(resolve(clusterId).orElse(clusterId));
  }

  /** Every cluster, catch-all clusters included (their label is {@value Labels#UNDESCRIBED}). */
  @Override
  public Collection<IssueCluster> all() {
    return published.all();
  }

  /** Whether a cluster is its family's catch-all of records that do not describe their fault. */
  @Override
  public boolean isCatchAll(String clusterId) {
    return published.isCatchAll(resolve(clusterId).orElse(clusterId));
  }

  /** A fault area by id, with its issue clusters; empty for an unknown id or an emptied area. */
  @Override
  public Optional<FaultArea> faultArea(String areaId) {
    return published.area(areaId);
  }

  /** The fault area an issue cluster belongs to. */
  @Override
  public Optional<FaultArea> faultAreaOf(String clusterId) {
    return published.areaOf(resolve(clusterId).orElse(clusterId));
  }

  /** Every fault area that holds at least one issue cluster. */
  @Override
  public Collection<FaultArea> faultAreas() {
    return published.areas();
  }

  @Override
  public int documentCount() {
    return published.documentCount();
  }

  @Override
  public int clusterCount() {
    return published.clusterCount();
  }

  /**
   * Up to {@code n} other clusters of the same product family with a similar fault, most similar
   * first: cosine of the centroids plus a quarter of the overlap (Jaccard) of their main facets.
   * Catch-all clusters are never related.
   */
  @Override
  public List<IssueCluster> related(String clusterId, int n) {
    return published.related(resolve(clusterId).orElse(clusterId), n);
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
      candidates.remove(id, c.family);
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
    for (Set<String> ids : candidates.candidates(d)) {
      for (String id : ids) {
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
            now,
            areas);
    clusters.put(c.id, c);
    created.add(c.id);
    return c;
  }

  private String catchAllOf(String family, Instant now, Set<String> touched, List<String> created) {
    String id = catchAllByFamily.get(family);
    if (id == null) {
      ClusterState c =
          new ClusterState(
              newId("undescribed\u0001" + family), family, embedder.dimensions(), now, areas);
      clusters.put(c.id, c);
      catchAll.add(c.id);
      catchAllByFamily.put(family, c.id);
      created.add(c.id);
      id = c.id;
    }
    touched.add(id);
    return id;
  }

  /**
   * Merges live clusters of one product family that carry the same label and the same codes
   * ("Filter or condenser blocked (E65)" twice): to a customer they are one fault, so they become
   * one cluster. The largest keeps its id (then the oldest, then the smaller id); the others'
   * members move to it, and their ids are retired and kept as aliases of it, so a stored link, vote
   * or bookmark still resolves ({@link #resolve}). Only the families this batch touched are looked
   * at; catch-alls and clusters that name nothing ("Other fault") never merge.
   */
  private void mergeDuplicates(Set<String> touched, Set<String> deleted) {
    Set<String> families = new HashSet<>();
    for (String id : touched) {
      ClusterState c = clusters.get(id);
      if (c != null) families.add(c.family);
    }
    if (families.isEmpty()) return;
    Map<String, List<ClusterState>> groups = new TreeMap<>();
    for (ClusterState c : clusters.values()) {
      if (!families.contains(c.family) || catchAll.contains(c.id) || c.size() == 0) continue;
      Set<String> codes = new java.util.TreeSet<>();
      c.codes.forEach(
          (code, n) -> {
            if (n * 10 >= 3 * c.size()) codes.add(Labels.display(code));
          });
      String label = labels.label(c, false);
      // "Other fault" says only that nothing was named: such clusters are not one fault
      if (label.equals(Labels.OTHER)) continue;
      String key = c.family + "\u0001" + label + "\u0001" + codes;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    for (List<ClusterState> group : groups.values()) {
      if (group.size() < 2) continue;
      group.sort(
          java.util.Comparator.comparingInt(ClusterState::size)
              .reversed()
              .thenComparing((ClusterState c) -> c.created)
              .thenComparing(c -> c.id));
      ClusterState keep = group.getFirst();
      for (ClusterState gone : group.subList(1, group.size())) {
        for (String m : List.copyOf(gone.members)) {
          DocSignals d = docs.get(m);
          leave(d, gone);
          join(d, keep);
        }
        drop(gone);
        touched.remove(gone.id);
        deleted.add(gone.id);
        aliases.replaceAll((from, to) -> to.equals(gone.id) ? keep.id : to);
        aliases.put(gone.id, keep.id);
        touched.add(keep.id);
        dirty = true;
      }
    }
    publishedAliases = Aliases.of(aliases);
  }

  private void drop(ClusterState c) {
    clusters.remove(c.id);
    retired.add(c.id);
    if (catchAll.remove(c.id)) catchAllByFamily.remove(c.family);
    candidates.remove(c.id, c.family);
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

  // ---------------------------------------------------------------- fault areas

  /**
   * Puts a cluster in the fault area its members vote for (see {@link ClusterState#votedArea}); the
   * catch-all is in its family's "other" area. A tie keeps the current area.
   */
  private void assignArea(ClusterState c, Instant now, Set<String> touchedAreas) {
    String key = catchAll.contains(c.id) ? FaultAreas.OTHER : c.votedArea(clusterer.areaMinShare());
    String id = areaId(c.family, key, now);
    if (!id.equals(c.area)) {
      forgetArea(c.id, c.area, touchedAreas);
      c.area = id;
      c.areaKey = key;
      areaClusters.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(c.id);
      dirty = true;
    }
    touchedAreas.add(id);
  }

  private void forgetArea(String clusterId, Set<String> touchedAreas) {
    for (Map.Entry<String, Set<String>> e : areaClusters.entrySet()) {
      if (e.getValue().contains(clusterId)) {
        forgetArea(clusterId, e.getKey(), touchedAreas);
        return;
      }
    }
  }

  private void forgetArea(String clusterId, String areaId, Set<String> touchedAreas) {
    if (areaId.isEmpty()) return;
    Set<String> members = areaClusters.get(areaId);
    if (members != null) members.remove(clusterId);
    touchedAreas.add(areaId);
  }

  /**
   * {@code fa-} and 12 hex digits of SHA-256 over the family and the area key: the same id on every
   * machine and in every run. Once made, an area's id and creation time are kept in the file even
   * while it holds no cluster.
   */
  private String areaId(String family, String key, Instant now) {
    for (int salt = 0; ; salt++) {
      String seed = family + "\u0001" + key;
      String id =
          "fa-"
              + io.fixfinder.core.io.Hashes.sha256Hex(salt == 0 ? seed : seed + "#" + salt)
                  .substring(0, 12);
      ClusterFile.AreaMeta m = areaMeta.get(id);
      if (m == null) {
        areaMeta.put(id, new ClusterFile.AreaMeta(id, family, key, now));
        return id;
      }
      if (m.family().equals(family) && m.key().equals(key)) return id;
    }
  }

  // ---------------------------------------------------------------- indexing and publishing

  private void reindex(ClusterState c) {
    candidates.update(c, catchAll.contains(c.id));
  }

  private void publish(
      Collection<String> touched,
      Collection<String> docIds,
      Set<String> deleted,
      Set<String> touchedAreas) {
    published.publish(source, touched, docIds, deleted, touchedAreas);
  }

  /** The writer's state as publishing reads it (under the lock). */
  private final class WriterSource implements PublishedClusters.Source {
    @Override
    public Optional<ClusterState> cluster(String id) {
      return Optional.ofNullable(clusters.get(id));
    }

    @Override
    public Optional<String> owner(String docId) {
      return Optional.ofNullable(owner.get(docId));
    }

    @Override
    public DocSignals doc(String docId) {
      return docs.get(docId);
    }

    @Override
    public boolean isCatchAll(String clusterId) {
      return catchAll.contains(clusterId);
    }

    @Override
    public Optional<ClusterFile.AreaMeta> area(String areaId) {
      return Optional.ofNullable(areaMeta.get(areaId));
    }

    @Override
    public Collection<String> clustersOfArea(String areaId) {
      return areaClusters.getOrDefault(areaId, Set.of());
    }
  }
}
