package io.fixfinder.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.AnalyzeResponse;

/**
 * The OpenSearch plugin produces exactly the embedded index's tokens (terms, positions, offsets) on
 * real fault reports: English prose when writing and querying on every report of a sample, and each
 * other language's chain on the reports a volunteer labelled with that language. The embedded side
 * runs the indexer's own {@code Analyzers} on its own Lucene version ({@link EmbeddedAnalysis});
 * OpenSearch runs the plugin through {@code _analyze}.
 */
class AnalysisParityIT {
  /** English reports compared per analyzer: a few hundred, the suite stays short. */
  static final int ENGLISH_SAMPLE = 300;

  static final Set<String> LANGUAGES = Set.of("de", "nl", "fr", "es", "it");

  static EmbeddedAnalysis embedded;
  static OpenSearchClient client;
  static List<RealTexts.Report> reports;

  @BeforeAll
  static void setUp() throws IOException {
    reports = RealTexts.printers();
    embedded = new EmbeddedAnalysis();
    client = TestCluster.get().client;
  }

  @AfterAll
  static void tearDown() throws IOException {
    if (embedded != null) embedded.close();
  }

  @Test
  void englishProseWhenWritingAndQuerying() throws IOException {
    List<RealTexts.Report> sample = reports.subList(0, Math.min(ENGLISH_SAMPLE, reports.size()));
    assertThat(sample).hasSizeGreaterThanOrEqualTo(200);
    compare("fixfinder_prose", embedded.analyzer("prose"), sample);
    compare("fixfinder_prose_query", embedded.analyzer("proseQuery"), sample);
  }

  @Test
  void eachLanguageOnItsOwnReports() throws IOException {
    Map<String, List<RealTexts.Report>> byLanguage = new LinkedHashMap<>();
    for (RealTexts.Report r : reports) {
      if (LANGUAGES.contains(r.language())) {
        byLanguage.computeIfAbsent(r.language(), k -> new ArrayList<>()).add(r);
      }
    }
    // the set has Dutch, German and French by the dozen (a couple of Spanish and Italian ones)
    assertThat(byLanguage.keySet()).contains("nl", "de", "fr");
    for (String code : LANGUAGES) {
      List<RealTexts.Report> own = byLanguage.getOrDefault(code, List.of());
      compare("fixfinder_" + code, embedded.language(code), own);
      // the chain also on English text: stop words and stemmers must not differ on foreign words
      compare("fixfinder_" + code, embedded.language(code), reports.subList(0, 20));
    }
  }

  @Test
  void thePiecesComposeIntoTheSameChain() throws IOException {
    // a custom analyzer from the plugin's char filter and pipeline filter, as a mapping would
    // declare it, gives the prebuilt analyzer's tokens
    for (RealTexts.Report r : reports.subList(0, 50)) {
      AnalyzeResponse composed =
          client
              .indices()
              .analyze(
                  a ->
                      a.charFilter(c -> c.name("fixfinder_code_hyphen"))
                          .tokenizer(t -> t.name("standard"))
                          .filter(f -> f.name("fixfinder_prose"))
                          .text(r.text()));
      assertThat(tokens(composed))
          .as("report %s", r.id())
          .isEqualTo(embedded.tokens(embedded.analyzer("prose"), r.text()));
    }
  }

  private static void compare(String analyzer, Object embeddedAnalyzer, List<RealTexts.Report> in)
      throws IOException {
    int tokens = 0;
    for (RealTexts.Report r : in) {
      List<String> expected = embedded.tokens(embeddedAnalyzer, r.text());
      AnalyzeResponse got = client.indices().analyze(a -> a.analyzer(analyzer).text(r.text()));
      assertThat(tokens(got))
          .as("%s on report %s: %s", analyzer, r.id(), r.text())
          .isEqualTo(expected);
      tokens += expected.size();
    }
    System.out.printf(
        "AnalysisParityIT: %s identical on %d reports, %d tokens%n", analyzer, in.size(), tokens);
  }

  private static List<String> tokens(AnalyzeResponse response) {
    return response.tokens().stream()
        .map(t -> EmbeddedAnalysis.format(t.token(), t.position(), t.startOffset(), t.endOffset()))
        .toList();
  }
}
