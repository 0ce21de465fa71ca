package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.indexer.embed.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed issue clusters as a server reads them: immutable and compact. A {@link
 * ClusterStore} keeps every record's signals (codes, facets, phrases, a 384-byte embedding) and
 * several maps keyed by record id, which a writer needs to place the next record; a server that
 * only reads needs each cluster's view and which cluster a record is in. At a million records that
 * was about three gigabytes resident, which every young collection had to work around; here the
 * record ids are one sorted block of UTF-8 bytes with an offset and a cluster number each, and a
 * cluster's members are record numbers: some 30 bytes a record.
 *
 * <p>It answers every question exactly as the store it was taken from ({@code
 * ClusterSnapshotTest}). Loading still builds the store first (its aggregates make the labels), so
 * loading needs the heap it needed before, once.
 */
public final class ClusterSnapshot implements ClusterReader {
  private final Map<String, Integer> clusterIndex;
  private final PublishedClusters.View[] views;
  private final int[][] members;
  private final Map<String, List<PublishedClusters.View>> families;
  private final Map<String, FaultArea> areas;
  private final Map<String, String> areaOfCluster;
  private final Aliases aliases;

  /** Every record id, UTF-8, in unsigned byte order; record {@code i} is at offsets i to i+1. */
  private final byte[] ids;

  private final int[] offsets;

  /** Record number to the index of its cluster in {@link #views}. */
  private final int[] clusterOfRecord;

  /** Opens the clusters committed in {@code dir} (see {@link ClusterStore#open}) for reading. */
  public static ClusterSnapshot load(Path dir, Embedder embedder) throws IOException {
    try (ClusterStore store = ClusterStore.open(dir, embedder)) {
      return store.snapshot();
    }
  }

  /**
   * Reads the clusters of a cluster file's bytes ({@code size} of them from {@code in}: a
   * generation published in the database, issue 17), checked as a file is; {@code name} says where
   * they came from in errors.
   */
  public static ClusterSnapshot read(InputStream in, long size, String name, Embedder embedder)
      throws IOException {
    try (ClusterStore store = ClusterStore.read(in, size, name, embedder)) {
      return store.snapshot();
    }
  }

  /** A copy of what {@code published} shows now; its writer must not publish meanwhile. */
  ClusterSnapshot(PublishedClusters published, Aliases aliases) {
    this.aliases = aliases;
    this.areas = published.areaViews();
    this.areaOfCluster = published.areaOfCluster();
    List<PublishedClusters.View> viewList = new ArrayList<>();
    List<List<String>> memberIds = new ArrayList<>();
    published.forEachCluster(
        (view, m) -> {
          viewList.add(view);
          memberIds.add(m);
        });
    views = viewList.toArray(PublishedClusters.View[]::new);
    clusterIndex = new HashMap<>(views.length * 2);
    families = new HashMap<>();
    for (int i = 0; i < views.length; i++) {
      clusterIndex.put(views[i].cluster().id(), i);
      families.computeIfAbsent(views[i].family(), k -> new ArrayList<>()).add(views[i]);
    }
    families.replaceAll((k, v) -> List.copyOf(v));

    record Entry(byte[] id, int cluster) {}
    List<Entry> entries = new ArrayList<>();
    published.forEachRecord(
        (doc, cluster) -> {
          Integer c = clusterIndex.get(cluster);
          if (c != null) entries.add(new Entry(doc.getBytes(StandardCharsets.UTF_8), c));
        });
    entries.sort((a, b) -> Arrays.compareUnsigned(a.id(), b.id()));
    int n = entries.size();
    offsets = new int[n + 1];
    clusterOfRecord = new int[n];
    long total = 0;
    for (Entry e : entries) total += e.id().length;
    if (total > Integer.MAX_VALUE)
      throw new IllegalStateException("record ids take " + total + " bytes, more than 2 GB");
    ids = new byte[(int) total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      byte[] id = entries.get(i).id();
      offsets[i] = at;
      System.arraycopy(id, 0, ids, at, id.length);
      at += id.length;
      clusterOfRecord[i] = entries.get(i).cluster();
    }
    offsets[n] = at;
    members = new int[views.length][];
    for (int c = 0; c < views.length; c++) {
      List<String> m = memberIds.get(c);
      int[] numbers = new int[m.size()];
      int k = 0;
      for (String doc : m) {
        int r = find(doc);
        if (r >= 0) numbers[k++] = r;
      }
      members[c] = k == numbers.length ? numbers : Arrays.copyOf(numbers, k);
    }
  }

  /** The record number of {@code docId}, or a negative number when no record has it. */
  private int find(String docId) {
    byte[] key = docId.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = clusterOfRecord.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Arrays.compareUnsigned(ids, offsets[mid], offsets[mid + 1], key, 0, key.length);
      if (cmp < 0) lo = mid + 1;
      else if (cmp > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private String recordId(int r) {
    return new String(ids, offsets[r], offsets[r + 1] - offsets[r], StandardCharsets.UTF_8);
  }

  private Optional<PublishedClusters.View> view(String clusterId) {
    Integer i = clusterIndex.get(clusterId);
    return i == null ? Optional.empty() : Optional.of(views[i]);
  }

  private String live(String clusterId) {
    return resolve(clusterId).orElse(clusterId);
  }

  @Override
  public Optional<IssueCluster> get(String clusterId) {
    return view(live(clusterId)).map(PublishedClusters.View::cluster);
  }

  @Override
  public Optional<String> resolve(String clusterId) {
    if (clusterIndex.containsKey(clusterId)) return Optional.of(clusterId);
    String to = aliases.toLive().get(clusterId);
    return to != null && clusterIndex.containsKey(to) ? Optional.of(to) : Optional.empty();
  }

  @Override
  public Map<String, String> aliases() {
    return aliases.toLive();
  }

  @Override
  public List<String> aliasesOf(String clusterId) {
    return aliases.mergedInto(clusterId);
  }

  @Override
  public Optional<String> clusterOf(String docId) {
    int r = find(docId);
    return r < 0 ? Optional.empty() : Optional.of(views[clusterOfRecord[r]].cluster().id());
  }

  @Override
  public List<String> members(String clusterId) {
    Integer i = clusterIndex.get(live(clusterId));
    if (i == null) return List.of();
    int[] m = members[i];
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return recordId(m[index]);
      }

      @Override
      public int size() {
        return m.length;
      }
    };
  }

  @Override
  public Collection<IssueCluster> all() {
    List<IssueCluster> out = new ArrayList<>(views.length);
    for (PublishedClusters.View v : views) out.add(v.cluster());
    return out;
  }

  @Override
  public boolean isCatchAll(String clusterId) {
    return view(live(clusterId)).map(PublishedClusters.View::catchAll).orElse(false);
  }

  @Override
  public Optional<FaultArea> faultArea(String areaId) {
    return Optional.ofNullable(areas.get(areaId));
  }

  @Override
  public Optional<FaultArea> faultAreaOf(String clusterId) {
    String a = areaOfCluster.get(live(clusterId));
    return a == null ? Optional.empty() : Optional.ofNullable(areas.get(a));
  }

  @Override
  public Collection<FaultArea> faultAreas() {
    return List.copyOf(areas.values());
  }

  @Override
  public int documentCount() {
    return clusterOfRecord.length;
  }

  @Override
  public int clusterCount() {
    return views.length;
  }

  @Override
  public List<IssueCluster> related(String clusterId, int n) {
    Optional<PublishedClusters.View> v = view(live(clusterId));
    if (v.isEmpty()) return List.of();
    return PublishedClusters.related(v.get(), families.get(v.get().family()), n);
  }
}
