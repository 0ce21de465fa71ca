package io.fixfinder.ui;

import io.fixfinder.indexer.leaderboard.Leaderboards;
import io.fixfinder.indexer.leaderboard.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One product type's leaderboard page: its brands and models in tables and dot-and-interval plots
 * drawn on the server (SVG, no script), with what each figure means and where it comes from.
 */
public record LeaderboardPage(Leaderboards.TypeBoard board, int minReports) {
  /** Rows plotted at most; the table lists them all. */
  static final int MAX_PLOTTED = 40;

  public LeaderboardPage {
    Objects.requireNonNull(board);
  }

  public String label() {
    return Display.type(board.type());
  }

  public String title() {
    return label() + " brands and models - FixFinder leaderboards";
  }

  /** The ranked brands' fix rates, best first. */
  public Plot brandFixPlot() {
    return Plot.of(
        "brand-fix",
        "Fix rate of each ranked " + label().toLowerCase(java.util.Locale.ROOT) + " brand",
        ranked(board.brands(), Leaderboards.Row::fixRank),
        Leaderboards.Row::fixRate,
        LeaderboardPage::name,
        "fixed");
  }

  /** The ranked brands' beyond-repair rates, least often first. */
  public Plot brandEndOfLifePlot() {
    return Plot.of(
        "brand-eol",
        "Beyond-repair rate of each ranked "
            + label().toLowerCase(java.util.Locale.ROOT)
            + " brand",
        ranked(board.brands(), Leaderboards.Row::endOfLifeRank),
        Leaderboards.Row::endOfLifeRate,
        LeaderboardPage::name,
        "beyond repair");
  }

  /** The ranked models' fix rates, best first. */
  public Plot modelFixPlot() {
    return Plot.of(
        "model-fix",
        "Fix rate of each ranked " + label().toLowerCase(java.util.Locale.ROOT) + " model",
        ranked(board.models(), Leaderboards.Row::fixRank),
        Leaderboards.Row::fixRate,
        LeaderboardPage::name,
        "fixed");
  }

  private static List<Leaderboards.Row> ranked(
      List<Leaderboards.Row> rows, Function<Leaderboards.Row, Optional<Integer>> rank) {
    return rows.stream()
        .filter(r -> rank.apply(r).isPresent())
        .sorted(java.util.Comparator.comparing(r -> rank.apply(r).orElseThrow()))
        .limit(MAX_PLOTTED)
        .toList();
  }

  /** "Dell" for a brand, "Dell XPS-13" for a model. */
  public static String name(Leaderboards.Row row) {
    return (row.brand() + " " + row.model()).strip();
  }

  /** "62% (58–66%)", or "–" without reports of known outcome. */
  public static String rate(Optional<Proportion> p) {
    return p.map(
            x ->
                Display.percent(x.value())
                    + " ("
                    + Display.percent(x.low())
                    + "–"
                    + Display.percent(x.high())
                    + ")")
        .orElse("–");
  }

  /** The rank ("3"; a tie shows as the same number twice), or "too few reports". */
  public static String rank(Optional<Integer> rank) {
    return rank.map(String::valueOf).orElse("too few reports");
  }

  /** The type's repair reports that were fixed, as a share, or "–". */
  public String typeFixRate() {
    long known = board.outcomes().known();
    return known == 0 ? "–" : rate(Optional.of(Proportion.wilson(board.outcomes().fixed(), known)));
  }

  /**
   * A dot-and-interval plot: each row a dot at its rate and a line across its 95% interval, on a
   * 0-100% axis. Coordinates are computed here so the template only places numbers.
   *
   * @param summary the text alternative: every row's figures in words
   */
  public record Plot(
      String id,
      String title,
      String summary,
      int width,
      int height,
      List<Mark> marks,
      List<Tick> ticks) {
    static final int WIDTH = 720;
    static final int LEFT = 230;
    static final int RIGHT = 24;
    static final int TOP = 28;
    static final int ROW = 24;

    public boolean isEmpty() {
      return marks.isEmpty();
    }

    static Plot of(
        String id,
        String title,
        List<Leaderboards.Row> rows,
        Function<Leaderboards.Row, Optional<Proportion>> rate,
        Function<Leaderboards.Row, String> name,
        String what) {
      List<Mark> marks = new ArrayList<>();
      List<String> words = new ArrayList<>();
      int y = TOP + ROW / 2;
      for (Leaderboards.Row row : rows) {
        Proportion p = rate.apply(row).orElseThrow();
        String label = name.apply(row);
        marks.add(
            new Mark(
                abbreviate(label, 30),
                x(p.value()),
                x(p.low()),
                x(p.high()),
                y,
                label + ": " + rate(Optional.of(p)) + " " + what + ", " + p.n() + " reports"));
        words.add(label + " " + rate(Optional.of(p)));
        y += ROW;
      }
      List<Tick> ticks = new ArrayList<>();
      for (int t = 0; t <= 100; t += 25) ticks.add(new Tick(x(t / 100.0), t + "%"));
      String summary =
          title
              + ", with its 95% interval, in rank order: "
              + String.join("; ", words)
              + ". The table below gives the same figures.";
      return new Plot(id, title, summary, WIDTH, y - ROW / 2 + 8, marks, ticks);
    }

    static int x(double share) {
      return LEFT + (int) Math.round(share * (WIDTH - LEFT - RIGHT));
    }

    public int left() {
      return LEFT;
    }

    public int right() {
      return WIDTH - RIGHT;
    }

    public int axisY() {
      return TOP - 6;
    }

    private static String abbreviate(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
  }

  /** One row of a plot: its label, dot and interval, and the same in words. */
  public record Mark(String label, int x, int low, int high, int y, String text) {}

  /** An axis tick. */
  public record Tick(int x, String label) {}
}
