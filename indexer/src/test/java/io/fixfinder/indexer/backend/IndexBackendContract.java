package io.fixfinder.indexer.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IndexBackend} must do, on the same few records: an implementation's test serves
 * {@link #RECORDS} and returns the backend from {@link #backend()}. A test that writes another
 * generation writes {@link #RECORDS} back before it ends.
 */
abstract class IndexBackendContract {
  static final KeyExtractor KEYS = KeyExtractor.builtIn();

  static final SourceDoc MANUAL =
      doc(
          "http://m/wm8420x#e18",
          SourceKind.MANUAL,
          "Aqualine WM-8420X manual — E18 Water does not drain",
          "E18 Water does not drain. Cause: drain pump filter blocked. Clean the pump filter.",
          new Details.ManualSection(
              "http://m/wm.pdf", "WM-8420X manual", 3, "E18", "filter", "clean"));
  static final SourceDoc THREAD =
      doc(
          "http://f/e18",
          SourceKind.FORUM,
          "WM8420X E18 wont drain, water stuck in drum",
          "My Aqualine washer shows E18 and won't drain. Cleaned the pump filter, that fixed it.",
          new Details.Thread("E18", 3, 4, "Clean the filter", 47, 47));
  static final SourceDoc DOOR =
      doc(
          "http://f/door1",
          SourceKind.FORUM,
          "Aqualine WM-8420X door won't open after wash",
          "The door stays locked after the wash finishes.",
          new Details.Thread("door", 1, 2, "", 0, 3));

  static final List<SourceDoc> RECORDS = List.of(MANUAL, THREAD, DOOR);

  static final SourceDoc DISHWASHER =
      doc(
          "http://f/dw-e24",
          SourceKind.FORUM,
          "Dishwasher DW-300 shows E24, drain hose kinked",
          "The dishwasher stopped with E24. The drain hose behind it was kinked; straightened it.",
          new Details.Thread("E24", 2, 2, "Straighten the hose", 5, 5));

  /** The backend serving {@link #RECORDS}. */
  abstract IndexBackend backend();

  /**
   * Opens a backend over an index this implementation wrote with schema {@code
   * SchemaVersion.CURRENT - 1} (made for the test); expected to throw.
   */
  abstract IndexBackend openStale() throws Exception;

  @Test
  void aNewGenerationReplacesTheOldOneWhole() throws Exception {
    try {
      Indexer.Report report = backend().writeGeneration(List.of(DOOR, DISHWASHER));
      assertThat(report.indexed()).isEqualTo(2);
      assertThat(report.failed()).isZero();
      assertThat(backend().count()).isEqualTo(2);
      assertThat(backend().exists(DISHWASHER.id())).isTrue();
      // a record of the previous generation only is gone: generations are replaced, not merged
      assertThat(backend().exists(MANUAL.id())).isFalse();
      assertThat(backend().byIds(List.of(MANUAL.id(), DISHWASHER.id())).keySet())
          .containsExactly(DISHWASHER.id());
      assertThat(backend().schemaVersion()).isEqualTo(SchemaVersion.CURRENT);
      List<String> ids =
          backend().search(SearchRequest.of("dishwasher E24")).hits().stream()
              .map(SearchResponse.Hit::id)
              .toList();
      assertThat(ids).first().isEqualTo(DISHWASHER.id());
    } finally {
      backend().writeGeneration(RECORDS);
    }
    assertThat(backend().count()).isEqualTo(RECORDS.size());
    assertThat(backend().exists(MANUAL.id())).isTrue();
    assertThat(backend().exists(DISHWASHER.id())).isFalse();
  }

  @Test
  void anIndexOfAnotherSchemaIsRefused() {
    assertThatThrownBy(this::openStale)
        .isInstanceOf(IndexStore.StaleSchema.class)
        .hasMessageContaining("schema " + (SchemaVersion.CURRENT - 1))
        .hasMessageContaining("this version writes schema " + SchemaVersion.CURRENT)
        .hasMessageContaining("fixfinder index");
  }

  @Test
  void countsWhatItServesAtTheCurrentSchema() throws Exception {
    assertThat(backend().count()).isEqualTo(RECORDS.size());
    assertThat(backend().schemaVersion()).isEqualTo(SchemaVersion.CURRENT);
  }

  @Test
  void looksUpByIdAndLeavesOutUnknownIds() throws Exception {
    Map<String, SourceDoc> found = backend().byIds(List.of(MANUAL.id(), "no-such-id", DOOR.id()));
    assertThat(found.keySet()).isEqualTo(Set.of(MANUAL.id(), DOOR.id()));
    assertThat(found.get(DOOR.id()).title()).isEqualTo(DOOR.title());
    assertThat(backend().exists(THREAD.id())).isTrue();
    assertThat(backend().exists("no-such-id")).isFalse();
  }

  @Test
  void searchFindsTheFaultAndNotTheOtherOne() throws Exception {
    SearchResponse r = backend().search(SearchRequest.of("WM-8420X E18 won't drain"));
    List<String> ids = r.hits().stream().map(SearchResponse.Hit::id).toList();
    assertThat(ids).contains(MANUAL.id(), THREAD.id());
    // the door record names the model but not the fault: never first
    assertThat(ids.get(0)).isIn(MANUAL.id(), THREAD.id());
  }

  @Test
  void theSameRequestGivesTheSameAnswer() throws Exception {
    SearchRequest q = SearchRequest.of("door won't open");
    assertThat(backend().search(q).hits()).isEqualTo(backend().search(q).hits());
  }

  static SourceDoc doc(String url, SourceKind kind, String title, String text, Details details) {
    Keys k = KEYS.extract(title + "\n" + text);
    boolean fix = k.fix() == Keys.FixSignal.FIXED || details instanceof Details.ManualSection;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        "test",
        title,
        text,
        k.product(),
        k.errorCodes(),
        k.symptoms(),
        fix,
        Instant.parse("2025-01-01T00:00:00Z"),
        details);
  }
}
