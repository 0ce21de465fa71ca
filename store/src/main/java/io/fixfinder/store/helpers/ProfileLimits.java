package io.fixfinder.store.helpers;

/**
 * Size limits of a profile, passed by the composition root.
 *
 * @param maxSkills skills per helper (default 50)
 * @param maxLanguages languages per helper (default 10)
 * @param maxBio characters of the bio (default 1000)
 * @param maxCity characters of the city (default 100)
 * @param maxWeeklyHours characters of the weekly-hours text (default 500)
 */
public record ProfileLimits(
    int maxSkills, int maxLanguages, int maxBio, int maxCity, int maxWeeklyHours) {
  /** The columns' sizes in V2__helpers.sql: limits above them cannot be stored. */
  static final int BIO_COLUMN = 2000;

  static final int CITY_COLUMN = 100;
  static final int HOURS_COLUMN = 500;
  static final int LANGUAGES_COLUMN = 100;

  public ProfileLimits {
    if (maxSkills < 0 || maxLanguages < 0 || maxBio < 0 || maxCity < 0 || maxWeeklyHours < 0) {
      throw new IllegalArgumentException("profile limits cannot be negative");
    }
    // Characters, not bytes: PostgreSQL's VARCHAR(n) counts characters; SQLite does not enforce n.
    if (maxBio > BIO_COLUMN
        || maxCity > CITY_COLUMN
        || maxWeeklyHours > HOURS_COLUMN
        || maxLanguages * 3 > LANGUAGES_COLUMN + 1) {
      throw new IllegalArgumentException("a profile limit exceeds its database column");
    }
  }

  public static ProfileLimits defaults() {
    return new ProfileLimits(50, 10, 1000, 100, 500);
  }
}
