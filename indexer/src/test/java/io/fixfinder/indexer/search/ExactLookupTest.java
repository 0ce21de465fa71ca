package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query whose words match few records keeps them on top under every retrieval and fusion: on the
 * repair-mini index with real embeddings, every third indexed word (in term order) found in one to
 * three records is searched, and those records must take the first ranks. The words of one record
 * are also searched with the default configuration's retrieval and fusion.
 */
class ExactLookupTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;

  /** Words of few records, with the ids of their records. */
  static final Map<String, Set<String>> RARE = new java.util.TreeMap<>();

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    RepairMini.index(dir, Optional.of(model));
    store = IndexStore.open(dir, 16);
    IndexSearcher searcher = store.searchers().acquire();
    try {
      TermsEnum terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.BODY).iterator();
      int seen = 0;
      for (BytesRef t = terms.next(); t != null; t = terms.next()) {
        String word = t.utf8ToString();
        if (terms.docFreq() > 3 || word.length() < 4 || !word.chars().allMatch(Character::isLetter))
          continue;
        if (seen++ % 3 != 0) continue; // every third such word: enough, and a third of the time
        Set<String> ids = new HashSet<>();
        for (ScoreDoc d :
            searcher.search(new TermQuery(new Term(Fields.BODY, word)), 10).scoreDocs) {
          ids.add(searcher.storedFields().document(d.doc).get(Fields.ID));
        }
        RARE.put(word, ids);
      }
    } finally {
      store.searchers().release(searcher);
    }
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    model.close();
  }

  static Searcher searcher(Retrieval retrieval, Fusion fusion) {
    return new Searcher(
        store.searchers(), SearcherTest.KEYS, Optional.<Embedder>of(model), retrieval, fusion);
  }

  @Test
  void theDefaultRetrievalPutsTheOnlyRecordOfAWordFirst() throws Exception {
    FixFinderConfig.Index config = ConfigLoader.load(Optional.empty(), Map.of()).index();
    assertThat(config.retrieval()).isEqualTo(Retrieval.HYBRID);
    Searcher byDefault = searcher(config.retrieval(), config.fusion());
    Searcher words = searcher(Retrieval.BM25, Fusion.RRF);
    List<String> lost = new ArrayList<>();
    int checked = 0;
    for (var e : RARE.entrySet()) {
      if (e.getValue().size() != 1) continue;
      SearchRequest q = SearchRequest.of(e.getKey());
      // the words alone find exactly this record (the query adds no key of other records)
      if (words.search(q).total() != 1) continue;
      checked++;
      List<String> top = byDefault.rankIds(q);
      if (top.isEmpty() || !e.getValue().contains(top.getFirst())) lost.add(e.getKey());
    }
    System.out.printf("%d words of one record, %d of few%n", checked, RARE.size());
    assertThat(checked).as("words of one record").isGreaterThan(40);
    assertThat(lost).as("words whose only record is not first of %d", checked).isEmpty();
  }

  @Test
  void recordsOfARareWordTakeTheFirstRanksInEveryModeAndFusion() throws Exception {
    Searcher words = searcher(Retrieval.BM25, Fusion.RRF);
    for (Fusion fusion : Fusion.values()) {
      for (Retrieval mode : List.of(Retrieval.BM25, Retrieval.HYBRID)) {
        Searcher s = searcher(mode, fusion);
        List<String> lost = new ArrayList<>();
        for (var e : RARE.entrySet()) {
          SearchRequest q = SearchRequest.of(e.getKey());
          if (words.search(q).total() != e.getValue().size()) continue;
          List<String> top = s.rankIds(q);
          int n = e.getValue().size();
          if (top.size() < n || !Set.copyOf(top.subList(0, n)).equals(e.getValue()))
            lost.add(e.getKey());
        }
        assertThat(lost).as("%s %s", mode.id(), fusion.id()).isEmpty();
      }
    }
  }
}
