package io.fixfinder.core.model;

import io.fixfinder.core.io.Hashes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One crawled or imported record, keyed by product and fault. The crawler writes these; the indexer
 * maps them to Lucene documents. Text fields hold plain text already stripped of markup.
 *
 * @param id stable id derived from the canonical URL (see {@link #idFor})
 * @param fixReported whether the record reports a fix: an accepted answer, "that fixed it", a
 *     manual remedy, a repair report with outcome Fixed
 * @param alsoAt other URLs where the same content was found (exact or near duplicates)
 */
public record SourceDoc(
    String id,
    String url,
    SourceKind kind,
    String site,
    String title,
    String text,
    ProductRef product,
    List<String> errorCodes,
    List<String> symptoms,
    boolean fixReported,
    Instant published,
    Details details,
    List<String> alsoAt) {

  public SourceDoc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    site = Objects.requireNonNullElse(site, "");
    title = Objects.requireNonNullElse(title, "");
    text = Objects.requireNonNullElse(text, "");
    product = Objects.requireNonNullElse(product, ProductRef.UNKNOWN);
    errorCodes = List.copyOf(Objects.requireNonNullElse(errorCodes, List.of()));
    symptoms = List.copyOf(Objects.requireNonNullElse(symptoms, List.of()));
    published = Objects.requireNonNullElse(published, Instant.EPOCH);
    details = Objects.requireNonNullElse(details, new Details.None());
    alsoAt = List.copyOf(Objects.requireNonNullElse(alsoAt, List.of()));
  }

  /** A record found at one URL only. */
  public SourceDoc(
      String id,
      String url,
      SourceKind kind,
      String site,
      String title,
      String text,
      ProductRef product,
      List<String> errorCodes,
      List<String> symptoms,
      boolean fixReported,
      Instant published,
      Details details) {
    this(
        id,
        url,
        kind,
        site,
        title,
        text,
        product,
        errorCodes,
        symptoms,
        fixReported,
        published,
        details,
        List.of());
  }

  /** The same record, also found at {@code otherUrl}. */
  public SourceDoc withAlsoAt(String otherUrl) {
    if (otherUrl.equals(url) || alsoAt.contains(otherUrl)) return this;
    List<String> more = new java.util.ArrayList<>(alsoAt);
    more.add(otherUrl);
    return new SourceDoc(
        id,
        url,
        kind,
        site,
        title,
        text,
        product,
        errorCodes,
        symptoms,
        fixReported,
        published,
        details,
        more);
  }

  /** A stable id: the first 16 bytes of SHA-256 over the canonical URL, as hex. */
  public static String idFor(String canonicalUrl) {
    return Hashes.sha256Hex(canonicalUrl).substring(0, 32);
  }
}
