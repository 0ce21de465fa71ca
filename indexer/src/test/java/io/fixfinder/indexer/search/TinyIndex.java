package io.fixfinder.indexer.search;

import static io.fixfinder.indexer.search.SearcherTest.doc;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A few forum records written to disk and opened for searching, for tests of the product-type
 * restriction and its evidence: a dryer and a washing machine that both "won't dry", and a coffee
 * machine that leaks.
 */
record TinyIndex(IndexStore store, Searcher searcher) implements AutoCloseable {

  static SourceDoc dryer() {
    return doc(
        "http://f/dryer",
        SourceKind.FORUM,
        "Tumble dryer not drying clothes",
        "My tumble dryer runs but the clothes stay wet. Cleaned the condenser, fixed.",
        new Details.None());
  }

  static SourceDoc washer() {
    return doc(
        "http://f/washer",
        SourceKind.FORUM,
        "Washing machine not drying the clothes on spin",
        "The washing machine leaves clothes wet, not drying them on the spin cycle.",
        new Details.None());
  }

  static SourceDoc coffee(String text) {
    return doc(
        "http://f/coffee",
        SourceKind.FORUM,
        "Coffee machine leaking water",
        text,
        new Details.None());
  }

  /** {@code docs} rebuilt into {@code dir} and opened with the built-in key extractor. */
  static TinyIndex of(Path dir, List<SourceDoc> docs) throws IOException {
    Indexer.rebuild(dir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    IndexStore store = IndexStore.open(dir, 16);
    return new TinyIndex(store, new Searcher(store.searchers(), KeyExtractor.builtIn()));
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
