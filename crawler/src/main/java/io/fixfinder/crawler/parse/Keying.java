package io.fixfinder.crawler.parse;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.DocumentKeying;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;

/**
 * Keys a draft by product and fault with the shared {@link KeyExtractor}'s document keying: the
 * same lexicon that interprets user queries, so "wm 8420x" in a thread and in a query meet, but a
 * page keys only on evidence (title, the site's breadcrumbs, structured hints, repeated mentions),
 * not on the first word that matches. Fields below {@link DocumentKeying#THRESHOLD} are left empty.
 */
public final class Keying {
  private final KeyExtractor extractor;

  public Keying(KeyExtractor extractor) {
    this.extractor = extractor;
  }

  /** Keys a draft without page context (a PDF, a record put whole). */
  public SourceDoc key(Draft draft, String site) {
    return key(draft, site, PageContext.NONE);
  }

  public SourceDoc key(Draft draft, String site, PageContext context) {
    DocumentKeying.Result result =
        extractor.extractDocument(
            new DocumentKeying.Page(
                draft.title(),
                draft.text(),
                context.trail(),
                context.urlPath(),
                draft.productHint()));
    Keys keys = result.keys();
    boolean fixed =
        draft.fixHint()
            || keys.fix() == Keys.FixSignal.FIXED
            || (draft.details() instanceof Details.Thread t && t.hasAcceptedAnswer());
    return new SourceDoc(
        SourceDoc.idFor(draft.url()),
        draft.url(),
        draft.kind(),
        site,
        draft.title(),
        draft.text(),
        keys.product(),
        keys.errorCodes(),
        keys.symptoms(),
        fixed,
        draft.published(),
        draft.details());
  }
}
