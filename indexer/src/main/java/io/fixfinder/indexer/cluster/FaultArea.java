package io.fixfinder.indexer.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The upper level of issue clusters: one fault area of one product type ("Power / battery" of
 * smartphones), holding the issue clusters whose members mostly name a facet of that area. The id
 * is {@code fa-} and 12 hex digits of SHA-256 over the product type and the area's key, so it is
 * the same on every machine and in every run, and it is kept in the cluster file.
 *
 * @param key the area's id in {@code fault-areas.yaml} ("power"), or {@link FaultAreas#OTHER}
 * @param issues the issue cluster ids in the area, largest first (ties by id)
 * @param size the records of those clusters
 */
public record FaultArea(
    String id,
    String family,
    String key,
    String label,
    List<String> issues,
    int size,
    Instant created) {
  public FaultArea {
    Objects.requireNonNull(id, "id");
    family = Objects.requireNonNullElse(family, "");
    Objects.requireNonNull(key, "key");
    label = Objects.requireNonNullElse(label, key);
    issues = List.copyOf(issues);
    created = Objects.requireNonNullElse(created, Instant.EPOCH);
  }
}
