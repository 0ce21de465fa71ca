package io.fixfinder.indexer.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated queries are ones the corpus cannot answer, and the same for the same corpus. */
class UnanswerableTest {
  static final KeyExtractor KEYS = KeyExtractor.builtIn();
  static final Lexicon LEXICON = KEYS.lexicon();

  static SourceDoc doc(String url, String title, String text) {
    return doc(url, title, text, KEYS.extract(title + "\n" + text).product());
  }

  /** A record keyed with {@code product} whatever its text names. */
  static SourceDoc doc(String url, String title, String text, ProductRef product) {
    Keys k = KEYS.extract(title + "\n" + text);
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "test",
        title,
        text,
        product,
        k.errorCodes(),
        k.symptoms(),
        false,
        Instant.parse("2025-01-01T00:00:00Z"),
        new Details.None());
  }

  /**
   * A washing-machine corpus whose text also names a printer (keyed with none), a fan and a tap.
   */
  static final List<SourceDoc> CORPUS =
      List.of(
          doc("http://f/1", "Washing machine won't drain", "Clean the pump filter, then the tap."),
          doc(
              "http://f/2",
              "Jammed again",
              "The printer beside the washer has a fan.",
              new ProductRef("washing-machine", "", "")),
          doc("http://f/3", "Noisy spin", "The washing machine drum bearing is worn."));

  @Test
  void aProductTheCorpusNamesInWordsIsNotAskedAboutAsAbsent() {
    List<Unanswerable.Query> qs = Unanswerable.of(CORPUS, LEXICON);
    List<String> absent =
        qs.stream()
            .filter(q -> q.kind().equals("absent-type"))
            .map(Unanswerable.Query::text)
            .toList();
    assertThat(absent).hasSize(Unanswerable.ABSENT_TYPE);
    // printer: keyed with no record here, but named in one, so a query about it is answerable
    assertThat(absent)
        .extracting(q -> KEYS.product(q).type())
        .doesNotContain("printer", "washing-machine");
    // a type is asked for as people name it, not by its label ("Router or modem")
    assertThat(absent).noneMatch(q -> q.contains(" or "));
  }

  @Test
  void gibberishUsesNoWordOfTheCorpus() {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (SourceDoc d : CORPUS) {
      words.addAll(List.of((d.title() + " " + d.text()).toLowerCase().split("[^a-z]+")));
    }
    List<Unanswerable.Query> gibberish =
        Unanswerable.of(CORPUS, LEXICON).stream()
            .filter(q -> q.kind().equals("gibberish"))
            .toList();
    assertThat(gibberish).hasSize(Unanswerable.GIBBERISH);
    for (Unanswerable.Query q : gibberish) {
      assertThat(q.text().split(" ")).as(q.text()).doesNotContainAnyElementsOf(words);
    }
  }

  @Test
  void theSameCorpusGetsTheSameQueries() {
    assertThat(Unanswerable.of(CORPUS, LEXICON)).isEqualTo(Unanswerable.of(CORPUS, LEXICON));
    assertThat(Unanswerable.of(CORPUS, LEXICON))
        .extracting(Unanswerable.Query::kind)
        .containsOnly("absent-type", "gibberish", "off-topic");
  }

  @Test
  void offTopicPartsAreDisjointAndEachSetAsksOnlyItsOwn() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int part = 0; part < Unanswerable.OFF_TOPIC_PARTS; part++) {
      List<String> own = Unanswerable.offTopic(part);
      assertThat(own).hasSize(Unanswerable.OFF_TOPIC_PER_PART);
      for (String q : own) assertThat(seen.add(q)).as("asked in two parts: " + q).isTrue();
      assertThat(
              Unanswerable.of(CORPUS, LEXICON, part).stream()
                  .filter(q -> q.kind().equals("off-topic"))
                  .map(Unanswerable.Query::text))
          .containsExactlyElementsOf(own);
    }
    // the evaluation's list is part 0, the list it always asked
    assertThat(Unanswerable.of(CORPUS, LEXICON)).isEqualTo(Unanswerable.of(CORPUS, LEXICON, 0));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Unanswerable.offTopic(Unanswerable.OFF_TOPIC_PARTS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
