package io.fixfinder.core.helpers.schedule;

import io.fixfinder.core.helpers.schedule.WeeklyHoursException.Problem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours of a week in which a helper helps, in their own wall-clock time: a set of ranges such
 * as {@code "mon 18:00-22:00, sat 09:00-13:00"}.
 *
 * <p><b>Text form.</b> Items separated by commas, each {@code day HH:MM-HH:MM} with day one of
 * {@code mon tue wed thu fri sat sun} (any case on input). An end of {@code 24:00} means "until
 * midnight". The end must be after the start: a range past midnight is written as two ranges,
 * {@code "fri 22:00-24:00, sat 00:00-02:00"}. We chose that over accepting {@code fri 22:00-02:00}
 * because then a reversed range ({@code mon 18:00-09:00}, a typo for 09:00-18:00) could not be told
 * from a night shift, and a typo would silently become a 15-hour night. Ranges may not overlap;
 * touching ranges of one day are merged. The empty text is the empty schedule (never available).
 *
 * <p><b>Canonical form.</b> {@link #toString()} writes the ranges by day (monday first) and start,
 * lower case, with touching ranges of a day merged, so two schedules with the same hours have the
 * same text and {@code parse(h.toString()).equals(h)}.
 *
 * <p><b>Time zones.</b> Hours are wall-clock hours where the helper lives: "mon 18:00-22:00" in
 * {@code Europe/Lisbon} is 18:00 on a Lisbon clock in winter and in summer. On the night clocks
 * spring forward the skipped hour is in no range; on the night they fall back the repeated hour is
 * available twice if it is in a range.
 */
public final class WeeklyHours {
  /** The empty schedule: never available. */
  public static final WeeklyHours EMPTY = new WeeklyHours(List.of());

  /** Bounds bad input: seven days of a few ranges each fit in far less. */
  public static final int MAX_TEXT_LENGTH = 2000;

  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  /**
   * One range of one day, in minutes since that day's midnight: {@code [start, end)}, end at most
   * 1440 (24:00).
   */
  public record Range(DayOfWeek day, int startMinute, int endMinute) {
    public Range {
      Objects.requireNonNull(day, "day");
      if (startMinute < 0 || endMinute > MINUTES_PER_DAY || endMinute <= startMinute) {
        throw new IllegalArgumentException(
            "range " + startMinute + "-" + endMinute + " is not within one day");
      }
    }

    /** Minutes since Monday 00:00 of the start. */
    public int weekStart() {
      return (day.getValue() - 1) * MINUTES_PER_DAY + startMinute;
    }

    /** Minutes since Monday 00:00 of the end (exclusive). */
    public int weekEnd() {
      return (day.getValue() - 1) * MINUTES_PER_DAY + endMinute;
    }

    @Override
    public String toString() {
      return DAYS[day.getValue() - 1] + " " + hhmm(startMinute) + "-" + hhmm(endMinute);
    }
  }

  private final List<Range> ranges;

  /** Week minutes of the ranges, [start, end) pairs in order: what the hot path reads. */
  private final int[] weekMinutes;

  private WeeklyHours(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
    this.weekMinutes = new int[this.ranges.size() * 2];
    for (int i = 0; i < this.ranges.size(); i++) {
      weekMinutes[2 * i] = this.ranges.get(i).weekStart();
      weekMinutes[2 * i + 1] = this.ranges.get(i).weekEnd();
    }
  }

  /**
   * Builds a schedule from ranges (in any order), with the rules of {@link #parse}: overlapping
   * ranges are an error, touching ranges of one day are merged.
   *
   * @throws WeeklyHoursException with {@link Problem#OVERLAP}
   */
  public static WeeklyHours of(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::weekStart));
    List<Range> merged = new ArrayList<>();
    for (Range r : sorted) {
      if (!merged.isEmpty()) {
        Range last = merged.getLast();
        if (r.weekStart() < last.weekEnd()) {
          throw new WeeklyHoursException(
              Problem.OVERLAP, "ranges '" + last + "' and '" + r + "' overlap");
        }
        if (r.day() == last.day() && r.startMinute() == last.endMinute()) {
          merged.set(merged.size() - 1, new Range(r.day(), last.startMinute(), r.endMinute()));
          continue;
        }
      }
      merged.add(r);
    }
    return merged.isEmpty() ? EMPTY : new WeeklyHours(merged);
  }

  /**
   * Parses the text form (see the class comment).
   *
   * @throws WeeklyHoursException naming the bad item (its 1-based position and text)
   */
  public static WeeklyHours parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new WeeklyHoursException(
          Problem.SYNTAX, "weekly hours longer than " + MAX_TEXT_LENGTH + " characters");
    }
    if (text.isBlank()) return EMPTY;
    String[] items = text.split(",", -1);
    List<Range> ranges = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      ranges.add(parseItem(items[i].strip(), i + 1));
    }
    return of(ranges);
  }

  private static Range parseItem(String item, int position) {
    String where = "item " + position + " '" + item + "': ";
    if (item.isEmpty()) {
      throw new WeeklyHoursException(
          Problem.SYNTAX, "item " + position + " is empty: expected 'day HH:MM-HH:MM'");
    }
    String[] parts = item.split("\\s+");
    if (parts.length != 2) {
      throw new WeeklyHoursException(
          Problem.SYNTAX, where + "expected 'day HH:MM-HH:MM', e.g. 'mon 18:00-22:00'");
    }
    DayOfWeek day = day(parts[0], where);
    String[] times = parts[1].split("-", -1);
    if (times.length != 2) {
      throw new WeeklyHoursException(
          Problem.SYNTAX, where + "expected a range 'HH:MM-HH:MM' after the day");
    }
    int start = minute(times[0], where, false);
    int end = minute(times[1], where, true);
    if (end <= start) {
      String fix =
          end < start
              ? "; a range past midnight is written as two ranges, e.g. '"
                  + DAYS[day.getValue() - 1]
                  + " "
                  + times[0]
                  + "-24:00, "
                  + DAYS[day.getValue() % 7]
                  + " 00:00-"
                  + times[1]
                  + "'"
              : "";
      throw new WeeklyHoursException(
          Problem.REVERSED, where + "the end is not after the start" + fix);
    }
    return new Range(day, start, end);
  }

  private static DayOfWeek day(String text, String where) {
    String d = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < DAYS.length; i++) {
      if (DAYS[i].equals(d)) return DayOfWeek.of(i + 1);
    }
    throw new WeeklyHoursException(
        Problem.BAD_DAY,
        where + "'" + text + "' is not a day: use mon, tue, wed, thu, fri, sat, sun");
  }

  private static int minute(String text, String where, boolean isEnd) {
    if (text.length() != 5 || text.charAt(2) != ':' || !digits(text, 0, 2) || !digits(text, 3, 5)) {
      throw new WeeklyHoursException(
          Problem.BAD_TIME, where + "'" + text + "' is not a time HH:MM (two digits each)");
    }
    int h = Integer.parseInt(text, 0, 2, 10);
    int m = Integer.parseInt(text, 3, 5, 10);
    if (h == 24 && m == 0) {
      if (isEnd) return MINUTES_PER_DAY;
      throw new WeeklyHoursException(
          Problem.BAD_TIME,
          where + "24:00 is only an end; a range starting at midnight starts 00:00");
    }
    if (h > 23 || m > 59) {
      throw new WeeklyHoursException(
          Problem.BAD_TIME,
          where + "'" + text + "' is not a time of day (00:00 to 23:59, or 24:00 as an end)");
    }
    return h * 60 + m;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static String hhmm(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }

  /** The ranges, by day (Monday first) and start. */
  public List<Range> ranges() {
    return ranges;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Hours per week, e.g. to show "12 h a week". */
  public double hoursPerWeek() {
    int minutes = 0;
    for (Range r : ranges) minutes += r.endMinute() - r.startMinute();
    return minutes / 60.0;
  }

  /**
   * Whether the helper helps at minute {@code weekMinute} of their week (0 = Monday 00:00 on their
   * clock). The matcher's hot path: no allocation.
   */
  public boolean coversWeekMinute(int weekMinute) {
    for (int i = 0; i < weekMinutes.length; i += 2) {
      if (weekMinute < weekMinutes[i]) return false;
      if (weekMinute < weekMinutes[i + 1]) return true;
    }
    return false;
  }

  /**
   * The minute of the week (0 = Monday 00:00) that a wall clock in {@code zone} shows at {@code t}.
   */
  public static int weekMinute(Instant t, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    return (local.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY
        + local.getHour() * 60
        + local.getMinute();
  }

  /** Whether a helper living in {@code zone} helps at {@code t}. */
  public boolean isAvailable(Instant t, ZoneId zone) {
    return coversWeekMinute(weekMinute(t, zone));
  }

  /**
   * The first instant at or after {@code t} at which the helper helps: {@code t} itself when
   * available now, otherwise the start of the next range on their clock (a start that falls in a
   * spring-forward gap becomes the first minute after the gap that is still in the range; a range
   * wholly inside a gap is skipped). Empty for the empty schedule.
   */
  public Optional<Instant> nextAvailable(Instant t, ZoneId zone) {
    if (ranges.isEmpty()) return Optional.empty();
    if (isAvailable(t, zone)) return Optional.of(t);
    LocalDate today = LocalDateTime.ofInstant(t, zone).toLocalDate();
    // Eight days reach every range of the week once more; two more cover ranges lost in gaps.
    for (int d = 0; d <= 9; d++) {
      LocalDate date = today.plusDays(d);
      for (Range r : ranges) {
        if (r.day() != date.getDayOfWeek()) continue;
        LocalDateTime start = date.atStartOfDay().plusMinutes(r.startMinute());
        Instant candidate = ZonedDateTime.ofLocal(start, zone, null).toInstant();
        if (candidate.isAfter(t) && isAvailable(candidate, zone)) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The canonical text form (see the class comment); {@code ""} for the empty schedule. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Range r : ranges) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append(r);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyHours other && ranges.equals(other.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }
}
