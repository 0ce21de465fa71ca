package io.fixfinder.indexer.search;

import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Reads whole records back from the live index: by id, or every record of one product. */
public final class RecordLookup {
  /** Records of one product are capped: a product page shows a summary, not everything. */
  public static final int MAX_PRODUCT_RECORDS = 2_000;

  private final SearcherManager searchers;

  public RecordLookup(SearcherManager searchers) {
    this.searchers = searchers;
  }

  /** The records with these ids that the index holds, keyed by id, in the order asked. */
  public Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException {
    Map<String, SourceDoc> found = new LinkedHashMap<>();
    if (ids.isEmpty()) return found;
    List<BytesRef> terms = ids.stream().distinct().map(BytesRef::new).toList();
    IndexSearcher searcher = searchers.acquire();
    try {
      Map<String, SourceDoc> all = new java.util.HashMap<>();
      for (ScoreDoc sd :
          searcher.search(new TermInSetQuery(Fields.ID, terms), terms.size()).scoreDocs) {
        SourceDoc doc = read(searcher.storedFields(), sd.doc);
        all.put(doc.id(), doc);
      }
      for (String id : ids) {
        SourceDoc doc = all.get(id);
        if (doc != null) found.put(id, doc);
      }
      return found;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Whether the index holds a record with this id. */
  public boolean exists(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Fields.ID, id))) > 0;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Records about the product whose {@link io.fixfinder.core.model.ProductRef#productId()} is
   * {@code productId} (at most {@link #MAX_PRODUCT_RECORDS}). The id carries brand and model only
   * in squashed form, so candidates are found by model and checked by their full id.
   */
  public List<SourceDoc> byProduct(String productId) throws IOException {
    int dash = productId.indexOf('-');
    if (dash <= 0 || dash == productId.length() - 1) return List.of();
    String model = KeyExtractor.squash(productId.substring(dash + 1));
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.MODEL, model)), BooleanClause.Occur.FILTER)
            .build();
    IndexSearcher searcher = searchers.acquire();
    try {
      List<SourceDoc> out = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(query, MAX_PRODUCT_RECORDS).scoreDocs) {
        SourceDoc doc = read(stored, sd.doc);
        if (doc.product().productId().equals(productId)) out.add(doc);
      }
      return out;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The record stored with Lucene document {@code doc}: the one place records are read back. */
  static SourceDoc read(StoredFields stored, int doc) throws IOException {
    String json = stored.document(doc).get(Fields.SOURCE);
    return Json.mapper().readValue(json, SourceDoc.class);
  }
}
