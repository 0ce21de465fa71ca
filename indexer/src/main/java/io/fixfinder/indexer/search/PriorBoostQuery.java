package io.fixfinder.indexer.search;

import java.io.IOException;
import java.util.Objects;
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
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query's score times each record's quality prior (a float doc value in {@code [min, max]}).
 * Unlike a function score, it keeps Lucene's dynamic pruning: the prior is bounded, so a block's
 * best possible score is the inner query's bound times {@code max}, and a minimum competitive score
 * passes down divided by {@code max}. Measured at one million records this took search from scoring
 * every match to skipping most of them (docs/benchmarks.md).
 */
final class PriorBoostQuery extends Query {
  private final Query in;
  private final String field;
  private final float max;

  PriorBoostQuery(Query in, String field, float max) {
    this.in = Objects.requireNonNull(in);
    this.field = Objects.requireNonNull(field);
    if (!(max >= 1)) throw new IllegalArgumentException("max prior must be >= 1, got " + max);
    this.max = max;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? super.rewrite(searcher) : new PriorBoostQuery(rewritten, field, max);
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
        float prior = prior(priors(context), doc);
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
            return new PriorScorer(inner.get(leadCost), priors(context), max);
          }

          @Override
          public BulkScorer bulkScorer() throws IOException {
            BulkScorer bulk = inner.bulkScorer();
            NumericDocValues priors = priors(context);
            return new BulkScorer() {
              @Override
              public int score(LeafCollector collector, Bits acceptDocs, int min, int maxDoc)
                  throws IOException {
                return bulk.score(
                    new PriorCollector(collector, priors, max), acceptDocs, min, maxDoc);
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

  /** The record's prior; 1 when it has none. Docs must come in increasing order. */
  static float prior(NumericDocValues priors, int doc) throws IOException {
    if (priors == null || !priors.advanceExact(doc)) return 1f;
    return Float.intBitsToFloat((int) priors.longValue());
  }

  private static final class PriorScorer extends FilterScorer {
    private final NumericDocValues priors;
    private final float max;

    PriorScorer(Scorer in, NumericDocValues priors, float max) {
      super(in);
      this.priors = priors;
      this.max = max;
    }

    @Override
    public float score() throws IOException {
      return in.score() * prior(priors, docID());
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

  /** Passes documents on, and scores multiplied by the prior of the one being collected. */
  private static final class PriorCollector implements LeafCollector {
    private final LeafCollector out;
    private final NumericDocValues priors;
    private final float max;
    private int doc = -1;

    PriorCollector(LeafCollector out, NumericDocValues priors, float max) {
      this.out = out;
      this.priors = priors;
      this.max = max;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      out.setScorer(
          new Scorable() {
            private int priorDoc = -1;
            private float prior = 1f;

            @Override
            public float score() throws IOException {
              if (priorDoc != doc) {
                prior = prior(priors, doc);
                priorDoc = doc;
              }
              return scorer.score() * prior;
            }

            @Override
            public void setMinCompetitiveScore(float minScore) throws IOException {
              scorer.setMinCompetitiveScore(minScore / max);
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
    return "prior(" + in.toString(f) + ", " + field + " <= " + max + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && in.equals(((PriorBoostQuery) o).in)
        && field.equals(((PriorBoostQuery) o).field)
        && max == ((PriorBoostQuery) o).max;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, field, max);
  }
}
