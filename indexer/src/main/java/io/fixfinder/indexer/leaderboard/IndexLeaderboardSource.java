package io.fixfinder.indexer.leaderboard;

import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/** The embedded index's records, read from the doc values of the searcher being served. */
public final class IndexLeaderboardSource implements LeaderboardSource {
  private final SearcherManager searchers;

  public IndexLeaderboardSource(SearcherManager searchers) {
    this.searchers = searchers;
  }

  @Override
  public View open() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    return new View() {
      @Override
      public Object generation() {
        IndexReader reader = searcher.getIndexReader();
        // a new generation or a refresh is a new reader, with a new key
        return reader.getReaderCacheHelper() == null
            ? reader
            : reader.getReaderCacheHelper().getKey();
      }

      @Override
      public Map<Placement, Long> placements() throws IOException {
        Map<Placement, Long> counts = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          LeafReader r = leaf.reader();
          Bits live = r.getLiveDocs();
          LeafValues values = new LeafValues(r);
          for (int doc = 0; doc < r.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) continue;
            values.at(doc).ifPresent(p -> counts.merge(p, 1L, Long::sum));
          }
        }
        return counts;
      }

      @Override
      public Map<String, Placement> locate(Collection<String> ids) throws IOException {
        Map<String, Placement> out = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (String id : ids) {
          TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
          if (top.scoreDocs.length == 0) continue;
          int doc = top.scoreDocs[0].doc;
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          new LeafValues(leaf.reader()).at(doc - leaf.docBase).ifPresent(p -> out.put(id, p));
        }
        return out;
      }

      @Override
      public void close() throws IOException {
        searchers.release(searcher);
      }
    };
  }

  /** One segment's doc values; read documents in increasing order. */
  private static final class LeafValues {
    final SortedSetDocValues type;
    final SortedSetDocValues brand;
    final SortedDocValues model;
    final SortedDocValues outcome;
    final NumericDocValues fix;

    LeafValues(LeafReader r) throws IOException {
      type = DocValues.getSortedSet(r, Fields.FACET_TYPE);
      brand = DocValues.getSortedSet(r, Fields.FACET_BRAND);
      model = DocValues.getSorted(r, Fields.MODEL_NAME);
      outcome = DocValues.getSorted(r, Fields.OUTCOME);
      fix = DocValues.getNumeric(r, Fields.FIX);
    }

    /** The document's placement, empty when it has no product type. */
    Optional<Placement> at(int doc) throws IOException {
      if (!type.advanceExact(doc)) return Optional.empty();
      String t = type.lookupOrd(type.nextOrd()).utf8ToString();
      String b = brand.advanceExact(doc) ? brand.lookupOrd(brand.nextOrd()).utf8ToString() : "";
      String m = model.advanceExact(doc) ? model.lookupOrd(model.ordValue()).utf8ToString() : "";
      Optional<String> o =
          outcome.advanceExact(doc)
              ? Optional.of(outcome.lookupOrd(outcome.ordValue()).utf8ToString())
              : Optional.empty();
      boolean f = fix.advanceExact(doc) && fix.longValue() == 1;
      return Optional.of(new Placement(t, b, m, o, f));
    }
  }
}
