package io.fixfinder.core.helpers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.helpers.schedule.WeeklyHours.Range;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random schedules: the text form round-trips, and the schedule covers exactly the minutes of its
 * ranges. jqwik prints the seed of a failing run; {@code @Property(seed = "...")} replays it.
 */
class WeeklyHoursPropertiesTest {

  @Property
  void canonicalTextRoundTrips(@ForAll("schedules") WeeklyHours h) {
    WeeklyHours again = WeeklyHours.parse(h.toString());
    assertThat(again).isEqualTo(h);
    assertThat(again.toString()).isEqualTo(h.toString());
  }

  @Property
  void orderAndCaseOfItemsDoNotMatter(@ForAll("schedules") WeeklyHours h, @ForAll long seed) {
    List<String> items = new ArrayList<>(h.ranges().stream().map(Range::toString).toList());
    Collections.shuffle(items, new java.util.Random(seed));
    String shuffled = String.join(" ,  ", items).toUpperCase(java.util.Locale.ROOT);
    assertThat(WeeklyHours.parse(shuffled)).isEqualTo(h);
  }

  @Property
  void coversExactlyTheMinutesOfItsRanges(
      @ForAll("schedules") WeeklyHours h, @ForAll("minutes") int weekMinute) {
    boolean inSome =
        h.ranges().stream().anyMatch(r -> weekMinute >= r.weekStart() && weekMinute < r.weekEnd());
    assertThat(h.coversWeekMinute(weekMinute)).isEqualTo(inSome);
  }

  @Property(tries = 100)
  void nextAvailableIsAvailableAndNotBeforeNow(
      @ForAll("schedules") WeeklyHours h,
      @ForAll("instants") Instant t,
      @ForAll("zones") ZoneId zone) {
    h.nextAvailable(t, zone)
        .ifPresentOrElse(
            next -> {
              assertThat(next).isAfterOrEqualTo(t);
              assertThat(h.isAvailable(next, zone)).isTrue();
            },
            () -> assertThat(h.isEmpty()).isTrue());
  }

  @Provide
  Arbitrary<WeeklyHours> schedules() {
    // random ranges, then those that overlap an earlier one are dropped: any valid schedule
    Arbitrary<Range> range =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.values()),
                Arbitraries.integers().between(0, 24 * 60 - 1),
                Arbitraries.integers().between(1, 12 * 60))
            .as((d, start, len) -> new Range(d, start, Math.min(24 * 60, start + len)));
    return range
        .list()
        .ofMaxSize(12)
        .map(
            rs -> {
              List<Range> kept = new ArrayList<>();
              for (Range r : rs) {
                boolean overlaps =
                    kept.stream()
                        .anyMatch(k -> r.weekStart() < k.weekEnd() && k.weekStart() < r.weekEnd());
                if (!overlaps) kept.add(r);
              }
              return WeeklyHours.of(kept);
            });
  }

  @Provide
  Arbitrary<Integer> minutes() {
    return Arbitraries.integers().between(0, 7 * 24 * 60 - 1);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2028-12-31T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "Europe/Lisbon",
            "Europe/Amsterdam",
            "America/New_York",
            "America/Sao_Paulo",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "UTC")
        .map(ZoneId::of);
  }
}
