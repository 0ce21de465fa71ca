package io.fixfinder.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The corpus's time span (2023 to early 2026) and date formats; never the wall clock. */
final class Clock {
  static final LocalDate FIRST = LocalDate.of(2023, 1, 5);
  static final LocalDate LAST = LocalDate.of(2026, 2, 20);

  /** The date site-wide files (robots.txt, sitemaps, listings) are stamped with. */
  static final LocalDate EDITION = LocalDate.of(2026, 2, 27);

  static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy");
  static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

  private Clock() {}

  /** A moment some weeks after the product came out, within the corpus span. */
  static LocalDateTime afterRelease(String released, Dice dice) {
    LocalDate from = LocalDate.parse(released).plusDays(40);
    if (from.isBefore(FIRST)) from = FIRST;
    long days = Math.max(1, LAST.toEpochDay() - from.toEpochDay());
    LocalDate day = from.plusDays(dice.between(0, (int) days));
    return day.atTime(dice.between(6, 23), dice.between(0, 59));
  }

  /** A later moment, capped at the end of the corpus span. */
  static LocalDateTime later(LocalDateTime t, int minMinutes, int maxMinutes, Dice dice) {
    LocalDateTime next = t.plusMinutes(dice.between(minMinutes, maxMinutes));
    LocalDateTime cap = EDITION.atTime(12, 0);
    return next.isAfter(cap) ? cap : next;
  }

  /** ISO 8601 in UTC, as schema.org and the YouTube API write it. */
  static String iso(LocalDateTime t) {
    return t.atOffset(ZoneOffset.UTC)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        .replace("+00:00", "Z");
  }

  static LocalDateTime parse(String isoOrDate) {
    if (isoOrDate.length() <= 10) return LocalDate.parse(isoOrDate).atTime(9, 0);
    return java.time.OffsetDateTime.parse(isoOrDate)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .toLocalDateTime();
  }
}
