package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.indexer.schema.SchemaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written by an older version (here: schema 5, unsorted) is refused with a clear message,
 * not opened with the wrong layout, and a rebuild replaces it.
 */
class StaleSchemaTest {
  @TempDir Path root;

  @Test
  void anOlderIndexIsRefusedAndRebuilt() throws Exception {
    Path old = root.resolve("gen-old");
    try (IndexWriter w =
        new IndexWriter(FSDirectory.open(old), new IndexWriterConfig(new StandardAnalyzer()))) {
      Document d = new Document();
      d.add(new StringField("id", "x", Field.Store.YES));
      w.addDocument(d);
      w.setLiveCommitData(Map.of(SchemaVersion.KEY, "5").entrySet());
      w.commit();
    }
    Files.writeString(root.resolve("CURRENT"), "gen-old");

    assertThatThrownBy(() -> IndexStore.open(root, 16))
        .isInstanceOf(IndexStore.StaleSchema.class)
        .hasMessageContaining("schema 5")
        .hasMessageContaining("schema " + SchemaVersion.CURRENT)
        .hasMessageContaining("fixfinder index");

    Indexer.rebuild(
        root, 16, List.of(RebuildChild.doc("http://f/1", "Dishwasher won't drain")), System.err);
    try (IndexStore store = IndexStore.open(root, 16)) {
      assertThat(store.count()).isEqualTo(1);
      assertThat(store.committedSchemaVersion()).isEqualTo(SchemaVersion.CURRENT);
    }
    assertThat(old).doesNotExist();
  }
}
