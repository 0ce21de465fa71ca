package io.fixfinder.indexer.fix;

import io.fixfinder.core.feedback.Tally;
import java.util.List;

/**
 * One fix of an issue: remedies of its sources that say the same thing. Every text is quoted from a
 * source, never written by us; the client must show it as text, not markup.
 *
 * @param text the remedy as its most authoritative source words it
 * @param cause the cause a manual row gives for it, empty when none does
 * @param steps steps from the group's best source that lists them (a guide, a numbered answer, a
 *     video's chapters), empty when none does
 * @param tools tools a guide of the group names
 * @param parts parts and supplies a guide of the group names
 * @param sources every source of the group, most authoritative first
 */
public record Fix(
    String text,
    String cause,
    List<Step> steps,
    List<String> tools,
    List<String> parts,
    List<Source> sources,
    Support support) {

  public Fix {
    steps = List.copyOf(steps);
    tools = List.copyOf(tools);
    parts = List.copyOf(parts);
    sources = List.copyOf(sources);
  }

  /**
   * One step; {@code url} opens the source at that step (a video chapter's {@code t=}), empty when
   * the source has no such place.
   */
  public record Step(String title, String text, String url) {}

  /**
   * Where the fix is said.
   *
   * @param url the exact place: a manual row's page anchor, the answer's text fragment, a video
   *     chapter's {@code t=} link
   * @param kind the record's source kind ({@code manual}, {@code forum}, {@code video})
   * @param form what in the source states it: {@code troubleshooting-row}, {@code accepted-answer},
   *     {@code answer}, {@code guide}, {@code video}
   * @param where the place for people: "p. 3", "accepted answer", "2:13 Unscrew the pump filter"
   * @param page the manual page, 0 when not a paged manual
   * @param seconds where the video moment starts, -1 when not a video moment
   * @param votes the answer's votes, 0 otherwise
   * @param text what this source says, quoted (shortened at a sentence end)
   * @param siteName the site as people read it ("FixIt Forum"), the host without its port when the
   *     site gave no name (added last: the JSON only gained a key)
   */
  public record Source(
      String docId,
      String url,
      String kind,
      String form,
      String site,
      String title,
      String where,
      int page,
      int seconds,
      int votes,
      String text,
      String siteName) {
    public Source {
      siteName = java.util.Objects.requireNonNullElse(siteName, "");
    }
  }

  /**
   * How well the fix is supported.
   *
   * @param sources records that state it
   * @param manuals manual rows among them; {@code acceptedAnswers}, {@code answers}, {@code guides}
   *     and {@code videos} likewise
   * @param maxVotes the most votes one of its answers has
   * @param feedback "did this fix it?" votes on its records, summed
   * @param score what fixes are ordered by: source authority, answer votes, views and votes summed
   *     over the sources
   * @param summary the support in words: "manual p. 3, accepted answer with 45 votes, video at
   *     2:13; 10 of 12 people who voted say it fixed it"
   */
  public record Support(
      int sources,
      int manuals,
      int acceptedAnswers,
      int answers,
      int guides,
      int videos,
      int maxVotes,
      Tally feedback,
      double score,
      String summary) {}
}
