package io.fixfinder.ui;

import io.fixfinder.indexer.leaderboard.Leaderboards;
import java.util.Objects;

/** The leaderboards' front page: every product type with its counts and a link to its board. */
public record LeaderboardsPage(Leaderboards.Board board) {
  public LeaderboardsPage {
    Objects.requireNonNull(board);
  }

  /** Whether any repair report (Open Repair Data) is in the index. */
  public boolean hasReports() {
    return board.types().stream().anyMatch(t -> t.reports() > 0);
  }

  public static String link(String type) {
    return Links.leaderboard(type);
  }
}
