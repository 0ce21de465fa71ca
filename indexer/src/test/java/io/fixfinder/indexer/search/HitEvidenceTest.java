package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.confidence.Evidence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence of issue 14's second round on a small on-disk index: whether an absent product type
 * is one the index's text mentions (then its records are not "another type"), and how many of the
 * nearest records share one type.
 */
class HitEvidenceTest {
  @TempDir static Path dir;
  static TinyIndex index;
  static Searcher searcher;

  @BeforeAll
  static void index() throws Exception {
    List<SourceDoc> docs =
        List.of(
            TinyIndex.dryer(),
            TinyIndex.washer(),
            TinyIndex.coffee(
                "My coffee machine is leaking water under the drip tray; photo from the phone"
                    + " camera."));
    assertThat(docs).extracting(d -> d.product().type()).doesNotContain("camera", "laptop");
    index = TinyIndex.of(dir, docs);
    searcher = index.searcher();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static Evidence first(String query) throws Exception {
    Evidence[] e = searcher.evidence(SearchRequest.of(query), 10);
    assertThat(e).isNotEmpty();
    return e[0];
  }

  @Test
  void anAbsentTypeTheTextMentionsIsReadAsAPartNotAnotherType() throws Exception {
    Evidence camera = first("my camera is leaking water");
    assertThat(camera.typeAbsent()).isEqualTo(1);
    assertThat(camera.typeMentioned()).isEqualTo(1);
    // the coffee machine's record is not "another type" for a camera the index knows as a part
    assertThat(camera.type()).isGreaterThanOrEqualTo(0);

    Evidence laptop = first("my laptop is leaking water");
    assertThat(laptop.typeAbsent()).isEqualTo(1);
    assertThat(laptop.typeMentioned()).isZero();
    assertThat(laptop.type()).isEqualTo(-1);
  }

  @Test
  void focusIsTheShareOfTheNearestTenOfTheCommonestType() throws Exception {
    // words alone (no embedder): the nearest are the bm25 matches, a dryer's and a washer's record
    assertThat(first("clothes not drying").focus()).isEqualTo(0.1);
    // the coffee machine's record alone
    assertThat(first("drip tray").focus()).isEqualTo(0.1);
  }
}
