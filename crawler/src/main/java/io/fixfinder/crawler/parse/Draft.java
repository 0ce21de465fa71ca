package io.fixfinder.crawler.parse;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import java.time.Instant;

/**
 * A record before keying. {@code productHint} carries what markup said explicitly (a Product's
 * brand and model), which beats what keying guesses from text; {@code fixHint} is set when the
 * structure itself reports a fix (an accepted answer, a manual remedy).
 */
public record Draft(
    String url,
    SourceKind kind,
    String title,
    String text,
    ProductRef productHint,
    boolean fixHint,
    Instant published,
    Details details,
    java.util.Optional<java.net.URI> thumbnail) {

  public Draft {
    title = Html.clean(title);
    text = text == null ? "" : text.strip();
    productHint = productHint == null ? ProductRef.UNKNOWN : productHint;
    published = published == null ? Instant.EPOCH : published;
    details = details == null ? new Details.None() : details;
    thumbnail = thumbnail == null ? java.util.Optional.empty() : thumbnail;
  }

  /** A draft without a preview image (every page; a video has its thumbnail). */
  public Draft(
      String url,
      SourceKind kind,
      String title,
      String text,
      ProductRef productHint,
      boolean fixHint,
      Instant published,
      Details details) {
    this(
        url,
        kind,
        title,
        text,
        productHint,
        fixHint,
        published,
        details,
        java.util.Optional.empty());
  }
}
