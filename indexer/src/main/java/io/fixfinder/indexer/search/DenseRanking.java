package io.fixfinder.indexer.search;

import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;

/**
 * The dense side of search: nearest neighbours of the query's embedding in the HNSW graph, scored
 * prior × max(0, cosine), and the exact cosine of lexical candidates the neighbours lack.
 */
final class DenseRanking {
  private DenseRanking() {}

  static boolean hasVectors(IndexSearcher searcher) {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(Fields.VECTOR);
      if (info != null && info.getVectorDimension() > 0) return true;
    }
    return false;
  }

  /**
   * The {@code k} nearest neighbours of {@code vector} among the records passing the request's
   * filters (applied inside the graph search, so a filter never empties the list), best first.
   */
  static ScoreDoc[] neighbours(IndexSearcher searcher, SearchRequest request, float[] vector, int k)
      throws IOException {
    return neighbours(searcher, request, vector, k, null);
  }

  /** As above, also restricted by {@code scope} (the query's product type) when not null. */
  static ScoreDoc[] neighbours(
      IndexSearcher searcher, SearchRequest request, float[] vector, int k, Query scope)
      throws IOException {
    List<Query> filters = new java.util.ArrayList<>(QueryBuilder.filters(request));
    if (scope != null) filters.add(scope);
    Query filter = null;
    if (!filters.isEmpty()) {
      BooleanQuery.Builder f = new BooleanQuery.Builder();
      filters.forEach(q -> f.add(q, BooleanClause.Occur.FILTER));
      filter = f.build();
    }
    return ranked(searcher, new KnnFloatVectorQuery(Fields.VECTOR, vector, k, filter), k);
  }

  /**
   * Runs the nearest-neighbour query and scores each hit prior × max(0, cosine), best first. Lucene
   * scores a dot-product hit (1 + cosine) / 2, which squeezes every hit into [0.5, 1]; the prior
   * multiplied into that would outweigh meaning, so the cosine is recovered first.
   */
  private static ScoreDoc[] ranked(IndexSearcher searcher, Query dense, int k) throws IOException {
    ScoreDoc[] hits = searcher.search(dense, k).scoreDocs;
    // In doc order, so each segment's priors are opened once and only stepped forward.
    Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    NumericDocValues priors = null;
    for (ScoreDoc hit : hits) {
      if (leaf == null || hit.doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        priors = leaf.reader().getNumericDocValues(Fields.PRIOR);
      }
      hit.score = prior(priors, hit.doc - leaf.docBase) * Math.max(0f, 2 * hit.score - 1);
    }
    Arrays.sort(hits, BEST_FIRST);
    return hits;
  }

  /**
   * The dense list completed with the exact prior × cosine of every lexical candidate it lacks, so
   * fusion compares both signals on every candidate instead of treating "not in the top k" as 0.
   * The candidates are read in doc order, so each segment's vectors and priors are opened once and
   * only stepped forward.
   */
  static ScoreDoc[] withExact(
      IndexSearcher searcher, ScoreDoc[] dense, ScoreDoc[] lexical, float[] query)
      throws IOException {
    Set<Integer> have = new HashSet<>();
    for (ScoreDoc d : dense) have.add(d.doc);
    int[] missing =
        Arrays.stream(lexical).mapToInt(d -> d.doc).filter(d -> !have.contains(d)).toArray();
    Arrays.sort(missing);
    List<ScoreDoc> out = new ArrayList<>(Arrays.asList(dense));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator vectors = null;
    NumericDocValues priors = null;
    int last = -1;
    for (int doc : missing) {
      if (doc == last) continue;
      last = doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        vectors = values == null ? null : values.iterator();
        priors = leaf.reader().getNumericDocValues(Fields.PRIOR);
      }
      if (vectors == null) continue;
      int local = doc - leaf.docBase;
      int at = vectors.docID() < local ? vectors.advance(local) : vectors.docID();
      if (at != local) continue;
      // Lucene's dot product: the one the graph scored with (SIMD when the Vector API is on)
      float cos = VectorUtil.dotProduct(query, values.vectorValue(vectors.index()));
      out.add(new ScoreDoc(doc, prior(priors, local) * Math.max(0f, cos)));
    }
    out.sort(BEST_FIRST);
    return out.toArray(ScoreDoc[]::new);
  }

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc);

  /** A record's prior from its segment's priors, read forward only; 1 without one. */
  private static float prior(NumericDocValues priors, int local) throws IOException {
    if (priors != null && priors.advanceExact(local)) {
      return Float.intBitsToFloat((int) priors.longValue());
    }
    return 1f;
  }
}
