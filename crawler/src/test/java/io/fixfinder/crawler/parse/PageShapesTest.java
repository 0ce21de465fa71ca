package io.fixfinder.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.html.GenericHtmlExtractor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-shape corpus ({@code shapes/dev}, {@code shapes/held-out}): pages we wrote in the markup
 * of common forum engines, with and without schema.org, plus board indexes, manuals and guides,
 * each with its expected values. Every page goes through the real {@link PageProcessor}; the
 * generic path is also run alone so that pages with schema.org check it against the structured one.
 * Prints the per-shape table (also written to {@code target/page-shapes.md}) and asserts the
 * targets of issue #12 over all thread pages: the accepted answer or best reply on ≥ 95%, the
 * question on ≥ 98%; no thread from board indexes, guides or manuals.
 */
class PageShapesTest {
  @TempDir Path dir;

  /** One field's outcome on one shape: right, wrong, or not checked (the page does not show it). */
  enum Mark {
    OK,
    MISS,
    NA;

    static Mark of(boolean ok) {
      return ok ? OK : MISS;
    }

    @Override
    public String toString() {
      return switch (this) {
        case OK -> "✓";
        case MISS -> "✗";
        case NA -> "–";
      };
    }
  }

  static final List<String> FIELDS =
      List.of("question", "answers", "accepted/best", "accepted flag", "votes", "authors", "dates");

  record Row(
      String half,
      String shape,
      boolean schema,
      boolean thread,
      Map<String, Mark> generic,
      String answersFound,
      Mark processorQuestion,
      Mark processorShown,
      Mark agrees,
      boolean noThreadOk) {}

  static Path shapes() throws URISyntaxException {
    return Path.of(
            PageShapesTest.class.getResource("/io/fixfinder/crawler/parse/shapes/dev").toURI())
        .getParent();
  }

  @Test
  void everyShapeThroughThePageProcessor() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String half : halves()) {
      try (Stream<Path> files = Files.list(shapes().resolve(half))) {
        for (Path html : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
          rows.add(row(half, html));
        }
      }
    }
    String table = table(rows);
    System.out.println(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "page-shapes.md"), table);

    List<Row> threads = rows.stream().filter(Row::thread).toList();
    assertThat(threads).hasSizeGreaterThanOrEqualTo(halves().size() * 10);
    double question = share(threads, r -> r.processorQuestion() == Mark.OK);
    double shown = share(threads, r -> r.processorShown() == Mark.OK);
    assertThat(question)
        .as("question text found on thread pages\n" + table)
        .isGreaterThanOrEqualTo(0.98);
    assertThat(shown)
        .as("accepted answer or best reply on thread pages\n" + table)
        .isGreaterThanOrEqualTo(0.95);
    for (Row r : rows) {
      if (!r.thread()) assertThat(r.noThreadOk()).as(r.shape() + " must not be a thread").isTrue();
    }
  }

  /**
   * The posts are found by structure, not by the engines' class names: with every class and id
   * replaced by a meaningless token (the same token for the same name, as a minifier does), the
   * question and the number of answers still come out on most thread pages (not on a page whose
   * only post cue is a class naming the author, as in Flarum's noscript view). Votes, the accepted
   * marker and hidden elements may be named only by classes, so they are not asked here.
   */
  @Test
  void questionAndAnswersSurviveRenamedClasses() throws Exception {
    int pages = 0;
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (String half : halves()) {
      try (Stream<Path> files = Files.list(shapes().resolve(half))) {
        for (Path html : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
          JsonNode expected =
              Json.mapper()
                  .readTree(
                      html.resolveSibling(html.getFileName().toString().replace(".html", ".json"))
                          .toFile());
          if (!expected.path("thread").asBoolean()) continue;
          pages++;
          org.jsoup.nodes.Document doc =
              org.jsoup.Jsoup.parse(Files.readString(html), "http://127.0.0.1:9/");
          Map<String, String> tokens = new java.util.HashMap<>();
          for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            if (e.hasAttr("class")) {
              StringBuilder renamed = new StringBuilder();
              for (String c : e.classNames()) {
                renamed.append(tokens.computeIfAbsent(c, k -> letters(tokens.size()))).append(' ');
              }
              e.attr("class", renamed.toString().strip());
            }
            if (e.hasAttr("id")) {
              // An engine's numbered ids (post-123) stay numbered: only their names change.
              String name = e.id().replaceAll("\\d+", "");
              e.attr(
                  "id",
                  tokens.computeIfAbsent(name, k -> letters(tokens.size()))
                      + e.id().replaceAll("\\D+", ""));
            }
          }
          byte[] body = doc.outerHtml().getBytes(StandardCharsets.UTF_8);
          FetchedPage page =
              StructuredDataExtractorTest.page(
                  SourceKind.FORUM,
                  "http://127.0.0.1:9/t",
                  new String(body, StandardCharsets.UTF_8));
          Optional<Details.Thread> t =
              new GenericHtmlExtractor()
                  .extract(page).stream()
                      .map(Draft::details)
                      .filter(Details.Thread.class::isInstance)
                      .map(Details.Thread.class::cast)
                      .findFirst();
          boolean ok =
              t.isPresent()
                  && clean(t.get().question()).startsWith(clean(expected.path("question").asText()))
                  && t.get().answerCount() == expected.path("answers").asInt();
          if (ok) right++;
          else wrong.add(html.getFileName().toString());
        }
      }
    }
    System.out.println("renamed classes: " + right + "/" + pages + " right; wrong: " + wrong);
    // A guard against regressions, set at what the corpus gives (19 of 22), not a target.
    assertThat(right / (double) pages).as("wrong: " + wrong).isGreaterThanOrEqualTo(0.85);
  }

  /** A token of letters only: numbered classes and ids are treated as such by the extractor. */
  private static String letters(int n) {
    StringBuilder sb = new StringBuilder("x");
    for (int i = n; i > 0; i /= 26) sb.append((char) ('a' + i % 26));
    return sb.toString();
  }

  /** {@code -Dshapes.halves=dev} runs the development half alone, as when tuning on it. */
  static List<String> halves() {
    return List.of(System.getProperty("shapes.halves", "dev,held-out").split(","));
  }

  private static double share(List<Row> rows, java.util.function.Predicate<Row> ok) {
    return rows.stream().filter(ok).count() / (double) rows.size();
  }

  private Row row(String half, Path html) throws Exception {
    String name = html.getFileName().toString().replace(".html", "");
    JsonNode expected = Json.mapper().readTree(html.resolveSibling(name + ".json").toFile());
    SourceKind kind = SourceKind.valueOf(expected.path("kind").asText("FORUM"));
    boolean thread = expected.path("thread").asBoolean();
    boolean schema = expected.path("schema").asBoolean(false);
    String url = "http://127.0.0.1:9/" + half + "/" + name;
    FetchedPage page = StructuredDataExtractorTest.page(kind, url, Files.readString(html));
    List<SourceDoc> docs = process(page);
    Optional<Details.Thread> viaProcessor =
        docs.stream()
            .map(SourceDoc::details)
            .filter(Details.Thread.class::isInstance)
            .map(Details.Thread.class::cast)
            .findFirst();
    Optional<Details.Thread> generic =
        new GenericHtmlExtractor()
            .extract(page).stream()
                .map(Draft::details)
                .filter(Details.Thread.class::isInstance)
                .map(Details.Thread.class::cast)
                .findFirst();
    if (!thread) {
      // Not a thread: nothing thread-like from the real path, nor from the generic one; and as a
      // FORUM page (a board index, a guide on a forum site) no record at all from the forum path.
      FetchedPage asForum =
          StructuredDataExtractorTest.page(SourceKind.FORUM, url, Files.readString(html));
      boolean none =
          viaProcessor.isEmpty()
              && generic.isEmpty()
              && new GenericHtmlExtractor().extract(asForum).isEmpty();
      return new Row(half, name, schema, false, Map.of(), "", Mark.NA, Mark.NA, Mark.NA, none);
    }
    Map<String, Mark> marks = new LinkedHashMap<>();
    String answersFound =
        generic.map(t -> t.answerCount() + "").orElse("–") + "/" + expected.path("answers").asInt();
    if (generic.isEmpty()) {
      for (String f : FIELDS) marks.put(f, Mark.MISS);
    } else {
      Details.Thread t = generic.get();
      marks.put("question", questionMark(t, expected));
      boolean count = t.answerCount() == expected.path("answers").asInt();
      for (JsonNode also : expected.path("answersAlso")) count |= t.answerCount() == also.asInt();
      marks.put("answers", Mark.of(count));
      marks.put("accepted/best", shownMark(t, expected));
      marks.put(
          "accepted flag",
          Mark.of(t.hasAcceptedAnswer() == !expected.path("accepted").asText().isEmpty()));
      marks.put("votes", votesMark(t, expected));
      marks.put("authors", authorsMark(t, expected));
      marks.put("dates", datesMark(t, expected, docs));
    }
    Mark processorQuestion = viaProcessor.map(t -> questionMark(t, expected)).orElse(Mark.MISS);
    Mark processorShown = viaProcessor.map(t -> shownMark(t, expected)).orElse(Mark.MISS);
    Mark agrees = Mark.NA;
    if (schema && viaProcessor.isPresent() && generic.isPresent()) {
      Details.Thread s = viaProcessor.get();
      Details.Thread g = generic.get();
      agrees =
          Mark.of(
              prefix(s.question()).equals(prefix(g.question()))
                  && s.answerCount() == g.answerCount()
                  && prefix(s.answerToShow()).equals(prefix(g.answerToShow())));
    }
    return new Row(
        half,
        name,
        schema,
        true,
        marks,
        answersFound,
        processorQuestion,
        processorShown,
        agrees,
        true);
  }

  private static Mark questionMark(Details.Thread t, JsonNode expected) {
    String q = clean(t.question());
    boolean ok = q.startsWith(clean(expected.path("question").asText()));
    String contains = expected.path("questionContains").asText("");
    if (!contains.isEmpty()) ok &= q.contains(clean(contains));
    for (JsonNode not : expected.path("notInQuestion")) ok &= !q.contains(clean(not.asText()));
    return Mark.of(ok);
  }

  private static Mark shownMark(Details.Thread t, JsonNode expected) {
    String want = expected.path("accepted").asText("");
    if (want.isEmpty()) want = expected.path("best").asText("");
    String shown = clean(t.answerToShow());
    if (want.isEmpty()) return Mark.of(shown.isEmpty());
    boolean ok = shown.startsWith(clean(want));
    for (JsonNode not : expected.path("notInAnswer")) ok &= !shown.contains(clean(not.asText()));
    return Mark.of(ok);
  }

  private static Mark votesMark(Details.Thread t, JsonNode expected) {
    if (!expected.has("questionVotes") && !expected.has("answerVotes")) return Mark.NA;
    boolean ok = true;
    if (expected.has("questionVotes"))
      ok &= t.questionVotes() == expected.get("questionVotes").asInt();
    if (expected.has("answerVotes")) {
      int shown = t.hasAcceptedAnswer() ? t.acceptedVotes() : t.bestVotes();
      ok &= shown == expected.get("answerVotes").asInt();
    }
    return Mark.of(ok);
  }

  private static Mark authorsMark(Details.Thread t, JsonNode expected) {
    boolean ok = t.questionAuthor().equals(expected.path("questionAuthor").asText());
    if (expected.has("answerAuthor")) {
      String shown = t.hasAcceptedAnswer() ? t.acceptedAuthor() : t.bestAuthor();
      ok &= shown.equals(expected.get("answerAuthor").asText());
    }
    return Mark.of(ok);
  }

  private static Mark datesMark(Details.Thread t, JsonNode expected, List<SourceDoc> docs) {
    if (!expected.has("questionDate")) return Mark.NA;
    String want = expected.get("questionDate").asText();
    boolean ok = day(t.questionDate()).equals(want);
    // The record's date: the question's when the page has no meta date.
    ok &= !docs.isEmpty() && day(docs.getFirst().published()).equals(want);
    return Mark.of(ok);
  }

  private static String day(Instant i) {
    return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static String clean(String s) {
    return s.replaceAll("[\\s\\u00a0]+", " ").strip();
  }

  private static String prefix(String s) {
    String c = clean(s).toLowerCase(Locale.ROOT);
    return c.substring(0, Math.min(40, c.length()));
  }

  private List<SourceDoc> process(FetchedPage page) throws IOException {
    try (RecordLog log =
        RecordLog.openForAppend(dir.resolve("r-" + System.nanoTime() + ".jsonl"))) {
      return new PageProcessor(new Keying(KeyExtractor.builtIn()), log).process(page).docs();
    }
  }

  static String table(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (String half : List.of("dev", "held-out")) {
      List<Row> part = rows.stream().filter(r -> r.half().equals(half)).toList();
      sb.append("\n### ").append(half).append("\n\n");
      sb.append(
          "| shape | schema | question | answers found/expected | accepted/best | accepted flag | votes | authors | dates | PageProcessor question | PageProcessor accepted/best | generic agrees with schema |\n");
      sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (Row r : part) {
        if (!r.thread()) {
          sb.append("| ")
              .append(r.shape())
              .append(" (not a thread) | – | ")
              .append(r.noThreadOk() ? "no thread ✓" : "taken for a thread ✗")
              .append(" | | | | | | | | | |\n");
          continue;
        }
        Map<String, Mark> m = r.generic();
        sb.append("| ")
            .append(r.shape())
            .append(" | ")
            .append(r.schema() ? "yes" : "no")
            .append(" | ")
            .append(m.get("question"))
            .append(" | ")
            .append(r.answersFound())
            .append(" ")
            .append(m.get("answers"))
            .append(" | ")
            .append(m.get("accepted/best"))
            .append(" | ")
            .append(m.get("accepted flag"))
            .append(" | ")
            .append(m.get("votes"))
            .append(" | ")
            .append(m.get("authors"))
            .append(" | ")
            .append(m.get("dates"))
            .append(" | ")
            .append(r.processorQuestion())
            .append(" | ")
            .append(r.processorShown())
            .append(" | ")
            .append(r.agrees())
            .append(" |\n");
      }
      List<Row> threads = part.stream().filter(Row::thread).toList();
      sb.append("\n").append(half).append(": ").append(threads.size()).append(" thread pages; ");
      for (String f : FIELDS) {
        long checked = threads.stream().filter(r -> r.generic().get(f) != Mark.NA).count();
        long ok = threads.stream().filter(r -> r.generic().get(f) == Mark.OK).count();
        sb.append(String.format(Locale.ROOT, "%s %d/%d, ", f, ok, checked));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "PageProcessor question %d/%d, accepted/best %d/%d; non-thread pages right %d/%d\n",
              threads.stream().filter(r -> r.processorQuestion() == Mark.OK).count(),
              threads.size(),
              threads.stream().filter(r -> r.processorShown() == Mark.OK).count(),
              threads.size(),
              part.stream().filter(r -> !r.thread() && r.noThreadOk()).count(),
              part.stream().filter(r -> !r.thread()).count()));
    }
    return sb.toString();
  }
}
