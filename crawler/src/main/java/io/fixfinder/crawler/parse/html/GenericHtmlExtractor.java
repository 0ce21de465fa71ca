package io.fixfinder.crawler.parse.html;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.Dates;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.crawler.parse.Extractor;
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
  /** The least main text a page needs to be a record; the page processor reports shorter ones. */
  public static final int MIN_TEXT = 60;

  @Override
  public List<Draft> extract(FetchedPage page) {
    Optional<Document> parsed = page.parsedHtml();
    if (parsed.isEmpty()) return List.of();
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
      if (thread.isEmpty()) return List.of(); // a board index or a page without a post
      Details.Thread details = thread.get().details();
      Instant published =
          !metaDate.equals(Instant.EPOCH)
              ? metaDate
              : !details.questionDate().equals(Instant.EPOCH)
                  ? details.questionDate()
                  : timeDate(doc);
      return List.of(
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
    if (text.length() < MIN_TEXT) return List.of(); // listing or navigation page
    Instant published = metaDate.equals(Instant.EPOCH) ? timeDate(doc) : metaDate;
    List<Draft> drafts = new ArrayList<>();
    Details details = new Details.None();
    // A page of links (an index, a category) is followed for its links, not stored.
    if (Listings.isListing(main)) return List.of();
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
    return drafts;
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
