package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.testing.TestSeed;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild that makes the next batch's documents on a helper thread while the writer adds the
 * current one writes the same index as one that makes them on the writer's thread: the same
 * segments, the same records in the same order with the same vectors, and the same answers from the
 * vector graphs and the inverted index.
 */
class PreparingAheadTest {
  @TempDir Path dir;

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static final String[] WORDS = {
    "washer", "dryer", "drain", "pump", "e18", "e24", "door", "lock", "noise", "leak", "hose",
    "filter", "heater", "fuse", "board", "motor", "belt", "spin", "rinse", "error", "blinks"
  };

  @Test
  void aheadAndInlineWriteTheSameIndex() throws Exception {
    TestSeed.run("PreparingAheadTest", this::check);
  }

  private void check(long seed) throws Exception {
    List<SourceDoc> docs = records(new Random(seed), 3_000);
    Embedder model = new WordEmbedder();
    Path inline = dir.resolve("inline-" + seed);
    Path ahead = dir.resolve("ahead-" + seed);
    // a small RAM buffer: several flushed segments, each with its own graph
    Indexer.Report one =
        Indexer.rebuild(
            inline,
            1,
            Optional.of(model),
            docs,
            QUIET,
            Indexer.BeforePromote.NOTHING,
            Indexer.Preparing.INLINE);
    Indexer.Report two =
        Indexer.rebuild(
            ahead,
            1,
            Optional.of(model),
            docs,
            QUIET,
            Indexer.BeforePromote.NOTHING,
            Indexer.Preparing.AHEAD);
    assertThat(two.indexed()).isEqualTo(one.indexed()).isEqualTo(docs.size());
    assertThat(two.embedded()).isEqualTo(one.embedded());
    assertThat(two.reused()).isEqualTo(one.reused());

    Random queries = new Random(seed + 1);
    try (Directory a = FSDirectory.open(IndexStore.currentGeneration(inline).orElseThrow());
        Directory b = FSDirectory.open(IndexStore.currentGeneration(ahead).orElseThrow());
        DirectoryReader ra = DirectoryReader.open(a);
        DirectoryReader rb = DirectoryReader.open(b)) {
      assertThat(ra.leaves()).as("segments").hasSizeGreaterThan(1).hasSameSizeAs(rb.leaves());
      for (int s = 0; s < ra.leaves().size(); s++) {
        assertSameSegment(ra.leaves().get(s).reader(), rb.leaves().get(s).reader(), s);
      }
      IndexSearcher sa = new IndexSearcher(ra);
      IndexSearcher sb = new IndexSearcher(rb);
      for (int q = 0; q < 20; q++) {
        float[] v = model.embed(text(queries, 3));
        assertSameHits(sa, sb, new KnnFloatVectorQuery(Fields.VECTOR, v, 10), "knn " + q);
        Query words =
            new TermQuery(new Term(Fields.BODY, indexed(WORDS[queries.nextInt(WORDS.length)])));
        assertSameHits(sa, sb, words, words.toString());
      }
    }
  }

  private static void assertSameSegment(LeafReader a, LeafReader b, int segment) throws Exception {
    assertThat(b.maxDoc()).as("segment %d size", segment).isEqualTo(a.maxDoc());
    SortedDocValues ia = a.getSortedDocValues(Fields.ID);
    SortedDocValues ib = b.getSortedDocValues(Fields.ID);
    FloatVectorValues va = a.getFloatVectorValues(Fields.VECTOR);
    FloatVectorValues vb = b.getFloatVectorValues(Fields.VECTOR);
    KnnVectorValues.DocIndexIterator ita = va.iterator();
    KnnVectorValues.DocIndexIterator itb = vb.iterator();
    for (int doc = 0; doc < a.maxDoc(); doc++) {
      assertThat(ia.advanceExact(doc)).isTrue();
      assertThat(ib.advanceExact(doc)).isTrue();
      assertThat(ib.lookupOrd(ib.ordValue()))
          .as("segment %d doc %d", segment, doc)
          .isEqualTo(ia.lookupOrd(ia.ordValue()));
      assertThat(ita.advance(doc)).isEqualTo(doc);
      assertThat(itb.advance(doc)).isEqualTo(doc);
      assertThat(vb.vectorValue(itb.index()))
          .as("segment %d doc %d vector", segment, doc)
          .isEqualTo(va.vectorValue(ita.index()));
    }
  }

  private static void assertSameHits(IndexSearcher a, IndexSearcher b, Query query, String what)
      throws Exception {
    ScoreDoc[] ha = a.search(query, 10).scoreDocs;
    ScoreDoc[] hb = b.search(query, 10).scoreDocs;
    assertThat(ha).as(what).isNotEmpty();
    assertThat(ids(b, hb)).as(what).isEqualTo(ids(a, ha));
    for (int i = 0; i < ha.length; i++) {
      assertThat(hb[i].score).as("%s rank %d", what, i).isEqualTo(ha[i].score);
    }
  }

  /** The term {@code word} is indexed as in the body (stemmed, folded). */
  private static String indexed(String word) throws Exception {
    try (TokenStream tokens = Analyzers.perField().tokenStream(Fields.BODY, word)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      assertThat(tokens.incrementToken()).as(word).isTrue();
      String out = term.toString();
      while (tokens.incrementToken()) {
        // the first token is the word's own
      }
      tokens.end();
      return out;
    }
  }

  private static List<String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws Exception {
    List<String> out = new ArrayList<>();
    for (ScoreDoc h : hits) {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(h.doc, leaves));
      SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ID);
      assertThat(ids.advanceExact(h.doc - leaf.docBase)).isTrue();
      out.add(h.doc + ":" + ids.lookupOrd(ids.ordValue()).utf8ToString());
    }
    return out;
  }

  /** Forum threads with a few priors, most of them tied (no votes, no accepted answer). */
  private static List<SourceDoc> records(Random rnd, int n) {
    List<SourceDoc> docs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String url = "http://f/t/" + i;
      boolean accepted = rnd.nextInt(10) == 0;
      int votes = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0;
      docs.add(
          new SourceDoc(
              SourceDoc.idFor(url),
              url,
              SourceKind.FORUM,
              "f",
              text(rnd, 4),
              text(rnd, 20),
              null,
              null,
              null,
              rnd.nextInt(8) == 0,
              null,
              new Details.Thread("q", 0, 1, accepted ? "a" : "", votes, votes)));
    }
    return docs;
  }

  private static String text(Random rnd, int words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) out.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
    return out.toString().strip();
  }

  /** A deterministic stand-in for the model: each word adds its own pseudo-random direction. */
  private static final class WordEmbedder implements Embedder {
    @Override
    public int dimensions() {
      return 32;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        float[] v = new float[dimensions()];
        for (String w : t.split("\\s+")) {
          Random r = new Random(w.hashCode());
          for (int k = 0; k < v.length; k++) v[k] += (float) r.nextGaussian();
        }
        out.add(Embedder.normalise(v));
      }
      return out;
    }
  }
}
