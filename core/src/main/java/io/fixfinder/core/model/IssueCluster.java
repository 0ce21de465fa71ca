package io.fixfinder.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fault of one product family, as reported across sources: the unit that search results are
 * grouped by and that feedback, helpers and statistics attach to. The id is stable: it survives
 * re-indexing and growth (new records join existing clusters).
 *
 * @param id stable id, {@code iss-} followed by lower-case letters and digits
 * @param label human-readable name of the fault, e.g. "Drain pump blocked (E18)"
 * @param scope the product family: type, and brand and model when the members share them
 * @param sourceMix member count per source kind id (manual, forum, video, ...)
 * @param outcomes what members report about fixing it
 * @param topDocs the best member record id per source kind id
 */
public record IssueCluster(
    String id,
    String label,
    ProductRef scope,
    List<String> errorCodes,
    List<String> symptoms,
    int size,
    Map<String, Integer> sourceMix,
    Outcomes outcomes,
    Map<String, String> topDocs,
    Instant created,
    Instant updated) {

  public IssueCluster {
    Objects.requireNonNull(id, "id");
    label = Objects.requireNonNullElse(label, "");
    scope = Objects.requireNonNullElse(scope, ProductRef.UNKNOWN);
    errorCodes = List.copyOf(Objects.requireNonNullElse(errorCodes, List.of()));
    symptoms = List.copyOf(Objects.requireNonNullElse(symptoms, List.of()));
    // sorted, so the JSON of one cluster is the same from run to run
    sourceMix =
        java.util.Collections.unmodifiableMap(
            new java.util.TreeMap<>(Objects.requireNonNullElse(sourceMix, Map.of())));
    outcomes = Objects.requireNonNullElse(outcomes, Outcomes.NONE);
    topDocs =
        java.util.Collections.unmodifiableMap(
            new java.util.TreeMap<>(Objects.requireNonNullElse(topDocs, Map.of())));
    created = Objects.requireNonNullElse(created, Instant.EPOCH);
    updated = Objects.requireNonNullElse(updated, created);
  }

  /**
   * Fix evidence of a cluster's members.
   *
   * @param reportedFixes records that report a fix (accepted answer, "that fixed it", a manual
   *     remedy)
   * @param repairsFixed repair reports (Open Repair Data) with outcome Fixed
   * @param repairsRepairable repair reports with outcome Repairable (not fixed on the day)
   * @param repairsEndOfLife repair reports with outcome End of life
   */
  public record Outcomes(
      int reportedFixes, int repairsFixed, int repairsRepairable, int repairsEndOfLife) {
    public static final Outcomes NONE = new Outcomes(0, 0, 0, 0);

    public int repairs() {
      return repairsFixed + repairsRepairable + repairsEndOfLife;
    }

    /** Share of repair reports that ended Fixed; empty without any report. */
    public java.util.OptionalDouble realWorldFixRate() {
      int n = repairs();
      return n == 0
          ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of((double) repairsFixed / n);
    }
  }
}
