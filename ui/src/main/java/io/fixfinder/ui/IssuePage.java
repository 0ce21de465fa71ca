package io.fixfinder.ui;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.indexer.view.IssueView;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The issue page: one issue cluster in full, as the issue view reads it, with what this visitor
 * answered today to "did this fix it?" ({@code yours}, by item key) and the item they just voted
 * on.
 */
public record IssuePage(IssueView.Page view, Map<String, Answer> yours, Optional<String> voted) {
  public IssuePage {
    Objects.requireNonNull(view);
    yours = Map.copyOf(yours);
    Objects.requireNonNull(voted);
  }

  /** People who can help with the issue (empty without a helper directory). */
  public java.util.List<io.fixfinder.core.helpers.match.HelperCard> helpers() {
    return HelperDisplay.cards(view.helpers());
  }

  public String title() {
    String label = view.issue().label();
    return (label.isEmpty() ? "Issue" : label) + " - FixFinder";
  }

  /** The issue's fixes with their place in the list, best first (the first is shown open). */
  public java.util.List<Map.Entry<Integer, io.fixfinder.indexer.fix.Fix>> numberedFixes() {
    var fixes = view.fixes();
    java.util.List<Map.Entry<Integer, io.fixfinder.indexer.fix.Fix>> out =
        new java.util.ArrayList<>();
    for (int i = 0; i < fixes.size(); i++) out.add(Map.entry(i, fixes.get(i)));
    return out;
  }

  /** The feedback item a fix is voted on by: its most authoritative source's record. */
  public static String fixItem(io.fixfinder.indexer.fix.Fix fix) {
    return fix.sources().isEmpty() ? "" : "doc:" + fix.sources().get(0).docId();
  }

  /** Whether the visitor's "still broken" was on one of the fixes, not on the issue. */
  public boolean votedOnFix() {
    return voted.filter(v -> view.fixes().stream().anyMatch(f -> fixItem(f).equals(v))).isPresent();
  }

  /**
   * The fixes to try next after "still broken": every fix of the page but the one voted on, with
   * its place in the list (for its anchor), best first.
   */
  public java.util.List<Map.Entry<Integer, io.fixfinder.indexer.fix.Fix>> otherFixes() {
    return numberedFixes().stream()
        .filter(e -> voted.isEmpty() || !fixItem(e.getValue()).equals(voted.get()))
        .toList();
  }

  /** The feedback item of the issue itself. */
  public String issueItem() {
    return "issue:" + view.issue().id();
  }

  /** The visitor's answer today on {@code item}, in words, or empty. */
  public String yourAnswer(String item) {
    Answer a = yours.get(item);
    if (a == null) return "";
    return switch (a) {
      case YES -> "yes, it fixed it";
      case PARTLY -> "partly";
      case NO -> "still broken";
    };
  }

  /** Whether the visitor just said the issue's fix left it broken: the page offers what is next. */
  public boolean stillBroken() {
    return voted.map(v -> yours.get(v) == Answer.NO).orElse(false);
  }

  /** "3 of 4 people who voted say it fixed it", or empty without votes ("partly" counts half). */
  public static String votes(Tally t) {
    long n = t.yes() + t.no() + t.partly();
    if (n == 0) return "";
    return Display.count(t.yes())
        + " of "
        + Display.plural(n, "person", "people")
        + " who voted say it fixed it"
        + (t.partly() > 0 ? ", " + Display.count(t.partly()) + " partly" : "");
  }
}
