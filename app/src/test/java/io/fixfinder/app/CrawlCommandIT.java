package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.records.RecordLog;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSites;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --sources FILE} then {@code index}, as an operator runs them. */
class CrawlCommandIT {
  @TempDir Path dir;

  @Test
  void crawlsASourcesFileIntoRecordsAndIndexesThem() throws Exception {
    DemoManifest manifest = DemoCorpus.writeTo(dir.resolve("corpus"));
    try (DemoSites sites = DemoSites.start(manifest)) {
      Path sources = dir.resolve("sources.yaml");
      Files.writeString(
          sources,
          """
          sites:
            - name: forum
              kind: forum
              seeds: ["%s/"]
              politenessDelayMs: 0
              allowPrivateNetwork: true
            - name: manuals
              kind: manual
              seeds: ["%s/"]
              maxPages: 40
              politenessDelayMs: 0
              allowPrivateNetwork: true
          """
              .formatted(sites.origin("fixitforum"), sites.origin("manuals")));
      Path data = dir.resolve("data");
      assertThat(Main.run("crawl", "--sources", sources.toString(), "--data", data.toString()))
          .isZero();
      RecordLog.Snapshot snapshot = RecordLog.read(data.resolve("records/records.jsonl"));
      assertThat(snapshot.docs().size()).isGreaterThan(100);
      assertThat(Main.run("index", "--data", data.toString())).isZero();
      try (IndexStore store = IndexStore.open(data.resolve("index"), 16)) {
        assertThat(store.count()).isEqualTo(snapshot.docs().size());
      }
      assertThat(Main.run("crawl", "--sources", dir.resolve("missing.yaml").toString()))
          .isEqualTo(2);
    }
  }
}
