package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link FacetOrds}: each segment's combinations give back exactly every document's doc-values
 * ordinal of every field; they are built once per segment, kept across a reopen that keeps the
 * segment, new for a new segment, released when the segment closes, shared with a filtered view of
 * the segment; a multi-valued field is not combined.
 */
class FacetOrdsTest {
  private static final String[] KINDS = {"forum", "manual", "video", "review"};
  private static final String[] BRANDS = {"Bosch", "Miele", "Apple", "Samsung", "Dyson"};

  @Test
  void arraysMatchDocValuesAndFollowTheSegments() throws Exception {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    System.out.println("FacetOrdsTest seed " + seed + " (replay with -Dtests.seed=" + seed + ")");
    Random r = new Random(seed);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w =
            new IndexWriter(
                dir,
                new IndexWriterConfig(new WhitespaceAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      add(w, r, 0, 50);
      w.commit();
      DirectoryReader first = DirectoryReader.open(dir);
      LeafReader segment = first.leaves().getFirst().reader();
      FacetOrds kinds = FacetOrds.of(segment, FIELDS3);
      assertSameAsDocValues(segment, kinds);
      assertThat(FacetOrds.of(segment, FIELDS3)).as("built once").isSameAs(kinds);
      FacetOrds withAbsent = FacetOrds.of(segment, Fields.FACET_KIND, "no-such-field");
      assertThat(withAbsent.ords()[1]).containsOnly(FacetOrds.NONE);
      assertThat(withAbsent.combinations()).isLessThanOrEqualTo(KINDS.length + 1);
      // a filtered view of the segment (as a scoped search makes) shares its arrays
      LeafReader view =
          new FilterLeafReader(segment) {
            @Override
            public CacheHelper getCoreCacheHelper() {
              return null;
            }

            @Override
            public CacheHelper getReaderCacheHelper() {
              return null;
            }
          };
      assertThat(FacetOrds.of(view, FIELDS3)).isSameAs(kinds);

      // a new generation: the old segment keeps its array, the new one gets its own
      add(w, r, 50, 30);
      w.deleteDocuments(new Term("id", "r3"));
      w.commit();
      DirectoryReader second = DirectoryReader.openIfChanged(first);
      assertThat(second).isNotNull();
      assertThat(second.leaves()).hasSize(2);
      for (LeafReaderContext leaf : second.leaves()) {
        FacetOrds ords = FacetOrds.of(leaf.reader(), FIELDS3);
        assertSameAsDocValues(leaf.reader(), ords);
        if (leaf.reader().getCoreCacheHelper().getKey() == segment.getCoreCacheHelper().getKey()) {
          assertThat(ords).as("an unchanged segment keeps its array").isSameAs(kinds);
        } else {
          assertThat(ords).as("a new segment gets its own").isNotSameAs(kinds);
          assertThat(ords.combo()).hasSize(30);
        }
      }
      List<IndexReader.CacheKey> cores = new ArrayList<>();
      for (LeafReaderContext leaf : second.leaves()) {
        cores.add(leaf.reader().getCoreCacheHelper().getKey());
      }
      assertThat(cores).allMatch(FacetOrds::cached);
      first.close();
      assertThat(FacetOrds.cached(cores.getFirst()))
          .as("a segment still open in the new reader keeps its arrays")
          .isTrue();
      second.close();
      assertThat(cores).as("closed segments released").noneMatch(FacetOrds::cached);
    }
  }

  @Test
  void aMultiValuedFieldIsNotCached() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      Document d = new Document();
      d.add(new SortedSetDocValuesField(Fields.FACET_BRAND, new BytesRef("a")));
      d.add(new SortedSetDocValuesField(Fields.FACET_BRAND, new BytesRef("b")));
      w.addDocument(d);
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(FacetOrds.of(reader.leaves().getFirst().reader(), FIELDS3)).isNull();
      }
    }
  }

  private static void add(IndexWriter w, Random r, int from, int n) throws Exception {
    for (int i = from; i < from + n; i++) {
      Document d = new Document();
      d.add(new StringField("id", "r" + i, Field.Store.NO));
      if (r.nextInt(4) > 0) {
        d.add(
            new SortedSetDocValuesField(
                Fields.FACET_KIND, new BytesRef(KINDS[r.nextInt(KINDS.length)])));
      }
      if (r.nextInt(3) > 0) {
        d.add(
            new SortedSetDocValuesField(
                Fields.FACET_BRAND, new BytesRef(BRANDS[r.nextInt(BRANDS.length)])));
      }
      if (r.nextBoolean()) {
        d.add(new SortedSetDocValuesField(Fields.FACET_TYPE, new BytesRef("t" + r.nextInt(3))));
      }
      w.addDocument(d);
    }
  }

  private static final String[] FIELDS3 = {
    Fields.FACET_KIND, Fields.FACET_BRAND, Fields.FACET_TYPE
  };

  private static void assertSameAsDocValues(LeafReader reader, FacetOrds combos) throws Exception {
    assertThat(combos.combo()).hasSize(reader.maxDoc());
    for (int f = 0; f < FIELDS3.length; f++) {
      SortedSetDocValues values = reader.getSortedSetDocValues(FIELDS3[f]);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        int ord = combos.ords()[f][combos.combo()[doc]];
        if (values != null && values.advanceExact(doc)) {
          assertThat(ord).as("%s of doc %d", FIELDS3[f], doc).isEqualTo((int) values.nextOrd());
        } else {
          assertThat(ord).as("%s of doc %d", FIELDS3[f], doc).isEqualTo(FacetOrds.NONE);
        }
      }
    }
  }
}
