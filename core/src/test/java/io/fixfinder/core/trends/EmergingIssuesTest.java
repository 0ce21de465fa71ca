package io.fixfinder.core.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fixfinder.core.trends.EmergingIssues.Settings;
import io.fixfinder.core.trends.EmergingIssues.Trend;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class EmergingIssuesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  final EmergingIssues detector = new EmergingIssues(Settings.DEFAULTS);

  /** 35 days of counts, day 0 being 34 days ago and day 34 today. */
  static Map<LocalDate, Long> days(IntToLongFunction count) {
    Map<LocalDate, Long> out = new HashMap<>();
    for (int i = 0; i < 35; i++) out.put(TODAY.minusDays(34 - i), count.applyAsLong(i));
    return out;
  }

  static Map<String, Map<LocalDate, Long>> steadyCompany() {
    Map<String, Map<LocalDate, Long>> all = new LinkedHashMap<>();
    for (int c = 0; c < 20; c++) {
      int rate = 2 + c;
      all.put("iss-" + c, days(i -> rate));
    }
    return all;
  }

  static Trend of(List<Trend> trends, String id) {
    return trends.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aSteadyCompanyHasNothingEmerging() {
    assertThat(detector.assess(steadyCompany(), TODAY)).noneMatch(Trend::emerging).hasSize(20);
  }

  @Test
  void aClusterThatTriplesItsShareEmergesAndLeadsTheList() {
    Map<String, Map<LocalDate, Long>> all = steadyCompany();
    all.put("iss-new", days(i -> i >= 28 ? 12 : 4));
    List<Trend> trends = detector.assess(all, TODAY);
    Trend t = trends.get(0);
    assertThat(t.id()).isEqualTo("iss-new");
    assertThat(t.emerging()).isTrue();
    assertThat(t.recent()).isEqualTo(84);
    assertThat(t.baseline()).isEqualTo(112);
    assertThat(t.growth()).isBetween(2.8, 3.2);
    assertThat(t.pValue()).isLessThan(1e-10);
    assertThat(trends.stream().filter(Trend::emerging)).hasSize(1);
  }

  @Test
  void trafficThatGrowsEverywhereIsNotAnIssue() {
    // a campaign doubles every cluster's searches this week: shares are unchanged
    Map<String, Map<LocalDate, Long>> all = new LinkedHashMap<>();
    for (int c = 0; c < 20; c++) {
      int rate = 2 + c;
      all.put("iss-" + c, days(i -> i >= 28 ? 2L * rate : rate));
    }
    assertThat(detector.assess(all, TODAY)).noneMatch(Trend::emerging);
  }

  @Test
  void aFewEventsFromNothingPageNobody() {
    Map<String, Map<LocalDate, Long>> all = steadyCompany();
    all.put("iss-tiny", days(i -> i == 34 ? 4 : 0));
    Trend t = of(detector.assess(all, TODAY), "iss-tiny");
    assertThat(t.pValue()).isLessThan(0.01);
    assertThat(t.emerging()).as("4 events are below minRecent").isFalse();
  }

  @Test
  void daysOutsideTheWindowsAreIgnoredAndEmptySeriesLeftOut() {
    Map<String, Map<LocalDate, Long>> all = steadyCompany();
    all.put("iss-old", Map.of(TODAY.minusDays(35), 1000L, TODAY.plusDays(1), 1000L));
    assertThat(detector.assess(all, TODAY)).extracting(Trend::id).doesNotContain("iss-old");
  }

  @Test
  void badInputIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> detector.assess(Map.of("x", Map.of(TODAY, -1L)), TODAY));
    assertThatIllegalArgumentException().isThrownBy(() -> new Settings(0, 28, 0.01, 5, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> new Settings(7, 28, 1.5, 5, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> new Settings(7, 28, 0.01, 5, 0.5));
  }
}
