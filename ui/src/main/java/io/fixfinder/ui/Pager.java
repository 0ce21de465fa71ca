package io.fixfinder.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a result list: how many there are (never past the last reachable page), the one
 * shown, and a short window of page numbers around it.
 */
public record Pager(int current, int last, List<Integer> window) {
  private static final int WINDOW = 2;

  public Pager {
    window = List.copyOf(window);
  }

  /**
   * @param total how many results the search matched
   * @param maxPage the deepest page the API serves
   */
  public static Pager of(long total, int page, int size, int maxPage) {
    int last = (int) Math.max(1, Math.min(maxPage, (total + size - 1) / size));
    int current = Math.min(Math.max(1, page), last);
    List<Integer> window = new ArrayList<>();
    for (int p = Math.max(1, current - WINDOW); p <= Math.min(last, current + WINDOW); p++) {
      window.add(p);
    }
    return new Pager(current, last, window);
  }

  public boolean hasPrevious() {
    return current > 1;
  }

  public boolean hasNext() {
    return current < last;
  }

  /** Whether there is more than one page to choose from. */
  public boolean shown() {
    return last > 1;
  }
}
