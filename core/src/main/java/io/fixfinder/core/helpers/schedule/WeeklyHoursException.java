package io.fixfinder.core.helpers.schedule;

/**
 * A weekly-hours text that does not parse. The message names the offending item and what was
 * expected, so that a profile form can show it as it is; {@link #problem()} lets a caller branch.
 */
public final class WeeklyHoursException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  public enum Problem {
    /** Not "day HH:MM-HH:MM", or too long. */
    SYNTAX,
    /** A day that is not mon, tue, wed, thu, fri, sat or sun. */
    BAD_DAY,
    /** A time that is not HH:MM from 00:00 to 23:59 (24:00 only as an end). */
    BAD_TIME,
    /** An end not after its start (a range past midnight is written as two ranges). */
    REVERSED,
    /** Two ranges share a minute. */
    OVERLAP
  }

  private final Problem problem;

  public WeeklyHoursException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
