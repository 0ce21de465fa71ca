package io.fixfinder.opensearch.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.analysis.Language;
import io.fixfinder.indexer.analysis.LanguageDetector;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as an OpenSearch document: the same fields with the same values as {@link
 * DocumentMapper} writes into the embedded index (field names from {@link Fields}), so the same
 * term queries match the same records. Title and text are two values of the prose field, as there.
 */
final class RecordDocuments {
  private RecordDocuments() {}

  static Map<String, Object> of(SourceDoc doc, Optional<float[]> vector, String vectorHash) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(Fields.ID, doc.id());
    d.put(Fields.KIND, doc.kind().id());
    d.put(Fields.FACET_KIND, doc.kind().id());
    d.put(Fields.SITE, doc.site());
    d.put(Fields.BODY, List.of(doc.title(), doc.text()));
    LanguageDetector.get()
        .ofRecord(doc)
        .ifPresent(
            lang -> {
              d.put(Fields.LANG, lang.code());
              if (lang != Language.EN) {
                d.put(Fields.bodyIn(lang.code()), List.of(doc.title(), doc.text()));
              }
            });
    if (doc.details() instanceof Details.Guide g && !g.equipmentNames().isEmpty()) {
      d.put(Fields.TOOLS, g.equipmentNames());
    }
    if (!doc.product().type().isEmpty()) {
      d.put(Fields.TYPE, doc.product().type());
      d.put(Fields.FACET_TYPE, doc.product().type());
    }
    if (!doc.product().brand().isEmpty()) {
      d.put(Fields.BRAND, DocumentMapper.brandKey(doc.product().brand()));
      d.put(Fields.FACET_BRAND, doc.product().brand()); // as shown, where the key is folded
    }
    if (!doc.product().model().isEmpty()) {
      d.put(Fields.MODEL, KeyExtractor.squash(doc.product().model()));
      d.put(Fields.MODEL_PARTS, DocumentMapper.modelParts(doc.product().model()));
      d.put(Fields.MODEL_NAME, doc.product().model());
    }
    if (doc.details() instanceof Details.RepairReport r) {
      d.put(
          Fields.OUTCOME,
          Objects.requireNonNullElse(r.outcome(), "").strip().toLowerCase(Locale.ROOT));
    }
    if (!doc.errorCodes().isEmpty()) d.put(Fields.CODES, doc.errorCodes());
    if (!doc.symptoms().isEmpty()) d.put(Fields.SYMPTOMS, doc.symptoms());
    d.put(Fields.FIX, doc.fixReported() ? 1 : 0);
    d.put(Fields.PUBLISHED, doc.published().getEpochSecond());
    d.put(Fields.PRIOR, DocumentMapper.prior(doc));
    vector.ifPresent(
        v -> {
          List<Float> values = new ArrayList<>(v.length);
          for (float x : v) values.add(x);
          d.put(Fields.VECTOR, values);
          d.put(Fields.VECTOR_HASH, vectorHash);
        });
    try {
      d.put(Fields.SOURCE, Json.mapper().writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record " + doc.id() + " cannot be serialised", e);
    }
    return d;
  }

  /** The record stored in a document's {@link Fields#SOURCE}. */
  static SourceDoc record(Map<?, ?> source) {
    Object json = source.get(Fields.SOURCE);
    if (!(json instanceof String s)) {
      throw new IllegalStateException(
          "a document without its record (field " + Fields.SOURCE + ")");
    }
    try {
      return Json.mapper().readValue(s, SourceDoc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored record cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
