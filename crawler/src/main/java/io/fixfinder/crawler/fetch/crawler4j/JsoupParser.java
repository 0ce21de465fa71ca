package io.fixfinder.crawler.fetch.crawler4j;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.NotAllowedContentException;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.URLCanonicalizer;
import edu.uci.ics.crawler4j.url.WebURL;
import io.fixfinder.crawler.parse.Html;
import io.fixfinder.crawler.run.CrawlCounters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Replaces crawler4j's Tika-based parsing (Tika 1.16 is excluded for its CVEs): HTML is parsed once
 * with jsoup, for links here and for extraction later; PDFs pass through unparsed to PDFBox; other
 * types are refused. Honours {@code rel=nofollow} and {@code meta robots nofollow}.
 */
final class JsoupParser extends Parser {

  private final CrawlCounters counters;

  JsoupParser(CrawlConfig config, CrawlCounters counters) {
    super(
        config,
        (page, url) -> {
          throw new IllegalStateException("crawler4j's HtmlParser is not used");
        });
    this.counters = counters;
  }

  /**
   * What this parser attaches to a crawler4j page. It must be an {@link HtmlParseData}: crawler4j
   * casts to it for HTML pages (to read meta robots). Only title and meta tags are filled; the
   * jsoup document travels with it for extraction.
   */
  static final class Parsed extends HtmlParseData {
    private final Optional<Document> document;

    Parsed(Optional<Document> document, Set<WebURL> outgoing) {
      this.document = document;
      setOutgoingUrls(outgoing);
      setHtml("");
      setText("");
      setTitle(document.map(Document::title).orElse(""));
      Map<String, String> meta = new HashMap<>();
      document.ifPresent(
          d ->
              d.select("meta[name][content]")
                  .forEach(
                      m -> meta.put(m.attr("name").toLowerCase(Locale.ROOT), m.attr("content"))));
      setMetaTags(meta);
    }

    Optional<Document> document() {
      return document;
    }
  }

  @Override
  public void parse(Page page, String contextUrl) throws NotAllowedContentException {
    String type =
        page.getContentType() == null ? "" : page.getContentType().toLowerCase(Locale.ROOT);
    if (type.contains("application/pdf")) {
      page.setParseData(new Parsed(Optional.empty(), Set.of()));
      return;
    }
    if (!type.isEmpty() && !type.contains("html")) {
      throw new NotAllowedContentException();
    }
    long start = System.nanoTime();
    Document doc = Html.parse(page.getContentData(), page.getContentCharset(), contextUrl);
    page.setParseData(new Parsed(Optional.of(doc), links(doc, contextUrl)));
    counters.time("parse", System.nanoTime() - start);
  }

  private static Set<WebURL> links(Document doc, String contextUrl) {
    Set<WebURL> out = new HashSet<>();
    for (Element meta : doc.select("meta[name=robots]")) {
      if (meta.attr("content").toLowerCase(Locale.ROOT).contains("nofollow")) return out;
    }
    for (Element a : doc.select("a[href], area[href], iframe[src], frame[src]")) {
      if (a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) continue;
      String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
      if (href.isBlank() || href.startsWith("#")) continue;
      String canonical = URLCanonicalizer.getCanonicalURL(href.trim(), contextUrl);
      if (canonical == null) continue;
      WebURL url = new WebURL();
      url.setURL(canonical);
      url.setAnchor(a.text());
      out.add(url);
    }
    return out;
  }
}
