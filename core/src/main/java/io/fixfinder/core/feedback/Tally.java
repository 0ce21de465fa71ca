package io.fixfinder.core.feedback;

/**
 * The votes on one item.
 *
 * <p>{@link #fixRate()} is the raw share of votes that report a fix; {@link #score()} is the value
 * to rank with: the mean of a Beta(1, 1) posterior (Laplace's rule of succession) over the same
 * successes, {@code (fixes + 1) / (total + 2)}. With no votes it is 0.5 ("no evidence"), one "yes"
 * gives 0.67, ten "yes" 0.92, one "no" 0.33: a few votes move an item a little, many move it a lot,
 * and an item nobody voted on sits between the praised and the panned. A "partly" counts as half a
 * fix in both.
 */
public record Tally(long yes, long no, long partly) {
  public static final Tally NONE = new Tally(0, 0, 0);

  public Tally {
    if (yes < 0 || no < 0 || partly < 0) {
      throw new IllegalArgumentException(
          "vote counts must be >= 0, got yes=" + yes + " no=" + no + " partly=" + partly);
    }
  }

  public long total() {
    return yes + no + partly;
  }

  /** Fixes (a "partly" is half of one) among all votes; 0 when there are none. */
  public double fixRate() {
    long total = total();
    return total == 0 ? 0 : fixes() / total;
  }

  /** The smoothed fix rate for ranking, in (0, 1); 0.5 when there are no votes. */
  public double score() {
    return (fixes() + 1) / (total() + 2.0);
  }

  private double fixes() {
    return yes + partly / 2.0;
  }

  /** The votes of both tallies together (an item's, and those cast on ids that now mean it). */
  public Tally plus(Tally other) {
    return new Tally(yes + other.yes, no + other.no, partly + other.partly);
  }

  /** This tally with one more vote. */
  public Tally plus(Answer answer) {
    return switch (answer) {
      case YES -> new Tally(yes + 1, no, partly);
      case NO -> new Tally(yes, no + 1, partly);
      case PARTLY -> new Tally(yes, no, partly + 1);
    };
  }
}
