package io.fixfinder.demo.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.Lexicon;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticRecordsTest {
  private final SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);

  @Test
  void recordsAreDeterministicPerNumber() {
    assertThat(records.record(12_345))
        .isEqualTo(new SyntheticRecords(Lexicon.builtIn(), 42).record(12_345));
    assertThat(records.record(1)).isNotEqualTo(records.record(2));
  }

  @Test
  void recordsLookLikeCrawledFaults() {
    List<SourceDoc> docs = records.stream(2_000).toList();
    assertThat(docs).extracting(SourceDoc::id).doesNotHaveDuplicates();
    assertThat(docs)
        .allSatisfy(
            d -> {
              assertThat(d.product().brand()).isNotEmpty();
              assertThat(d.product().model()).isNotEmpty();
              assertThat(d.symptoms()).hasSize(1);
              assertThat(d.text().split(" ").length).isGreaterThan(8);
            });
    Map<SourceKind, Long> kinds =
        docs.stream().collect(Collectors.groupingBy(SourceDoc::kind, Collectors.counting()));
    assertThat(kinds.keySet())
        .contains(
            SourceKind.FORUM,
            SourceKind.REVIEW,
            SourceKind.MANUAL,
            SourceKind.VIDEO,
            SourceKind.REPAIR_REPORT);
    assertThat(docs.stream().filter(d -> !d.errorCodes().isEmpty()).count()).isBetween(300L, 700L);
  }

  @Test
  void vocabularyHasAHeadAndALongTail() {
    Map<String, Long> freq =
        records.stream(2_000)
            .flatMap(d -> java.util.Arrays.stream(d.text().toLowerCase().split("[^a-z0-9]+")))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long singletons = freq.values().stream().filter(c -> c == 1).count();
    long top = freq.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(freq.size()).isGreaterThan(3_000);
    assertThat(singletons).isGreaterThan(1_000);
    assertThat(top).isGreaterThan(2_000);
  }

  @Test
  void queriesMixShapes() {
    List<String> q = records.queries(100);
    assertThat(q).hasSize(100).doesNotContainNull();
    assertThat(q.stream().distinct().count()).isGreaterThan(80);
  }
}
