package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.SourceKind;
import java.util.List;
import java.util.Objects;

/**
 * What clustering reads from one record: its product family, brand-qualified error codes, fault
 * facets, a quantised text embedding, and the figures that cluster statistics add up.
 *
 * @param contentHash hash of what decides placement (kind, title, text, product, codes, symptoms)
 * @param fullHash hash of the whole record: equal means re-adding it changes nothing
 * @param family the product type id ("" when unknown): clusters never span two families
 * @param codes error-code keys: {@code BRAND:CODE} ({@code Aqualine:E18}), {@code ?:CODE} when the
 *     brand is unknown, or the bare code for codes of a whole product type (OBD-II {@code P0301})
 * @param facets fault facet ids ({@link FaultVocabulary}), in order of first mention
 * @param vector the embedding quantised to one signed byte per dimension, times {@code scale}
 * @param quality how good a representative of its kind the record is (see {@link Signals})
 * @param phrases label candidates (one to three words) from the record's title or problem text
 * @param specificWords how many words of that text are neither stop words nor generic
 */
public record DocSignals(
    String docId,
    long contentHash,
    long fullHash,
    String family,
    String brand,
    String model,
    List<String> codes,
    List<String> facets,
    byte[] vector,
    float scale,
    SourceKind kind,
    float quality,
    boolean fixReported,
    Outcome outcome,
    List<String> phrases,
    int specificWords) {

  /** A repair report's outcome (Open Repair Data), NONE for other records. */
  public enum Outcome {
    NONE,
    FIXED,
    REPAIRABLE,
    END_OF_LIFE
  }

  public DocSignals {
    Objects.requireNonNull(docId, "docId");
    family = Objects.requireNonNullElse(family, "");
    brand = Objects.requireNonNullElse(brand, "");
    model = Objects.requireNonNullElse(model, "");
    codes = List.copyOf(codes);
    facets = List.copyOf(facets);
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(kind, "kind");
    outcome = Objects.requireNonNullElse(outcome, Outcome.NONE);
    phrases = List.copyOf(phrases);
  }

  /** The first (main) facet, or "" without any. */
  public String primaryFacet() {
    return facets.isEmpty() ? "" : facets.getFirst();
  }

  /** The first (main) error-code key, or "" without any. */
  public String primaryCode() {
    return codes.isEmpty() ? "" : codes.getFirst();
  }

  /** Adds this record's embedding, de-quantised, to {@code sum} times {@code sign}. */
  void addTo(double[] sum, int sign) {
    for (int i = 0; i < vector.length; i++) sum[i] += sign * (double) vector[i] * scale;
  }

  /** Dot product of the de-quantised embedding with {@code unit}. */
  double dot(float[] unit) {
    double d = 0;
    for (int i = 0; i < vector.length; i++) d += vector[i] * unit[i];
    return d * scale;
  }

  /** One signed byte per dimension: the largest magnitude maps to 127. */
  static byte[] quantise(float[] v, float[] scaleOut) {
    float max = 0;
    for (float x : v) max = Math.max(max, Math.abs(x));
    float scale = max == 0 ? 1f : max / 127f;
    byte[] q = new byte[v.length];
    for (int i = 0; i < v.length; i++) q[i] = (byte) Math.round(v[i] / scale);
    scaleOut[0] = scale;
    return q;
  }
}
