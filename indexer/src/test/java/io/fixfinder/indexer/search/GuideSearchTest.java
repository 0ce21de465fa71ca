package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.Details.Guide;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guide is found by the tools, supplies and parts it lists even where its steps never name them,
 * through the real index; and its details come back in the hit.
 */
class GuideSearchTest {
  @TempDir static Path dir;
  static IndexStore store;
  static Searcher searcher;

  static Guide guide(List<String> tools, List<String> parts) {
    return new Guide(
        List.of(
            new Guide.Step("", "Undo the screws on the base.", "", ""),
            new Guide.Step("", "Lift the battery out.", "", "")),
        tools.stream().map(t -> new Guide.Item(t, "")).toList(),
        List.of(),
        parts.stream().map(p -> new Guide.Item(p, "")).toList(),
        "Moderate",
        1800,
        0,
        0,
        new Guide.Device("Voltaro VX-1550", "Voltaro", "VX-1550"),
        "");
  }

  @BeforeAll
  static void index() throws Exception {
    var docs =
        List.of(
            SearcherTest.doc(
                "http://g/battery",
                SourceKind.MANUAL,
                "Voltaro VX-1550 battery replacement",
                "1. Undo the screws on the base.\n2. Lift the battery out.",
                guide(List.of("spudger", "T5 Torx screwdriver"), List.of("VX-1550 battery pack"))),
            SearcherTest.doc(
                "http://g/keyboard",
                SourceKind.MANUAL,
                "Voltaro VX-1550 keyboard replacement",
                "1. Undo the screws on the base.\n2. Lift the keyboard out.",
                guide(List.of("Phillips #00 screwdriver"), List.of())),
            SearcherTest.doc(
                "http://f/torx",
                SourceKind.FORUM,
                "Which screwdriver for the base screws?",
                "The base screws strip easily, use a good screwdriver.",
                new Details.Thread("q", 0, 1, "", 0, 1)));
    Indexer.rebuild(dir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
    searcher = new Searcher(store.searchers(), SearcherTest.KEYS);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  static List<String> urls(String q) throws Exception {
    return searcher.search(SearchRequest.of(q)).hits().stream()
        .map(SearchResponse.Hit::url)
        .toList();
  }

  @Test
  void aToolOrPartNamedOnlyInTheGuideDetailsFindsTheGuide() throws Exception {
    assertThat(urls("spudger")).containsExactly("http://g/battery");
    assertThat(urls("T5 Torx").getFirst()).isEqualTo("http://g/battery");
    assertThat(urls("battery pack").getFirst()).isEqualTo("http://g/battery");
    assertThat(urls("phillips")).containsExactly("http://g/keyboard");
  }

  @Test
  void toolWordsWeighLessThanTheSameWordsInTheText() throws Exception {
    // "screwdriver" is a tool of both guides but the forum thread's subject: the text weighs more
    assertThat(urls("screwdriver").getFirst()).isEqualTo("http://f/torx");
  }

  @Test
  void theHitCarriesTheGuideDetails() throws Exception {
    SearchResponse.Hit hit = searcher.search(SearchRequest.of("spudger")).hits().getFirst();
    Guide g = (Guide) hit.details();
    assertThat(g.tools()).extracting(Guide.Item::name).contains("spudger");
    String json = Json.mapper().writeValueAsString(hit.details());
    assertThat(json)
        .contains(
            "\"form\":\"guide\"",
            "\"difficulty\":\"Moderate\"",
            "\"steps\":[{\"name\":\"\",\"text\":\"Undo the screws on the base.\"");
  }
}
