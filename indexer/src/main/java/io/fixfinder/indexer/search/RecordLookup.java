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
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Reads whole records back from the live index: by id, or every record of one product. */
public final class RecordLookup implements RecordReader {
  /** Records of one product are capped: a product page shows a summary, not everything. */
  public static final int MAX_PRODUCT_RECORDS = 2_000;

  private final SearcherManager searchers;

  public RecordLookup(SearcherManager searchers) {
    this.searchers = searchers;
  }

  /** The records with these ids that the index holds, keyed by id, in the order asked. */
  @Override
  public Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException {
    Map<String, SourceDoc> found = new LinkedHashMap<>();
    if (ids.isEmpty()) return found;
    IndexSearcher searcher = searchers.acquire();
    try {
      Map<String, SourceDoc> all = read(searcher.getIndexReader(), List.of(), ids);
      for (String id : ids) {
        SourceDoc doc = all.get(id);
        if (doc != null) found.put(id, doc);
      }
      return found;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The records of Lucene documents {@code docs} and those with record ids {@code ids} in {@code
   * reader}, keyed by record id; ids the reader does not hold are left out. One stored-fields
   * reader for all, in document order: each new one allocates a decompression buffer per segment
   * (tens of kilobytes), and neighbours in one compressed block are decompressed once.
   */
  static Map<String, SourceDoc> read(IndexReader reader, List<Integer> docs, Collection<String> ids)
      throws IOException {
    int[] all = new int[docs.size() + ids.size()];
    int n = 0;
    for (int d : docs) all[n++] = d;
    if (!ids.isEmpty()) {
      List<BytesRef> terms = ids.stream().distinct().map(BytesRef::new).sorted().toList();
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms field = leaf.reader().terms(Fields.ID);
        if (field == null) continue;
        TermsEnum te = field.iterator();
        Bits live = leaf.reader().getLiveDocs();
        PostingsEnum postings = null;
        for (BytesRef term : terms) {
          if (!te.seekExact(term)) continue;
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc();
              d != DocIdSetIterator.NO_MORE_DOCS;
              d = postings.nextDoc()) {
            if (live != null && !live.get(d)) continue;
            if (n == all.length) all = java.util.Arrays.copyOf(all, n * 2 + 1);
            all[n++] = leaf.docBase + d;
          }
        }
      }
    }
    int[] sorted = java.util.Arrays.copyOf(all, n);
    java.util.Arrays.sort(sorted);
    Map<String, SourceDoc> out = new java.util.HashMap<>();
    StoredFields stored = reader.storedFields();
    int last = -1;
    for (int d : sorted) {
      if (d == last) continue;
      last = d;
      SourceDoc doc = read(stored, d);
      out.put(doc.id(), doc);
    }
    return out;
  }

  /** Whether the index holds a record with this id. */
  @Override
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
  @Override
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
    SourceOnly visitor = new SourceOnly();
    stored.document(doc, visitor);
    return Json.mapper().readValue(visitor.json, SourceDoc.class);
  }

  /** Takes the stored record's JSON and stops: the other stored fields are not built. */
  private static final class SourceOnly extends StoredFieldVisitor {
    String json;

    @Override
    public Status needsField(FieldInfo field) {
      if (field.name.equals(Fields.SOURCE)) return Status.YES;
      return json == null ? Status.NO : Status.STOP;
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      json = value;
    }
  }
}
