package io.fixfinder.core.feedback;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a vote is about: a document of the index or an issue cluster. The key ({@code doc:<id>},
 * {@code issue:<id>}) is how the item is stored and looked up in {@link FeedbackSignals}.
 */
public record FeedbackItem(Kind kind, String id) {
  /** Ids are opaque to feedback; this shape keeps keys short and safe to log and store. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The kinds of item one can vote on; the key prefix is the lower-case name. */
  public enum Kind {
    DOC,
    ISSUE;

    public String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> fromPrefix(String prefix) {
      for (Kind k : values()) if (k.prefix().equals(prefix)) return Optional.of(k);
      return Optional.empty();
    }
  }

  public FeedbackItem {
    if (kind == null) throw new IllegalArgumentException("item kind is required");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("item id must match " + ID + ", got '" + id + "'");
    }
  }

  public static FeedbackItem doc(String id) {
    return new FeedbackItem(Kind.DOC, id);
  }

  public static FeedbackItem issue(String id) {
    return new FeedbackItem(Kind.ISSUE, id);
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** {@code doc:<id>} or {@code issue:<id>}. */
  public String key() {
    return kind.prefix() + ":" + id;
  }
}
