package io.fixfinder.crawler.parse.schema;

import static io.fixfinder.crawler.parse.schema.SchemaNodes.is;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.list;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.number;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.Dates;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.crawler.parse.Extractor;
import io.fixfinder.crawler.parse.html.Guides;
import io.fixfinder.crawler.youtube.Chapters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts records from schema.org markup (JSON-LD and microdata): {@code QAPage}/{@code Question}
 * with accepted and suggested answers, {@code DiscussionForumPosting}, {@code Product} with its
 * {@code AggregateRating} and {@code Review}s, {@code Review}, {@code VideoObject}, {@code HowTo}
 * and {@code TechArticle}. What the page's markup states explicitly (a product's brand and model,
 * an accepted answer) is kept as such, not re-guessed from text.
 */
public final class StructuredDataExtractor implements Extractor {

  @Override
  public List<Draft> extract(FetchedPage page) {
    Optional<Document> doc = page.parsedHtml();
    if (doc.isEmpty()) return List.of();
    String url = page.url().toString();
    String site = page.url().getHost();
    List<Draft> drafts = new ArrayList<>();
    List<JsonNode> items = SchemaNodes.read(doc.get());
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode item : items) {
      String id = text(item, "@id");
      if (!id.isEmpty()) byId.putIfAbsent(id, item);
    }
    Set<String> aboutIds = HowTos.aboutIds(items);
    for (JsonNode item : items) {
      // a product node that only says what a guide is about is part of the guide, not a record
      if (is(item, "Product") && aboutIds.contains(text(item, "@id"))) continue;
      Optional<JsonNode> howTo = mainHowTo(item);
      if (howTo.isPresent()) {
        // a WebPage or Article whose main entity is the guide: the guide is the record
        drafts.add(howTo(url, howTo.get(), doc.get(), byId));
      } else if (is(item, "QAPage")) {
        for (JsonNode q : list(item, "mainEntity")) drafts.add(question(url, q));
      } else if (is(item, "Question")) {
        drafts.add(question(url, item));
      } else if (is(item, "DiscussionForumPosting", "SocialMediaPosting")) {
        drafts.add(posting(url, item));
      } else if (is(item, "Product")) {
        drafts.addAll(product(url, item, site));
      } else if (is(item, "Review")) {
        drafts.add(review(url + "#review", item, ProductRef.UNKNOWN, ""));
      } else if (is(item, "VideoObject")) {
        drafts.add(video(url, item));
      } else if (is(item, "HowTo")) {
        drafts.add(howTo(url, item, doc.get(), byId));
      } else if (is(item, "TechArticle", "Article")) {
        drafts.add(article(url, item));
      }
    }
    return drafts;
  }

  private static Draft question(String url, JsonNode q) {
    String title = text(q, "name");
    String question = plain(text(q, "text"));
    List<JsonNode> answers = new ArrayList<>(list(q, "acceptedAnswer"));
    int acceptedCount = answers.size();
    answers.addAll(list(q, "suggestedAnswer"));
    String accepted = acceptedCount > 0 ? plain(text(answers.getFirst(), "text")) : "";
    int acceptedVotes = acceptedCount > 0 ? (int) number(answers.getFirst(), "upvoteCount", 0) : 0;
    int topVotes =
        answers.stream().mapToInt(a -> (int) number(a, "upvoteCount", 0)).max().orElse(0);
    StringBuilder text = new StringBuilder(question);
    // The accepted answer first, then the others by votes: what a reader should see first.
    answers.stream()
        .skip(acceptedCount)
        .sorted(Comparator.comparingDouble(a -> -number(a, "upvoteCount", 0)))
        .forEach(a -> text.append("\n\n").append(plain(text(a, "text"))));
    if (!accepted.isEmpty()) text.insert(question.length(), "\n\n" + accepted);
    int answerCount = (int) number(q, "answerCount", answers.size());
    // With nothing accepted, the reply to show is the most voted, the earliest on a tie.
    JsonNode best = null;
    if (acceptedCount == 0) {
      for (JsonNode a : answers) {
        if (best == null || number(a, "upvoteCount", 0) > number(best, "upvoteCount", 0)) best = a;
      }
    }
    Instant asked = Dates.parse(firstNonEmpty(text(q, "dateCreated"), text(q, "datePublished")));
    return new Draft(
        url,
        SourceKind.FORUM,
        title,
        text.toString(),
        ProductRef.UNKNOWN,
        !accepted.isEmpty(),
        asked,
        new Details.Thread(
            question,
            (int) number(q, "upvoteCount", 0),
            answerCount,
            accepted,
            acceptedVotes,
            topVotes,
            text(q, "author"),
            asked,
            acceptedCount > 0 ? text(answers.getFirst(), "author") : "",
            best == null ? "" : plain(text(best, "text")),
            best == null ? 0 : (int) number(best, "upvoteCount", 0),
            best == null ? "" : text(best, "author")));
  }

  private static Draft posting(String url, JsonNode p) {
    String title = firstNonEmpty(text(p, "headline"), text(p, "name"));
    String body = plain(firstNonEmpty(text(p, "text"), text(p, "articleBody")));
    List<JsonNode> comments = list(p, "comment");
    StringBuilder text = new StringBuilder(body);
    int topVotes = 0;
    String best = ""; // the reply to show: most votes, the earliest on a tie (issue #12)
    for (JsonNode c : comments) {
      text.append("\n\n").append(plain(text(c, "text")));
      int votes = (int) Math.max(number(c, "upvoteCount", 0), likes(c));
      if (best.isEmpty() || votes > topVotes) best = plain(text(c, "text"));
      topVotes = Math.max(topVotes, votes);
    }
    return new Draft(
        url,
        SourceKind.FORUM,
        title,
        text.toString(),
        ProductRef.UNKNOWN,
        false,
        Dates.parse(firstNonEmpty(text(p, "datePublished"), text(p, "dateCreated"))),
        new Details.Thread(
            body,
            (int) likes(p),
            comments.size(),
            "",
            0,
            topVotes,
            "",
            Instant.EPOCH,
            "",
            best,
            topVotes,
            ""));
  }

  private static double likes(JsonNode node) {
    for (JsonNode stat : list(node, "interactionStatistic")) {
      String type = text(stat, "interactionType");
      if (type.endsWith("LikeAction") || type.endsWith("VoteAction")) {
        return number(stat, "userInteractionCount", 0);
      }
    }
    return 0;
  }

  private static List<Draft> product(String url, JsonNode p, String site) {
    ProductRef ref =
        new ProductRef("", text(p, "brand"), firstNonEmpty(text(p, "model"), text(p, "mpn")));
    String name = text(p, "name");
    JsonNode rating = p.get("aggregateRating");
    List<Draft> drafts = new ArrayList<>();
    String description = plain(text(p, "description"));
    drafts.add(
        new Draft(
            url,
            SourceKind.PRODUCT,
            name,
            description,
            ref,
            false,
            Instant.EPOCH,
            new Details.Product(
                name,
                text(p, "sku"),
                number(rating, "ratingValue", 0),
                (int) Math.max(number(rating, "reviewCount", 0), number(rating, "ratingCount", 0)),
                site)));
    int i = 0;
    for (JsonNode review : list(p, "review")) {
      drafts.add(review(url + "#review-" + (++i), review, ref, name));
    }
    return drafts;
  }

  private static Draft review(String url, JsonNode r, ProductRef ref, String productName) {
    JsonNode item = r.get("itemReviewed");
    if (ref.isUnknown() && item != null) {
      ref =
          new ProductRef(
              "", text(item, "brand"), firstNonEmpty(text(item, "model"), text(item, "mpn")));
      productName = text(item, "name");
    }
    JsonNode rating = r.get("reviewRating");
    String body = plain(firstNonEmpty(text(r, "reviewBody"), text(r, "description")));
    String title =
        firstNonEmpty(
            text(r, "name"), productName.isEmpty() ? "Review" : "Review of " + productName);
    return new Draft(
        url,
        SourceKind.REVIEW,
        title,
        body,
        ref,
        false,
        Dates.parse(text(r, "datePublished")),
        new Details.Review(
            number(rating, "ratingValue", 0),
            number(rating, "bestRating", 5),
            text(r, "author"),
            productName));
  }

  private static Draft video(String url, JsonNode v) {
    String description = plain(text(v, "description"));
    String videoUrl =
        firstNonEmpty(text(v, "url"), text(v, "contentUrl"), text(v, "embedUrl"), url);
    int seconds = 0;
    try {
      seconds = (int) Duration.parse(text(v, "duration")).toSeconds();
    } catch (RuntimeException e) {
      // duration is optional
    }
    return new Draft(
        videoUrl,
        SourceKind.VIDEO,
        text(v, "name"),
        description,
        ProductRef.UNKNOWN,
        false,
        Dates.parse(text(v, "uploadDate")),
        new Details.Video(
            "", text(v, "author"), seconds, 0, 0, Chapters.parse(description, videoUrl)));
  }

  /**
   * A HowTo is a guide: its steps as a list, its tools, supplies, parts, times and device as {@link
   * Details.Guide}; the text holds the description and the numbered steps so full-text search finds
   * step words; the device it is about is the product hint.
   */
  private static Draft howTo(String url, JsonNode h, Document doc, Map<String, JsonNode> byId) {
    Details.Guide guide = HowTos.guide(h, Guides.difficulty(doc.body()), byId);
    String title = text(h, "name");
    return new Draft(
        url,
        SourceKind.MANUAL,
        title.isEmpty() ? text(h, "headline") : title,
        HowTos.recordText(plain(text(h, "description")), guide.steps()),
        HowTos.productHint(guide.about()),
        true,
        Dates.parse(firstNonEmpty(text(h, "datePublished"), text(h, "dateModified"))),
        guide);
  }

  private static Draft article(String url, JsonNode a) {
    return new Draft(
        url,
        SourceKind.MANUAL,
        firstNonEmpty(text(a, "headline"), text(a, "name")),
        plain(firstNonEmpty(text(a, "articleBody"), text(a, "description"))),
        ProductRef.UNKNOWN,
        false,
        Dates.parse(firstNonEmpty(text(a, "datePublished"), text(a, "dateModified"))),
        new Details.None());
  }

  /** The HowTo that a page or article item names as its main entity, if any. */
  private static Optional<JsonNode> mainHowTo(JsonNode item) {
    if (is(item, "HowTo")) return Optional.empty();
    if (!is(item, "WebPage", "ItemPage", "Article", "TechArticle", "BlogPosting")) {
      return Optional.empty();
    }
    return list(item, "mainEntity").stream().filter(e -> is(e, "HowTo")).findFirst();
  }

  /** Text from a field that may hold HTML. */
  static String plain(String s) {
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0) return s.strip();
    return Jsoup.parseBodyFragment(s).body().wholeText().replaceAll("[ \\t\\u00a0]+", " ").strip();
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return "";
  }
}
