package io.fixfinder.indexer.fix;

import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the remedy a record states, if any: a manual's troubleshooting row (its remedy and cause),
 * a thread's accepted answer or, failing that, its best answer, a how-to guide (its steps, tools
 * and parts), a repair video (its title and chapters). Records of other kinds, and records whose
 * error codes or problem show they treat another fault than the issue's, state none.
 */
final class Remedies {
  /** Authority of one source before votes: a maker's manual over a guide over people's answers. */
  static final double MANUAL = 3, GUIDE = 2.5, ACCEPTED = 2, ANSWER = 1, VIDEO = 1;

  /** Shown texts are cut at a sentence end near this length; the link leads to the rest. */
  static final int MAX_TEXT = 320;

  private static final Pattern LIST_ITEM =
      Pattern.compile("(?m)^\\s*(?:\\d{1,2}[.)]|[-*\u2022])\\s+(\\S.*)$");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

  private Remedies() {}

  static Optional<Remedy> of(SourceDoc d, IssueCluster issue) {
    List<String> names = names(d, issue);
    Optional<Remedy> r =
        switch (d.details()) {
          case Details.ManualSection m when !m.remedy().isBlank() -> {
            if (!treats(d, m.problem(), issue)) yield Optional.empty();
            String rowStatement = RemedyText.statement(m.cause() + " " + m.remedy());
            yield Optional.of(
                new Remedy(
                    d,
                    "troubleshooting-row",
                    m.remedy().strip(),
                    m.cause().strip(),
                    d.url(),
                    m.page() > 0 ? "p. " + m.page() : "troubleshooting table",
                    m.page(),
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    RemedyText.terms(rowStatement, names),
                    rowStatement,
                    MANUAL,
                    List.of()));
          }
          case Details.Thread t when !t.answerToShow().isBlank() -> {
            if (!treats(d, d.title(), issue)) yield Optional.empty();
            boolean accepted = t.hasAcceptedAnswer();
            int votes = accepted ? t.acceptedVotes() : t.bestVotes();
            // an unaccepted reply nobody voted for is one person's guess, not a fix
            if (!accepted && votes <= 0 && !d.fixReported()) yield Optional.empty();
            String answer = t.answerToShow().strip();
            String said = statement(lead(answer), answer, names);
            yield Optional.of(
                new Remedy(
                    d,
                    accepted ? "accepted-answer" : "answer",
                    lead(answer),
                    "",
                    withTextFragment(d.url(), answer),
                    accepted ? "accepted answer" : "answer with " + votes + " votes",
                    0,
                    votes,
                    steps(answer),
                    List.of(),
                    List.of(),
                    RemedyText.terms(said, names),
                    said,
                    accepted ? ACCEPTED : ANSWER,
                    List.of()));
          }
          case Details.Guide g when !g.steps().isEmpty() -> {
            if (!treats(d, d.title(), issue)) yield Optional.empty();
            List<Fix.Step> steps = new ArrayList<>();
            StringBuilder all = new StringBuilder(d.title());
            for (Details.Guide.Step s : g.steps()) {
              steps.add(new Fix.Step(s.name(), s.text(), ""));
              all.append(' ').append(s.name()).append(' ').append(s.text());
            }
            List<String> parts = new ArrayList<>();
            for (Details.Guide.Item i : g.parts()) if (!i.name().isBlank()) parts.add(i.name());
            for (Details.Guide.Item i : g.supplies()) if (!i.name().isBlank()) parts.add(i.name());
            List<String> tools = new ArrayList<>();
            for (Details.Guide.Item i : g.tools()) if (!i.name().isBlank()) tools.add(i.name());
            String said = statement(d.title(), all.toString(), names);
            yield Optional.of(
                new Remedy(
                    d,
                    "guide",
                    d.title().strip(),
                    "",
                    d.url(),
                    g.steps().size() + " steps",
                    0,
                    0,
                    steps,
                    tools,
                    parts,
                    RemedyText.terms(said, names),
                    said,
                    GUIDE,
                    List.of()));
          }
          case Details.Video v -> {
            if (!treats(d, d.title(), issue)) yield Optional.empty();
            StringBuilder all = new StringBuilder(d.title());
            List<Fix.Step> steps = new ArrayList<>();
            for (Chapter c : v.chapters()) {
              all.append(' ').append(c.title());
              if (c.startSeconds() > 0)
                steps.add(new Fix.Step(clock(c.startSeconds()), c.title(), c.url()));
            }
            String said = statement(d.title(), all.toString(), names);
            yield Optional.of(
                new Remedy(
                    d,
                    "video",
                    d.title().strip(),
                    "",
                    d.url(),
                    "video",
                    0,
                    0,
                    steps.size() >= 2 ? steps : List.of(),
                    List.of(),
                    List.of(),
                    RemedyText.terms(said, names),
                    said,
                    VIDEO + Math.log10(1 + v.views()) / 6,
                    v.chapters()));
          }
          default -> Optional.empty();
        };
    return r.filter(x -> !x.terms().isEmpty());
  }

  /**
   * What a source's remedy is grouped by: its statement (an answer's first paragraph, a guide's or
   * video's title), not its procedure. Fixes share procedure ("unplug it, drain the water, open the
   * kickplate" comes before cleaning the filter and before replacing the pump), so grouping whole
   * answers merges different fixes. The whole text when the statement says nothing. Normalised
   * ({@link RemedyText#statement}).
   */
  private static String statement(String statement, String whole, List<String> names) {
    String s = RemedyText.statement(statement);
    return RemedyText.terms(s, names).isEmpty() ? RemedyText.statement(whole) : s;
  }

  /** Words every source of the issue shares: they say nothing about the remedy. */
  private static List<String> names(SourceDoc d, IssueCluster issue) {
    List<String> names = new ArrayList<>();
    names.add(d.product().brand());
    names.add(d.product().model());
    names.add(issue.scope().brand());
    names.add(issue.scope().model());
    names.addAll(d.errorCodes());
    names.addAll(issue.errorCodes());
    return names;
  }

  /**
   * Whether a record treats the issue's fault: its codes meet the issue's, or, carrying none while
   * the issue has some, its problem shares a word with the issue's label (a cluster can hold a
   * manual's neighbouring rows; "Display shows nothing" is no fix for "Drain pump blocked").
   */
  static boolean treats(SourceDoc d, String problem, IssueCluster issue) {
    if (issue.errorCodes().isEmpty()) return true;
    if (!d.errorCodes().isEmpty()) return !Collections.disjoint(d.errorCodes(), issue.errorCodes());
    Set<String> label = RemedyText.terms(issue.label(), List.of());
    return !Collections.disjoint(RemedyText.terms(problem, List.of()), label);
  }

  /** The first paragraph, cut at a sentence end near {@link #MAX_TEXT}. */
  static String lead(String text) {
    String first = text.strip().split("\\n\\s*\\n|\\n(?=\\s*(?:\\d{1,2}[.)]|[-*\u2022])\\s)", 2)[0];
    first = URL.matcher(first).replaceAll("").replaceAll("\\s+", " ").strip();
    return shorten(first);
  }

  static String shorten(String text) {
    if (text.length() <= MAX_TEXT) return text;
    int cut = -1;
    Matcher m = SENTENCE_END.matcher(text);
    while (m.find() && m.end() <= MAX_TEXT) cut = m.end();
    return cut > 40 ? text.substring(0, cut) : text.substring(0, MAX_TEXT).strip() + "\u2026";
  }

  /**
   * Steps of an answer: its numbered or bulleted lines, else its paragraphs after the first when
   * there are at least three (people often write one step a paragraph); lines with links are left
   * out (they point elsewhere, the sources list has them).
   */
  static List<Fix.Step> steps(String answer) {
    List<Fix.Step> steps = new ArrayList<>();
    Matcher m = LIST_ITEM.matcher(answer);
    while (m.find())
      if (!URL.matcher(m.group(1)).find()) steps.add(new Fix.Step("", m.group(1).strip(), ""));
    if (steps.size() >= 2) return steps;
    steps.clear();
    String[] paragraphs = answer.strip().split("\\n\\s*\\n");
    for (int i = 1; i < paragraphs.length; i++) {
      String p = paragraphs[i].replaceAll("\\s+", " ").strip();
      if (!p.isEmpty() && !URL.matcher(p).find() && p.length() <= MAX_TEXT)
        steps.add(new Fix.Step("", p, ""));
    }
    return steps.size() >= 3 ? steps : List.of();
  }

  /**
   * The page's URL with a text fragment ({@code #:~:text=}) on the answer's first words: browsers
   * that support it scroll to the answer and highlight it, the others open the page.
   */
  static String withTextFragment(String url, String answer) {
    String firstLine = URL.matcher(answer.strip().split("\\R", 2)[0]).replaceAll(" ").strip();
    String[] words = firstLine.split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) return url;
    String start = String.join(" ", java.util.Arrays.copyOf(words, Math.min(8, words.length)));
    String fragment = ":~:text=" + encode(start);
    return url.contains("#") ? url + fragment : url + "#" + fragment;
  }

  /**
   * Percent-encoding of everything but unreserved characters ('-' and ',' too: they are syntax).
   */
  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  static String clock(int seconds) {
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
