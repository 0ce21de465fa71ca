package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How much of a query its keys explain, and the one test of a model-like token, by hand. */
class QueryBuilderTest {
  static final QueryBuilder QUERIES = new QueryBuilder(Lexicon.builtIn(), Tuning.KEY_EXPONENT);

  static Keys keys(List<String> codes, List<String> symptoms) {
    return new Keys(ProductRef.UNKNOWN, codes, symptoms, List.of(), Keys.FixSignal.NONE);
  }

  @Test
  void explainedCountsModelTokensCodesAndSymptomWordsAmongTheQueryWords() {
    // WM-8420X (model-like), wont and drain (phrases of wont-drain) of: WM-8420X wont drain
    // after move ("the" is a stop word) → 3 of 5
    assertThat(
            QUERIES.explained(
                "WM-8420X wont drain after the move", keys(List.of(), List.of("wont-drain"))))
        .isCloseTo(0.6f, within(1e-6f));
    // the code explains itself; a hashtag is an intent, not a word
    assertThat(QUERIES.explained("E18 #fixed", keys(List.of("E18"), List.of()))).isEqualTo(1f);
    // nothing named: 0 of 2; only stop words: nothing to explain
    assertThat(QUERIES.explained("laptop battery", keys(List.of(), List.of()))).isZero();
    assertThat(QUERIES.explained("the a of", keys(List.of(), List.of()))).isZero();
    // a two-character token is not model-like: a1 and drain, none explained
    assertThat(QUERIES.explained("a1 drain", keys(List.of(), List.of()))).isZero();
  }

  @Test
  void aModelLikeTokenMixesLettersAndDigitsOverThreeCharacters() {
    assertThat(QueryBuilder.modelLike("WM8420X")).isTrue();
    assertThat(QueryBuilder.modelLike("E18")).isTrue();
    assertThat(QueryBuilder.modelLike("A1")).isFalse();
    assertThat(QueryBuilder.modelLike("8420")).isFalse();
    assertThat(QueryBuilder.modelLike("DRAIN")).isFalse();
    assertThat(QueryBuilder.hasModelToken("my wm-8420x, again")).isTrue();
    assertThat(QueryBuilder.hasModelToken("washer 8420 ok")).isFalse();
  }

  @Test
  void onlyLettersOrDigitsAreTextToEmbed() {
    for (String q : List.of("\u00A0", "\u200B", "\u007F", "\u2060\u200B", "(((", "\t\n ", "-*"))
      assertThat(QueryText.hasText(q)).as("%s", q.codePoints().boxed().toList()).isFalse();
    for (String q : List.of("e18", "\u00A0drain", "洗濯機", "7"))
      assertThat(QueryText.hasText(q)).isTrue();
  }
}
