package io.fixfinder.indexer.write;

import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds the vector an index already holds for a record, if its content hash still matches, so
 * unchanged records are not embedded again (embedding is the slowest step of indexing).
 */
final class StoredVectors {
  private StoredVectors() {}

  /**
   * The stored vector of record {@code id} when it was computed from content hashing to {@code
   * hash}.
   */
  static Optional<float[]> find(IndexSearcher searcher, String id, String hash) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) return Optional.empty();
    int doc = top.scoreDocs[0].doc;
    String stored =
        searcher.storedFields().document(doc, Set.of(Fields.VECTOR_HASH)).get(Fields.VECTOR_HASH);
    if (!hash.equals(stored)) return Optional.empty();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    if (values == null) return Optional.empty();
    int local = doc - leaf.docBase;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(local) != local) return Optional.empty();
    return Optional.of(values.vectorValue(it.index()).clone());
  }
}
