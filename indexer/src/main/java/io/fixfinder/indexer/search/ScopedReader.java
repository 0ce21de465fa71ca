package io.fixfinder.indexer.search;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A view of the index in which the records outside a {@link Scope} are deleted: every query, count,
 * facet and nearest-neighbour search over it sees only what the scope admits, so no code path of
 * the searcher can forget the filter. Doc ids are those of the underlying reader, so a record found
 * here is read back from it unchanged.
 *
 * <p>The view has no cache helpers: Lucene's query cache must never share an entry between it and
 * the full index (or another scope's view).
 */
final class ScopedReader extends FilterDirectoryReader {
  private final Query scope;

  private ScopedReader(DirectoryReader in, Query scope, SubReaderWrapper wrapper)
      throws IOException {
    super(in, wrapper);
    this.scope = scope;
  }

  /**
   * {@code base}'s searcher restricted to {@code scope}; {@code base} itself when the scope is
   * unlimited.
   */
  static IndexSearcher searcher(IndexSearcher base, Scope scope) throws IOException {
    if (!scope.limited()) return base;
    IndexReader reader = base.getIndexReader();
    if (!(reader instanceof DirectoryReader directory)) {
      throw new IllegalStateException("a scoped search needs a DirectoryReader");
    }
    Query filter = scope.query();
    // The scope's matches per segment, found once with the full index's searcher.
    Weight weight = base.createWeight(base.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    java.util.Map<LeafReader, FixedBitSet> bySegment = new java.util.IdentityHashMap<>();
    for (LeafReaderContext leaf : directory.leaves()) {
      bySegment.put(leaf.reader(), admitted(weight, leaf));
    }
    ScopedReader scoped =
        new ScopedReader(
            directory,
            filter,
            new SubReaderWrapper() {
              @Override
              public LeafReader wrap(LeafReader leaf) {
                FixedBitSet live = bySegment.get(leaf);
                if (live == null) throw new IllegalStateException("a segment not of this view");
                return new Leaf(leaf, live);
              }
            });
    IndexSearcher searcher = new IndexSearcher(scoped);
    searcher.setSimilarity(base.getSimilarity());
    return searcher;
  }

  private static FixedBitSet admitted(Weight weight, LeafReaderContext context) throws IOException {
    FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
    Scorer scorer = weight.scorer(context);
    if (scorer == null) return bits;
    DocIdSetIterator it = scorer.iterator();
    Bits live = context.reader().getLiveDocs();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (live == null || live.get(doc)) bits.set(doc);
    }
    return bits;
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    throw new UnsupportedOperationException("a scoped view is made per search, never reopened");
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  public String toString() {
    return "ScopedReader(" + scope + ")";
  }

  /** One segment with the records outside the scope marked deleted. */
  private static final class Leaf extends FilterLeafReader {
    private final FixedBitSet live;
    private final int count;

    Leaf(LeafReader in, FixedBitSet live) {
      super(in);
      this.live = live;
      this.count = live.cardinality();
    }

    @Override
    public Bits getLiveDocs() {
      return live;
    }

    @Override
    public int numDocs() {
      return count;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
