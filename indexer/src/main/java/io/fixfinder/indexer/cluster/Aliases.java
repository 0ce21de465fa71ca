package io.fixfinder.indexer.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merged cluster ids and the live ids they stand for, both ways. A vote or link on a merged id
 * counts for its live cluster, and a live cluster's tally sums its merged ids' votes for every
 * group of every search, so the reverse lookup is made once, when the aliases are published, and
 * not by a scan of all merged ids per call (they are kept for ever).
 *
 * @param toLive merged id to the live id it resolves to
 * @param byLive live id to its merged ids, sorted
 */
record Aliases(Map<String, String> toLive, Map<String, List<String>> byLive) {
  static final Aliases NONE = new Aliases(Map.of(), Map.of());

  static Aliases of(Map<String, String> aliases) {
    Map<String, List<String>> by = new HashMap<>();
    new TreeMap<>(aliases)
        .forEach((from, to) -> by.computeIfAbsent(to, k -> new ArrayList<>()).add(from));
    by.replaceAll((live, merged) -> List.copyOf(merged));
    return new Aliases(Map.copyOf(aliases), Map.copyOf(by));
  }

  /** The merged ids that resolve to {@code liveId}, sorted; empty when none. */
  List<String> mergedInto(String liveId) {
    return byLive.getOrDefault(liveId, List.of());
  }
}
