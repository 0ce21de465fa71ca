package io.fixfinder.ui;

import io.fixfinder.indexer.view.IssueView;
import java.util.Objects;

/** The issue page: one issue cluster in full, as the issue view reads it. */
public record IssuePage(IssueView.Page view) {
  public IssuePage {
    Objects.requireNonNull(view);
  }

  public String title() {
    String label = view.issue().label();
    return (label.isEmpty() ? "Issue" : label) + " - FixFinder";
  }
}
