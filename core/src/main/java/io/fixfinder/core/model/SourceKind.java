package io.fixfinder.core.model;

import java.util.Locale;

/** Where a document came from; drives extraction, ranking priors and grouping in results. */
public enum SourceKind {
  MANUAL,
  FORUM,
  VIDEO,
  REVIEW,
  PRODUCT,
  REPAIR_REPORT;

  /** The lower-case id used in config, JSON and URLs ({@code manual}, {@code repair_report}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceKind parse(String value) {
    for (SourceKind kind : values()) {
      if (kind.id().equalsIgnoreCase(value.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown source kind '"
            + value
            + "' (expected one of manual, forum, video, review, product, repair_report)");
  }
}
