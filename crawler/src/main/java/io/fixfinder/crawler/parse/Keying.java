package io.fixfinder.crawler.parse;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;

/**
 * Keys a draft by product and fault with the shared {@link KeyExtractor}: the same code that
 * interprets user queries, so "wm 8420x" in a thread and in a query meet.
 */
public final class Keying {
  private final KeyExtractor extractor;

  public Keying(KeyExtractor extractor) {
    this.extractor = extractor;
  }

  public SourceDoc key(Draft draft, String site) {
    Keys keys = extractor.extract(draft.title() + "\n" + draft.text());
    ProductRef hint = draft.productHint();
    if (!hint.model().isEmpty())
      hint = new ProductRef(hint.type(), hint.brand(), extractor.model(hint.model()));
    ProductRef fromHint =
        hint.isUnknown()
            ? hint
            : extractor.product(hint.brand() + " " + hint.model() + " " + hint.type());
    ProductRef product = hint.orElse(fromHint).orElse(keys.product());
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
        product,
        keys.errorCodes(),
        keys.symptoms(),
        fixed,
        draft.published(),
        draft.details());
  }
}
