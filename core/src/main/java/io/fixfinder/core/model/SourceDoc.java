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
 * @param siteName the site's name for people ("FixIt Forum"): from the page's own metadata, else
 *     the sources file, else the registrable host; empty in records written before it existed
 *     ({@link #displaySite()} then falls back to the host)
 * @param thumbnail the SHA-256 (hex) of the record's preview image kept in the data directory's
 *     thumbnail store (a video's thumbnail), empty when there is none
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
    List<String> alsoAt,
    String siteName,
    String thumbnail) {

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
    siteName = Objects.requireNonNullElse(siteName, "").strip();
    thumbnail = Objects.requireNonNullElse(thumbnail, "");
    if (!thumbnail.isEmpty() && !THUMBNAIL.matcher(thumbnail).matches()) {
      throw new IllegalArgumentException("thumbnail must be a SHA-256 in hex, got: " + thumbnail);
    }
  }

  private static final java.util.regex.Pattern THUMBNAIL =
      java.util.regex.Pattern.compile("[0-9a-f]{64}");

  /** A record without a site name or thumbnail (written before they existed, or not known). */
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
      Details details,
      List<String> alsoAt) {
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
        alsoAt,
        "",
        "");
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
        List.of(),
        "",
        "");
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
        more,
        siteName,
        thumbnail);
  }

  /** The same record with the site's name for people. */
  public SourceDoc withSiteName(String name) {
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
        alsoAt,
        name,
        thumbnail);
  }

  /** The same record with a preview image, by its SHA-256 in the thumbnail store. */
  public SourceDoc withThumbnail(String sha256) {
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
        alsoAt,
        siteName,
        sha256);
  }

  /**
   * The site as people should read it: its name, else the host without a port ("127.0.0.1:45795" is
   * an address, not a name) and without "www.".
   */
  public String displaySite() {
    if (!siteName.isEmpty()) return siteName;
    String host = site;
    if (host.startsWith("[")) return host.substring(0, host.indexOf(']') + 1);
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon) host = host.substring(0, colon);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** A stable id: the first 16 bytes of SHA-256 over the canonical URL, as hex. */
  public static String idFor(String canonicalUrl) {
    return Hashes.sha256Hex(canonicalUrl).substring(0, 32);
  }
}
