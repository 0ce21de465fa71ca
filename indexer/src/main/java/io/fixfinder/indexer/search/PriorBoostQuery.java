package io.fixfinder.indexer.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query's score times each record's quality prior (a float doc value in {@code [min, max]}).
 * Unlike a function score, it keeps Lucene's dynamic pruning: the prior is bounded, so a block's
 * best possible score is the inner query's bound times {@code max}, and a minimum competitive score
 * passes down divided by {@code max}. Measured at one million records this took search from scoring
 * every match to skipping most of them (docs/benchmarks.md).
 *
 * <p>On a segment sorted by the prior, best first, with a skip index on it, the bound is the
 * largest prior of each block of documents rather than of the whole index: the segment is scored
 * block by block, each with the minimum competitive score divided by its own, falling, bound. Most
 * records have an ordinary prior, so most blocks are pruned as if there were no prior at all
 * (docs/benchmarks.md).
 */
final class PriorBoostQuery extends Query {
  private final Query in;
  private final String field;
  private final float max;
  private final float exponent;
  private final float maxPrior;

  PriorBoostQuery(Query in, String field, float max) {
    this(in, field, max, 1f);
  }

  /**
   * The score times prior^{@code exponent}: 1 multiplies by the prior as it is, 0 ignores it, in
   * between softens it (a prior of 2 counts √2 at 0.5).
   */
  PriorBoostQuery(Query in, String field, float max, float exponent) {
    this.in = Objects.requireNonNull(in);
    this.field = Objects.requireNonNull(field);
    if (!(max >= 1)) throw new IllegalArgumentException("max prior must be >= 1, got " + max);
    if (!(exponent >= 0 && exponent <= 1)) {
      throw new IllegalArgumentException("prior exponent must be in [0, 1], got " + exponent);
    }
    this.maxPrior = max;
    this.exponent = exponent;
    this.max = strength(max, exponent);
  }

  /** The query whose score the prior multiplies (an engine elsewhere applies the prior itself). */
  Query inner() {
    return in;
  }

  /** A prior as it counts: prior^exponent (bounds too, the power being monotone). */
  static float strength(float prior, float exponent) {
    return exponent == 1f ? prior : (float) Math.pow(prior, exponent);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in
        ? super.rewrite(searcher)
        : new PriorBoostQuery(rewritten, field, maxPrior, exponent);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) return inner;
    return new FilterWeight(this, inner) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation e = in.explain(context, doc);
        if (!e.isMatch()) return e;
        float prior = strength(prior(priors(context), doc), exponent);
        return Explanation.match(
            e.getValue().floatValue() * prior,
            "score × prior",
            e,
            Explanation.match(prior, "prior of the record (" + field + ")"));
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier inner = in.scorerSupplier(context);
        if (inner == null) return null;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new PriorScorer(inner.get(leadCost), priors(context), max, exponent);
          }

          @Override
          public BulkScorer bulkScorer() throws IOException {
            BulkScorer bulk = inner.bulkScorer();
            NumericDocValues priors = priors(context);
            // Per-block bounds only where they never rise (a segment sorted best prior first):
            // a lower minimum competitive score may not be passed down after a higher one.
            DocValuesSkipper blocks =
                sortedByPrior(context) ? context.reader().getDocValuesSkipper(field) : null;
            return new BulkScorer() {
              @Override
              public int score(LeafCollector collector, Bits acceptDocs, int min, int maxDoc)
                  throws IOException {
                float[] minScore = {0f}; // the collector's last minimum competitive score
                if (blocks == null) {
                  return bulk.score(
                      new PriorCollector(collector, priors, max, exponent, minScore),
                      acceptDocs,
                      min,
                      maxDoc);
                }
                int doc = min;
                while (doc < maxDoc) {
                  Block block = block(blocks, doc, maxDoc);
                  doc =
                      bulk.score(
                          new PriorCollector(collector, priors, block.bound(), exponent, minScore),
                          acceptDocs,
                          doc,
                          block.end());
                  // the answer may under-estimate the next match, even below the block's end
                  doc = Math.max(doc, block.end());
                }
                return doc;
              }

              @Override
              public long cost() {
                return bulk.cost();
              }
            };
          }

          @Override
          public long cost() {
            return inner.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            inner.setTopLevelScoringClause();
          }
        };
      }
    };
  }

  private NumericDocValues priors(LeafReaderContext context) throws IOException {
    return context.reader().getNumericDocValues(field);
  }

  /**
   * Documents from a block's first up to {@code end} (exclusive), whose priors are at most bound.
   */
  private record Block(int end, float bound) {}

  /**
   * The block of documents that starts at {@code doc}: the widest one of the skip index around it
   * whose largest prior is that of doc's own smallest block, cut at {@code maxDoc}. Records without
   * a prior count 1. Calls must come with increasing {@code doc}.
   */
  private Block block(DocValuesSkipper blocks, int doc, int maxDoc) throws IOException {
    if (doc > blocks.maxDocID(0)) blocks.advance(doc); // only ever forward
    if (doc < blocks.minDocID(0)) {
      // before the next block (or past the last): records without a prior
      return new Block(Math.min(maxDoc, blocks.minDocID(0)), 1f);
    }
    int level = 0;
    long top = blocks.maxValue(0);
    while (level + 1 < blocks.numLevels() && blocks.maxValue(level + 1) <= top) level++;
    float bound = Float.intBitsToFloat((int) top);
    int span = blocks.maxDocID(level) - blocks.minDocID(level) + 1;
    if (blocks.docCount(level) < span) bound = Math.max(bound, 1f);
    return new Block(
        (int) Math.min(maxDoc, blocks.maxDocID(level) + 1L),
        Math.min(max, strength(bound, exponent)));
  }

  /** Whether the segment's documents come in decreasing order of the prior. */
  private boolean sortedByPrior(LeafReaderContext context) {
    Sort sort = context.reader().getMetaData().sort();
    if (sort == null || sort.getSort().length == 0) return false;
    SortField first = sort.getSort()[0];
    return first.getField().equals(field) && first.getReverse();
  }

  /** The record's prior; 1 when it has none. Docs must come in increasing order. */
  static float prior(NumericDocValues priors, int doc) throws IOException {
    if (priors == null || !priors.advanceExact(doc)) return 1f;
    return Float.intBitsToFloat((int) priors.longValue());
  }

  private static final class PriorScorer extends FilterScorer {
    private final NumericDocValues priors;
    private final float max;
    private final float exponent;

    PriorScorer(Scorer in, NumericDocValues priors, float max, float exponent) {
      super(in);
      this.priors = priors;
      this.max = max;
      this.exponent = exponent;
    }

    @Override
    public float score() throws IOException {
      return in.score() * strength(prior(priors, docID()), exponent);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) * max;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore / max);
    }
  }

  /**
   * Passes documents on, and scores multiplied by the prior of the one being collected. {@code
   * minScore} carries the collector's minimum competitive score from one block's collector to the
   * next, which divides it by its own bound for the inner scorer at once (the collector itself
   * passes it on only when it rises).
   */
  private static final class PriorCollector implements LeafCollector {
    private final LeafCollector out;
    private final NumericDocValues priors;
    private final float max;
    private final float exponent;
    private final float[] minScore;
    private int doc = -1;

    PriorCollector(
        LeafCollector out, NumericDocValues priors, float max, float exponent, float[] minScore) {
      this.out = out;
      this.priors = priors;
      this.max = max;
      this.exponent = exponent;
      this.minScore = minScore;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      if (minScore[0] > 0) scorer.setMinCompetitiveScore(minScore[0] / max);
      out.setScorer(
          new Scorable() {
            private int priorDoc = -1;
            private float prior = 1f;

            @Override
            public float score() throws IOException {
              if (priorDoc != doc) {
                prior = strength(prior(priors, doc), exponent);
                priorDoc = doc;
              }
              return scorer.score() * prior;
            }

            @Override
            public void setMinCompetitiveScore(float min) throws IOException {
              minScore[0] = min;
              scorer.setMinCompetitiveScore(min / max);
            }
          });
    }

    @Override
    public void collect(int doc) throws IOException {
      this.doc = doc;
      out.collect(doc);
    }

    @Override
    public DocIdSetIterator competitiveIterator() throws IOException {
      return out.competitiveIterator();
    }

    @Override
    public void finish() throws IOException {
      out.finish();
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String f) {
    return "prior("
        + in.toString(f)
        + ", "
        + field
        + " <= "
        + maxPrior
        + (exponent == 1f ? "" : ", ^" + exponent)
        + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && in.equals(((PriorBoostQuery) o).in)
        && field.equals(((PriorBoostQuery) o).field)
        && maxPrior == ((PriorBoostQuery) o).maxPrior
        && exponent == ((PriorBoostQuery) o).exponent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, field, maxPrior, exponent);
  }
}
