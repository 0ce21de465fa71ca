package io.fixfinder.core.helpers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.helpers.schedule.WeeklyHoursException.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeeklyHoursTest {
  private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void parsesAndWritesTheCanonicalForm() {
    WeeklyHours h = WeeklyHours.parse("  SAT 09:00-13:00 ,mon 18:00-22:00");
    assertThat(h.toString()).isEqualTo("mon 18:00-22:00, sat 09:00-13:00");
    assertThat(h.ranges()).hasSize(2);
    assertThat(h.hoursPerWeek()).isEqualTo(8.0);
    assertThat(WeeklyHours.parse(h.toString())).isEqualTo(h);
  }

  @Test
  void mergesTouchingRangesOfOneDayButNotAcrossMidnight() {
    WeeklyHours h =
        WeeklyHours.parse("mon 12:00-13:00, mon 09:00-12:00, fri 22:00-24:00, sat 00:00-02:00");
    assertThat(h.toString()).isEqualTo("mon 09:00-13:00, fri 22:00-24:00, sat 00:00-02:00");
  }

  @Test
  void emptyTextIsTheEmptySchedule() {
    assertThat(WeeklyHours.parse("")).isSameAs(WeeklyHours.EMPTY);
    assertThat(WeeklyHours.parse("   ").toString()).isEmpty();
    assertThat(WeeklyHours.EMPTY.isAvailable(Instant.parse("2026-12-03T20:00:00Z"), LISBON))
        .isFalse();
    assertThat(WeeklyHours.EMPTY.nextAvailable(Instant.parse("2026-12-03T20:00:00Z"), LISBON))
        .isEmpty();
  }

  @Test
  void wholeDayAndMidnightEnd() {
    WeeklyHours h = WeeklyHours.parse("sun 00:00-24:00");
    assertThat(h.isAvailable(at("2026-12-06T23:59:59", LISBON), LISBON)).isTrue();
    assertThat(h.isAvailable(at("2026-12-07T00:00:00", LISBON), LISBON)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "mon 18:00|SYNTAX|item 1 'mon 18:00': expected a range 'HH:MM-HH:MM' after the day",
        "mon 18:00-22:00,|SYNTAX|item 2 is empty",
        "monday 18:00-22:00|BAD_DAY|'monday' is not a day",
        "mon 18:00-22:00, xyz 09:00-10:00|BAD_DAY|item 2 'xyz 09:00-10:00'",
        "mon 8:00-12:00|BAD_TIME|'8:00' is not a time HH:MM",
        "mon 18:00-25:00|BAD_TIME|'25:00' is not a time of day",
        "mon 18:60-19:00|BAD_TIME|'18:60' is not a time of day",
        "mon 24:00-24:00|BAD_TIME|24:00 is only an end",
        "mon 18:00-18:00|REVERSED|the end is not after the start",
        "fri 22:00-02:00|REVERSED|'fri 22:00-24:00, sat 00:00-02:00'",
        "sun 23:00-01:00|REVERSED|'sun 23:00-24:00, mon 00:00-01:00'",
        "mon 09:00-12:00, mon 11:00-13:00|OVERLAP|ranges 'mon 09:00-12:00' and 'mon 11:00-13:00' overlap",
        "mon 09:00-12:00, mon 09:00-12:00|OVERLAP|overlap",
        "mon 18:00-22:00 sat|SYNTAX|expected 'day HH:MM-HH:MM'",
        "mon 18:00-20:00-22:00|SYNTAX|expected a range",
      })
  void rejectsBadTextWithAClearMessage(String text, Problem problem, String message) {
    assertThatThrownBy(() -> WeeklyHours.parse(text))
        .isInstanceOfSatisfying(
            WeeklyHoursException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageContaining(message);
  }

  @Test
  void rejectsOverlongText() {
    String text = "mon 00:00-00:01, ".repeat(200);
    assertThatThrownBy(() -> WeeklyHours.parse(text))
        .isInstanceOfSatisfying(
            WeeklyHoursException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SYNTAX))
        .hasMessageContaining("longer than 2000");
  }

  @Test
  void availabilityIsOnTheHelpersOwnClock() {
    WeeklyHours evenings = WeeklyHours.parse("mon 18:00-22:00");
    // Monday 2026-12-07 19:00 UTC is 19:00 in Lisbon (WET), 20:00 in Amsterdam, 14:00 in New York
    Instant t = Instant.parse("2026-12-07T19:00:00Z");
    assertThat(evenings.isAvailable(t, LISBON)).isTrue();
    assertThat(evenings.isAvailable(t, AMSTERDAM)).isTrue();
    assertThat(evenings.isAvailable(t, NEW_YORK)).isFalse();
    // 04:00 Tuesday in Tokyo, 06:00 Tuesday in Sydney
    assertThat(evenings.isAvailable(t, TOKYO)).isFalse();
    assertThat(evenings.isAvailable(t, SYDNEY)).isFalse();
    // the end is exclusive, the start inclusive
    assertThat(evenings.isAvailable(at("2026-12-07T18:00:00", LISBON), LISBON)).isTrue();
    assertThat(evenings.isAvailable(at("2026-12-07T21:59:59", LISBON), LISBON)).isTrue();
    assertThat(evenings.isAvailable(at("2026-12-07T22:00:00", LISBON), LISBON)).isFalse();
    assertThat(evenings.isAvailable(at("2026-12-07T17:59:59", LISBON), LISBON)).isFalse();
  }

  @Test
  void theSameWallClockHoursInWinterAndSummer() {
    WeeklyHours h = WeeklyHours.parse("sat 09:00-13:00");
    // Amsterdam is UTC+1 in January and UTC+2 in July: the UTC hour differs, the local one not
    assertThat(h.isAvailable(Instant.parse("2027-01-09T11:30:00Z"), AMSTERDAM)).isTrue(); // 12:30
    assertThat(h.isAvailable(Instant.parse("2027-07-10T11:30:00Z"), AMSTERDAM)).isFalse(); // 13:30
    assertThat(h.isAvailable(Instant.parse("2027-07-10T07:30:00Z"), AMSTERDAM)).isTrue(); // 09:30
    assertThat(h.isAvailable(Instant.parse("2027-01-09T07:30:00Z"), AMSTERDAM)).isFalse(); // 08:30
  }

  @Test
  void springForwardSkipsTheMissingHour() {
    // Europe/Amsterdam, Sunday 2027-03-28: 02:00 CET jumps to 03:00 CEST (01:00 UTC)
    WeeklyHours inGap = WeeklyHours.parse("sun 02:00-03:00");
    for (int minute = 0; minute < 180; minute++) {
      Instant t = Instant.parse("2027-03-28T00:00:00Z").plusSeconds(60L * minute);
      assertThat(inGap.isAvailable(t, AMSTERDAM)).as("minute %d", minute).isFalse();
    }
    // its next start is not that day (the range does not exist then) but the next Sunday
    assertThat(inGap.nextAvailable(Instant.parse("2027-03-27T12:00:00Z"), AMSTERDAM))
        .contains(at("2027-04-04T02:00:00", AMSTERDAM));

    // a range that starts in the gap begins at the first minute after it
    WeeklyHours acrossGap = WeeklyHours.parse("sun 02:00-05:00");
    assertThat(acrossGap.nextAvailable(Instant.parse("2027-03-27T12:00:00Z"), AMSTERDAM))
        .contains(Instant.parse("2027-03-28T01:00:00Z")); // 03:00 CEST
    assertThat(acrossGap.isAvailable(Instant.parse("2027-03-28T01:00:00Z"), AMSTERDAM)).isTrue();
    assertThat(acrossGap.isAvailable(Instant.parse("2027-03-28T03:00:00Z"), AMSTERDAM)).isFalse();
  }

  @Test
  void fallBackRepeatsTheHourAndBothAreAvailable() {
    // Europe/Amsterdam, Sunday 2027-10-31: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice
    WeeklyHours h = WeeklyHours.parse("sun 02:00-03:00");
    assertThat(h.isAvailable(Instant.parse("2027-10-31T00:30:00Z"), AMSTERDAM)).isTrue(); // CEST
    assertThat(h.isAvailable(Instant.parse("2027-10-31T01:30:00Z"), AMSTERDAM)).isTrue(); // CET
    assertThat(h.isAvailable(Instant.parse("2027-10-31T02:00:00Z"), AMSTERDAM)).isFalse(); // 03:00
  }

  @Test
  void southernHemisphereDst() {
    // Sydney: AEDT (UTC+11) in December, AEST (UTC+10) in June
    WeeklyHours h = WeeklyHours.parse("wed 20:00-23:00");
    assertThat(h.isAvailable(Instant.parse("2026-12-09T09:30:00Z"), SYDNEY)).isTrue(); // 20:30
    assertThat(h.isAvailable(Instant.parse("2027-06-09T09:30:00Z"), SYDNEY)).isFalse(); // 19:30
    assertThat(h.isAvailable(Instant.parse("2027-06-09T10:30:00Z"), SYDNEY)).isTrue(); // 20:30
  }

  @Test
  void nextAvailable() {
    WeeklyHours h = WeeklyHours.parse("mon 18:00-22:00, sat 09:00-13:00");
    Instant thursday = at("2026-12-03T20:00:00", LISBON);
    assertThat(h.nextAvailable(thursday, LISBON)).contains(at("2026-12-05T09:00:00", LISBON));
    Instant saturdayNoon = at("2026-12-05T12:00:00", LISBON);
    assertThat(h.nextAvailable(saturdayNoon, LISBON)).contains(saturdayNoon);
    Instant saturdayLate = at("2026-12-05T13:00:00", LISBON);
    assertThat(h.nextAvailable(saturdayLate, LISBON)).contains(at("2026-12-07T18:00:00", LISBON));
    // a week later when the only range has just ended
    WeeklyHours once = WeeklyHours.parse("thu 08:00-09:00");
    assertThat(once.nextAvailable(at("2026-12-03T09:00:00", TOKYO), TOKYO))
        .contains(at("2026-12-10T08:00:00", TOKYO));
    // the night owl: a range through midnight reads as one stretch
    WeeklyHours owl = WeeklyHours.parse("fri 22:00-24:00, sat 00:00-03:00");
    assertThat(owl.isAvailable(at("2026-12-05T00:30:00", NEW_YORK), NEW_YORK)).isTrue();
    assertThat(owl.nextAvailable(at("2026-12-05T02:59:00", NEW_YORK), NEW_YORK))
        .contains(at("2026-12-05T02:59:00", NEW_YORK));
  }

  @Test
  void nextAvailableIsAlwaysAvailableAndNeverEarlier() {
    WeeklyHours h = WeeklyHours.parse("tue 07:15-07:45, sun 23:00-24:00");
    Instant t = Instant.parse("2027-03-20T00:00:00Z");
    for (int step = 0; step < 24 * 21; step++, t = t.plusSeconds(3600)) {
      Instant next = h.nextAvailable(t, AMSTERDAM).orElseThrow();
      assertThat(next).isAfterOrEqualTo(t);
      assertThat(h.isAvailable(next, AMSTERDAM)).isTrue();
      // no available minute in between
      for (Instant m = t; m.isBefore(next); m = m.plusSeconds(60)) {
        assertThat(h.isAvailable(m, AMSTERDAM)).isFalse();
      }
    }
  }

  private static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.ofLocal(java.time.LocalDateTime.parse(localDateTime), zone, null)
        .toInstant();
  }
}
