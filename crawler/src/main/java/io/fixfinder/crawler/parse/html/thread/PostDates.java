package io.fixfinder.crawler.parse.html.thread;

import io.fixfinder.crawler.parse.Dates;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as forums print them: ISO, "Mar 4, 2025", "4 March 2025", "Tue Mar 4 19:42:18 UTC 2025",
 * "03-04-2025" (month first, the common default of US-made engines, unless the first number cannot
 * be a month; dotted dates are day first). Only the day is kept from text: times are in a time zone
 * the page seldom states.
 */
final class PostDates {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));
  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?i)\\b"
              + MONTH
              + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+[\\d:]+(?:\\s+[A-Z]{2,4})?)?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})\\b");

  private static final Pattern UNIX = Pattern.compile("\\d{9,10}");
  private static final Pattern FULL_ISO =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DIGITS = Pattern.compile("\\d{4}");

  private PostDates() {}

  /** A date attribute's value: ISO, else Unix seconds. */
  static Optional<Instant> attribute(String value) {
    String v = value.strip();
    if (UNIX.matcher(v).matches()) return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
    // Only a full ISO instant goes to the ISO parser, which fails by exception; other forms
    // ("2024-11-02T09:14:00-0500") keep their day.
    if (FULL_ISO.matcher(v).matches()) {
      Instant iso = Dates.parse(v);
      if (!iso.equals(Instant.EPOCH)) return Optional.of(iso);
    }
    return text(v);
  }

  /** The first date written in a short text. */
  static Optional<Instant> text(String text) {
    if (!DIGITS.matcher(text).find()) return Optional.empty(); // every form has a year
    String t = text.toLowerCase(Locale.ROOT);
    Matcher m = ISO.matcher(t);
    if (m.find()) return day(num(m, 1), num(m, 2), num(m, 3));
    m = MONTH_DAY_YEAR.matcher(t);
    if (m.find()) return day(num(m, 3), MONTHS.get(m.group(1)), num(m, 2));
    m = DAY_MONTH_YEAR.matcher(t);
    if (m.find()) return day(num(m, 3), MONTHS.get(m.group(2)), num(m, 1));
    m = NUMERIC.matcher(t);
    if (m.find()) {
      int a = num(m, 1);
      int b = num(m, 3);
      boolean dayFirst = m.group(2).equals(".") || a > 12;
      return dayFirst ? day(num(m, 4), b, a) : day(num(m, 4), a, b);
    }
    return Optional.empty();
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Optional<Instant> day(int year, int month, int day) {
    if (year < 1990 || year > 2100) return Optional.empty();
    try {
      return Optional.of(LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
