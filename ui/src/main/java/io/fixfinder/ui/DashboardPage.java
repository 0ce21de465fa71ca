package io.fixfinder.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A company's dashboard page (issue 16): headline figures, line charts drawn on the server (SVG
 * with a title, a description that says what the chart shows, and the table beside it giving the
 * same figures), and tables each with a CSV export. Works without script.
 *
 * @param csrf the session's CSRF token, for the sign-out form
 */
public record DashboardPage(
    String tenantName,
    String period,
    String csrf,
    List<Stat> stats,
    List<Chart> charts,
    List<Table> tables,
    List<Integer> periods,
    int days) {

  public String title() {
    return tenantName + " dashboard - FixFinder";
  }

  /** A headline figure. */
  public record Stat(String label, String value) {}

  /** A tick on an axis: where, and its text. */
  public record Tick(double x, double y, String label) {}

  /** A line of a chart: its legend text, its CSS class and its SVG points. */
  public record Line(String name, String cssClass, String points) {}

  /** One series to draw: values per x step. */
  public record Series(String name, String cssClass, List<Double> values) {}

  /** A line chart. */
  public record Chart(
      String id,
      String title,
      String summary,
      int width,
      int height,
      List<Line> lines,
      List<Tick> xTicks,
      List<Tick> yTicks,
      double left,
      double bottom) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final double LEFT = 48;
    static final double RIGHT = 12;
    static final double TOP = 12;
    static final double BOTTOM = 190;

    /**
     * A chart of {@code series} over {@code xLabels} (one per step), the y axis from 0 to the
     * largest value (or {@code yMax} when given, as for shares), ticks formatted by {@code
     * percent}.
     */
    public static Chart of(
        String id,
        String title,
        String summary,
        List<String> xLabels,
        List<Series> series,
        Optional<Double> yMax,
        boolean percent) {
      int n = xLabels.size();
      double max = yMax.orElse(0.0);
      if (yMax.isEmpty()) {
        for (Series s : series) for (double v : s.values()) max = Math.max(max, v);
        max = niceCeiling(max);
      }
      double plotW = WIDTH - LEFT - RIGHT;
      double plotH = BOTTOM - TOP;
      List<Line> lines = new ArrayList<>();
      for (Series s : series) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < s.values().size(); i++) {
          double x = LEFT + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
          double y = BOTTOM - (max <= 0 ? 0 : plotH * s.values().get(i) / max);
          if (i > 0) pts.append(' ');
          pts.append(fmt(x)).append(',').append(fmt(y));
        }
        lines.add(new Line(s.name(), s.cssClass(), pts.toString()));
      }
      List<Tick> yTicks = new ArrayList<>();
      for (int k = 0; k <= 4; k++) {
        double v = max * k / 4;
        yTicks.add(
            new Tick(
                LEFT,
                BOTTOM - plotH * k / 4,
                percent
                    ? String.format(Locale.ROOT, "%.0f%%", v * 100)
                    : (v == Math.rint(v)
                        ? Long.toString((long) v)
                        : String.format(Locale.ROOT, "%.1f", v))));
      }
      List<Tick> xTicks = new ArrayList<>();
      int every = Math.max(1, (n + 5) / 6);
      for (int i = 0; i < n; i += every) {
        double x = LEFT + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
        xTicks.add(new Tick(x, BOTTOM + 16, xLabels.get(i)));
      }
      return new Chart(id, title, summary, WIDTH, HEIGHT, lines, xTicks, yTicks, LEFT, BOTTOM);
    }

    public double right() {
      return WIDTH - RIGHT;
    }

    public double top() {
      return TOP;
    }

    private static double niceCeiling(double v) {
      if (v <= 4) return 4;
      double mag = Math.pow(10, Math.floor(Math.log10(v)));
      for (double step : new double[] {1, 2, 2.5, 5, 10}) {
        if (step * mag >= v) return step * mag;
      }
      return 10 * mag;
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
  }

  /**
   * A table with its CSV export.
   *
   * @param empty what to say when there are no rows
   * @param numeric which columns hold numbers (right-aligned)
   */
  public record Table(
      String id,
      String caption,
      String note,
      String exportHref,
      List<String> headers,
      List<List<String>> rows,
      String empty,
      List<Boolean> numeric) {
    public boolean isNumeric(int column) {
      return column < numeric.size() && numeric.get(column);
    }
  }

  /** The sign-in form, with what went wrong last time (or ""). */
  public record SignIn(String error) {
    public String title() {
      return (error.isEmpty() ? "" : "Error: ") + "Company dashboard sign-in - FixFinder";
    }
  }
}
