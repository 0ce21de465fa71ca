package io.fixfinder.indexer.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fixfinder.core.io.Hashes;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.analysis.Language;
import io.fixfinder.indexer.analysis.LanguageDetector;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/** The one place that turns a {@link SourceDoc} into a Lucene {@link Document}. */
public final class DocumentMapper {
  /** The bounds of a record's quality prior; search relies on the upper one to prune. */
  public static final float MIN_PRIOR = 0.5f;

  public static final float MAX_PRIOR = 2.0f;

  /**
   * The index's document order: best prior first, so search can bound each block of documents by
   * its own largest prior ({@code PriorBoostQuery}).
   */
  public static final Sort INDEX_ORDER = new Sort(byPrior());

  private static SortField byPrior() {
    SortField f = new SortField(Fields.PRIOR, SortField.Type.LONG, true);
    f.setMissingValue((long) Float.floatToRawIntBits(1f)); // as search reads a record without one
    return f;
  }

  private static final Pattern MODEL_PARTS = Pattern.compile("\\p{L}+|\\p{N}+");

  /**
   * Characters of title and text that are embedded: the fault is named in the opening, and the
   * model reads at most 256 word pieces anyway.
   */
  public static final int EMBED_CHARS = 1000;

  private DocumentMapper() {}

  /** A document without a dense vector (an index built with {@code index.embeddings: false}). */
  public static Document toDocument(SourceDoc doc) {
    return toDocument(doc, Optional.empty());
  }

  /** A document with its dense vector, when there is one. */
  public static Document toDocument(SourceDoc doc, Optional<DocVector> vector) {
    Document d = new Document();
    vector.ifPresent(
        v -> {
          d.add(
              new KnnFloatVectorField(
                  Fields.VECTOR, v.values(), VectorSimilarityFunction.DOT_PRODUCT));
          d.add(new StoredField(Fields.VECTOR_HASH, v.hash()));
        });
    d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
    // also a doc value: a ranked window reads ids without touching the stored records
    d.add(new org.apache.lucene.document.SortedDocValuesField(Fields.ID, new BytesRef(doc.id())));
    d.add(new StringField(Fields.KIND, doc.kind().id(), Field.Store.NO));
    d.add(new SortedSetDocValuesField(Fields.FACET_KIND, new BytesRef(doc.kind().id())));
    d.add(new StringField(Fields.SITE, doc.site(), Field.Store.NO));
    d.add(new TextField(Fields.BODY, doc.title(), Field.Store.NO));
    d.add(new TextField(Fields.BODY, doc.text(), Field.Store.NO));
    LanguageDetector.get()
        .ofRecord(doc)
        .ifPresent(
            lang -> {
              d.add(new StringField(Fields.LANG, lang.code(), Field.Store.NO));
              if (lang != Language.EN) {
                d.add(new TextField(Fields.bodyIn(lang.code()), doc.title(), Field.Store.NO));
                d.add(new TextField(Fields.bodyIn(lang.code()), doc.text(), Field.Store.NO));
              }
            });
    if (doc.details() instanceof Details.Guide g) {
      for (String name : g.equipmentNames())
        d.add(new TextField(Fields.TOOLS, name, Field.Store.NO));
    }
    if (!doc.product().type().isEmpty()) {
      d.add(new StringField(Fields.TYPE, doc.product().type(), Field.Store.NO));
      d.add(new SortedSetDocValuesField(Fields.FACET_TYPE, new BytesRef(doc.product().type())));
    }
    if (!doc.product().brand().isEmpty()) {
      d.add(new StringField(Fields.BRAND, brandKey(doc.product().brand()), Field.Store.NO));
      d.add(new SortedSetDocValuesField(Fields.FACET_BRAND, new BytesRef(doc.product().brand())));
    }
    if (!doc.product().model().isEmpty()) {
      d.add(
          new StringField(
              Fields.MODEL, KeyExtractor.squash(doc.product().model()), Field.Store.NO));
      for (String part : modelParts(doc.product().model())) {
        d.add(new StringField(Fields.MODEL_PARTS, part, Field.Store.NO));
      }
      d.add(
          new org.apache.lucene.document.SortedDocValuesField(
              Fields.MODEL_NAME, new BytesRef(doc.product().model())));
    }
    if (doc.details() instanceof Details.RepairReport r) {
      d.add(
          new org.apache.lucene.document.SortedDocValuesField(
              Fields.OUTCOME,
              new BytesRef(
                  java.util.Objects.requireNonNullElse(r.outcome(), "")
                      .strip()
                      .toLowerCase(Locale.ROOT))));
    }
    doc.errorCodes().forEach(c -> d.add(new StringField(Fields.CODES, c, Field.Store.NO)));
    doc.symptoms().forEach(s -> d.add(new StringField(Fields.SYMPTOMS, s, Field.Store.NO)));
    d.add(new NumericDocValuesField(Fields.FIX, doc.fixReported() ? 1 : 0));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, doc.published().getEpochSecond()));
    // a float's bits as a long, as FloatDocValuesField stores it, with a skip index: search reads
    // the largest prior of each block of documents from it (priors are positive, so the bits
    // order as the floats do)
    d.add(NumericDocValuesField.indexedField(Fields.PRIOR, Float.floatToRawIntBits(prior(doc))));
    try {
      d.add(new StoredField(Fields.SOURCE, Json.mapper().writeValueAsString(doc)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record " + doc.id() + " cannot be serialised", e);
    }
    return d;
  }

  /** What is embedded for a record: its title and the opening of its text. */
  public static String embeddingText(SourceDoc doc) {
    String t = doc.title().isBlank() ? doc.text() : doc.title().strip() + "\n" + doc.text();
    t = t.strip();
    return t.length() > EMBED_CHARS ? t.substring(0, EMBED_CHARS) : t;
  }

  /** The content hash stored beside a vector: the embedder's id and the embedded text. */
  public static String vectorHash(String embedderId, String embeddedText) {
    return Hashes.sha256Hex(embedderId + "\u0000" + embeddedText).substring(0, 32);
  }

  public static String brandKey(String brand) {
    return brand.toLowerCase(Locale.ROOT);
  }

  public static java.util.List<String> modelParts(String model) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Matcher m = MODEL_PARTS.matcher(model.toLowerCase(Locale.ROOT));
    while (m.find()) parts.add(m.group());
    return parts;
  }

  /**
   * A document's quality prior in [0.5, 2]: evidence that it helps (an accepted answer with votes,
   * a manual remedy, a well-watched video), independent of any query. Multiplied into the text
   * score by the searcher; see docs/ranking.md.
   */
  public static float prior(SourceDoc doc) {
    double p = 1.0;
    if (doc.fixReported()) p += 0.25;
    switch (doc.details()) {
      case Details.Thread t -> {
        if (t.hasAcceptedAnswer()) p += 0.25 + Math.min(0.25, Math.log1p(t.acceptedVotes()) / 12);
        else p += Math.min(0.15, Math.log1p(t.topVotes()) / 20);
      }
      case Details.ManualSection m -> p += m.remedy().isEmpty() ? 0.1 : 0.3;
      // a guide's steps are the remedy a HowTo used to be stored as: the same prior
      case Details.Guide g -> p += g.steps().isEmpty() ? 0.1 : 0.3;
      case Details.Video v -> p += Math.min(0.3, Math.log10(1 + v.views()) / 20);
      case Details.Review r -> p -= 0.1; // reviews report faults more often than they fix them
      default -> {}
    }
    return (float) Math.max(MIN_PRIOR, Math.min(MAX_PRIOR, p));
  }
}
