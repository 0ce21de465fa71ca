package io.fixfinder.indexer.eval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirSetTest {
  @TempDir Path dir;

  void write(String corpus, String queries, String qrels) throws Exception {
    Files.writeString(dir.resolve("corpus.jsonl"), corpus);
    Files.writeString(dir.resolve("queries.jsonl"), queries);
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("qrels/test.tsv"), qrels);
  }

  @Test
  void malformedLinesAreCountedNotFatal() throws Exception {
    write(
        "{\"_id\":\"d1\",\"title\":\"Pump\",\"text\":\"clean the filter\"}\n"
            + "not json\n"
            + "{\"title\":\"no id\"}\n"
            + "{\"_id\":\"d2\",\"text\":\"no title is fine\"}\n",
        "{\"_id\":\"q1\",\"text\":\"washer will not drain\"}\n{\"_id\":\"q2\",\"text\":\"\"}\n"
            + "{\"_id\":\"q3\",\"text\":\"no judgements\"}\n",
        "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq1\tbroken\nq9\td1\t1\n");
    BeirSet set = BeirSet.read(dir);
    assertThat(set.corpus()).extracting(BeirSet.Doc::id).containsExactly("d1", "d2");
    assertThat(set.malformed())
        .isEqualTo(Map.of("corpus.jsonl", 2, "queries.jsonl", 1, "test.tsv", 1));
    assertThat(set.judgedQueries()).extracting(BeirSet.Query::id).containsExactly("q1");
    assertThat(set.qrels().get("q1")).isEqualTo(Map.of("d1", 2, "d2", 0));
  }

  @Test
  void aMissingFileIsOneClearError() throws Exception {
    Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"text\":\"x\"}\n");
    Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"x\"}\n");
    assertThatThrownBy(() -> BeirSet.read(dir))
        .isInstanceOf(BeirSet.FormatException.class)
        .hasMessageContaining("missing file")
        .hasMessageContaining("test.tsv");
    assertThatThrownBy(() -> BeirSet.read(dir.resolve("nope")))
        .hasMessageContaining("not a folder");
  }
}
