package io.fixfinder.crawler.parse.html;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.Dates;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.crawler.parse.Extractor;
import io.fixfinder.crawler.run.PageOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The fallback for pages without (usable) structured data: main content with boilerplate removed,
 * per-site selectors first; forum pages get thread details from their posts; manual pages get one
 * record per troubleshooting-table row besides the page itself.
 */
public final class GenericHtmlExtractor implements Extractor {
  /** The least main text a page needs to be a record. */
  public static final int MIN_TEXT = 60;

  /** What the generic path made of a page: its drafts, or why it has none. */
  public sealed interface Reading {
    /** One draft or more. */
    record Found(List<Draft> drafts) implements Reading {
      public Found {
        drafts = List.copyOf(drafts);
      }
    }

    /** No draft: a {@link PageOutcome.Listing} or a {@link PageOutcome.NoContent} with why. */
    record Nothing(PageOutcome outcome) implements Reading {}
  }

  @Override
  public List<Draft> extract(FetchedPage page) {
    return read(page) instanceof Reading.Found found ? found.drafts() : List.of();
  }

  /**
   * The page's drafts, or why there are none, told from the main content this extraction read (the
   * page processor reports the reason; reading the main content again for it cost a second copy of
   * the page).
   */
  public Reading read(FetchedPage page) {
    Optional<Document> parsed = page.parsedHtml();
    if (parsed.isEmpty()) {
      return new Reading.Nothing(
          new PageOutcome.NoContent(page.isHtml() ? "html not parsed" : "not html or pdf"));
    }
    Document doc = parsed.get();
    Map<String, String> selectors = page.site().selectors();
    String url = page.url().toString();
    String title = title(doc, selectors);
    SourceKind kind = page.site().kind();
    Instant metaDate = metaDate(doc);
    if (kind == SourceKind.FORUM) {
      // A thread is read from its posts, not from the page's main content: the posts are the
      // content, and engines that render them for crawlers only inside <noscript> would lose them.
      Optional<ForumThreads.Thread> thread = ForumThreads.read(doc, selectors);
      if (thread.isEmpty()) {
        // A board index, or a page without a post.
        Element main = MainContent.of(doc, selectors);
        return new Reading.Nothing(
            nothing(main, MainContent.text(main), "forum page with no posts found"));
      }
      Details.Thread details = thread.get().details();
      Instant published =
          !metaDate.equals(Instant.EPOCH)
              ? metaDate
              : !details.questionDate().equals(Instant.EPOCH)
                  ? details.questionDate()
                  : timeDate(doc);
      return found(
          new Draft(
              url,
              kind,
              title,
              thread.get().text(),
              ProductRef.UNKNOWN,
              false,
              published,
              details));
    }
    Element main = MainContent.of(doc, selectors);
    String text = MainContent.text(main);
    // A page of links (an index, a category) is followed for its links, not stored.
    if (text.length() < MIN_TEXT || Listings.isListing(main)) {
      return new Reading.Nothing(nothing(main, text, "nothing extracted"));
    }
    Instant published = metaDate.equals(Instant.EPOCH) ? timeDate(doc) : metaDate;
    List<Draft> drafts = new ArrayList<>();
    Details details = new Details.None();
    if (kind == SourceKind.MANUAL) details = Guides.read(main).<Details>map(g -> g).orElse(details);
    drafts.add(new Draft(url, kind, title, text, ProductRef.UNKNOWN, false, published, details));
    if (kind == SourceKind.MANUAL) {
      int i = 0;
      for (TroubleshootingTables.Row row : TroubleshootingTables.rows(main)) {
        i++;
        drafts.add(
            new Draft(
                url + "#trouble-" + i,
                SourceKind.MANUAL,
                title + " — " + row.problem(),
                row.problem() + "\nCause: " + row.cause() + "\nWhat to do: " + row.remedy(),
                ProductRef.UNKNOWN,
                true,
                published,
                new Details.ManualSection(
                    url, title, 0, row.problem(), row.cause(), row.remedy())));
      }
    }
    return new Reading.Found(drafts);
  }

  private static Reading found(Draft draft) {
    return new Reading.Found(List.of(draft));
  }

  /**
   * Why a page with this main content yields no draft: a listing, too little text, else {@code
   * otherwise}.
   */
  private static PageOutcome nothing(Element main, String text, String otherwise) {
    if (Listings.isListing(main)) return new PageOutcome.Listing();
    if (text.length() < MIN_TEXT) return new PageOutcome.NoContent("too little text");
    return new PageOutcome.NoContent(otherwise);
  }

  private static String title(Document doc, Map<String, String> selectors) {
    String selector = selectors.getOrDefault("title", "");
    if (!selector.isBlank()) {
      Element e = doc.selectFirst(selector);
      if (e != null) return e.text();
    }
    return MainContent.title(doc);
  }

  private static Instant metaDate(Document doc) {
    Element meta = doc.selectFirst("meta[property=article:published_time], meta[name=date]");
    return meta == null ? Instant.EPOCH : Dates.parse(meta.attr("content"));
  }

  private static Instant timeDate(Document doc) {
    Element time = doc.selectFirst("time[datetime]");
    return time == null ? Instant.EPOCH : Dates.parse(time.attr("datetime"));
  }
}
