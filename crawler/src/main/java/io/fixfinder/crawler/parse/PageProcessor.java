package io.fixfinder.crawler.parse;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.crawler.dedup.Duplicates;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.fetch.PageHandler;
import io.fixfinder.crawler.parse.html.GenericHtmlExtractor;
import io.fixfinder.crawler.parse.pdf.PdfManualExtractor;
import io.fixfinder.crawler.parse.schema.StructuredDataExtractor;
import io.fixfinder.crawler.run.PageOutcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl's page handler: extract drafts (structured data first, then generic HTML; PDFs with
 * PDFBox), key them by product and fault, and append them to the record log. Every page ends in one
 * {@link PageOutcome}: its records, a listing, no content with the reason, or an error.
 */
public final class PageProcessor implements PageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PageProcessor.class);

  private final StructuredDataExtractor structured = new StructuredDataExtractor();
  private final GenericHtmlExtractor generic = new GenericHtmlExtractor();
  private final PdfManualExtractor pdf = new PdfManualExtractor();
  private final Keying keying;
  private final RecordLog log;
  private final Duplicates duplicates;

  /** Read from the log at the first 404 of the run; guarded by {@code this}. */
  private PageRecords pageRecords;

  /**
   * Pages stored while {@link #pageRecords} is being read, replayed onto it once read; null when no
   * read is running. Guarded by {@code this}.
   */
  private List<Stored> storedMeanwhile;

  /** One reader of the log at a time; other threads' pages go on being stored meanwhile. */
  private final Object readingRecords = new Object();

  private final java.util.function.Function<java.nio.file.Path, PageRecords> readRecords;

  private record Stored(String url, List<SourceDoc> docs) {}

  /**
   * @param duplicates what was already stored (seed it from the record log when resuming)
   */
  public PageProcessor(Keying keying, RecordLog log, Duplicates duplicates) {
    this(keying, log, duplicates, PageRecords::read);
  }

  /** With {@code readRecords} reading the log's page lines (tests slow it down). */
  PageProcessor(
      Keying keying,
      RecordLog log,
      Duplicates duplicates,
      java.util.function.Function<java.nio.file.Path, PageRecords> readRecords) {
    this.keying = keying;
    this.log = log;
    this.duplicates = duplicates;
    this.readRecords = readRecords;
  }

  public PageProcessor(Keying keying, RecordLog log) {
    this(keying, log, new Duplicates());
  }

  @Override
  public PageOutcome page(FetchedPage page, String runId) {
    Processed processed;
    try {
      processed = process(page);
    } catch (RuntimeException | StackOverflowError e) {
      // A hostile or broken page must not stop the crawl: one line, counted, and on.
      LOG.warn("extraction failed for {}: {}", page.url(), e.toString());
      return new PageOutcome.Error("extraction threw " + e.getClass().getSimpleName());
    }
    // A record whose text is already stored at another URL (a mirrored thread, a review shown on
    // the product page and on its own page) becomes another URL of that record.
    List<SourceDoc> stored = new java.util.ArrayList<>();
    List<RecordLog.Entry.Alias> aliases = new java.util.ArrayList<>();
    for (SourceDoc doc : processed.docs()) {
      Optional<String> original = duplicates.check(doc);
      if (original.isPresent()) aliases.add(new RecordLog.Entry.Alias(original.get(), doc.url()));
      else stored.add(doc);
    }
    String url = page.url().toString();
    // On disk before it is counted as stored: a read of the log that starts meanwhile either
    // finds the line or has its replay list ready for it.
    log.page(url, runId, stored, aliases);
    synchronized (this) {
      if (pageRecords != null) pageRecords.stored(url, stored);
      else if (storedMeanwhile != null) storedMeanwhile.add(new Stored(url, stored));
    }
    if (!stored.isEmpty()) return new PageOutcome.Stored(stored.size(), aliases.size());
    if (!aliases.isEmpty()) return new PageOutcome.Aliased(aliases.size());
    return processed.outcome();
  }

  @Override
  public java.util.Set<String> pagesStoredIn(String runId) {
    try {
      return RecordLog.pagesOfRun(log.file(), runId);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + log.file(), e);
    }
  }

  /**
   * What a page yields: its keyed records and its outcome before duplicates are looked up (stored,
   * or when {@code docs} is empty a listing or no content with the reason).
   */
  public record Processed(List<SourceDoc> docs, PageOutcome outcome) {
    public Processed {
      docs = List.copyOf(docs);
    }
  }

  /** Extraction and keying without writing: what a page yields, or why it yields nothing. */
  public Processed process(FetchedPage page) {
    Extracted extracted = drafts(page);
    List<Draft> drafts = extracted.drafts();
    if (drafts.isEmpty()) return new Processed(List.of(), extracted.ifNone());
    String site =
        page.url().getHost() + (page.url().getPort() > 0 ? ":" + page.url().getPort() : "");
    List<SourceDoc> docs = new ArrayList<>(drafts.size());
    PageContext context = PageContext.of(page);
    String name = SiteNames.of(page);
    for (Draft draft : drafts) docs.add(keying.key(draft, site, context).withSiteName(name));
    return new Processed(docs, new PageOutcome.Stored(docs.size(), 0));
  }

  /**
   * A page's drafts and, for when there are none, the outcome that says why: told by the extractor
   * that gave up, from what it had read.
   */
  private record Extracted(List<Draft> drafts, PageOutcome ifNone) {}

  /** The reason carried beside drafts, told only if there were none. */
  private static final PageOutcome NOTHING_EXTRACTED =
      new PageOutcome.NoContent("nothing extracted");

  private Extracted drafts(FetchedPage page) {
    if (page.isPdf()) {
      return new Extracted(pdf.extract(page), new PageOutcome.NoContent("pdf without text"));
    }
    if (page.parsedHtml().isEmpty()) {
      return new Extracted(
          List.of(),
          new PageOutcome.NoContent(page.isHtml() ? "html not parsed" : "not html or pdf"));
    }
    FetchedPage canonical = canonical(page);
    List<Draft> drafts = new ArrayList<>(structured.extract(canonical));
    if (drafts.isEmpty()) {
      return switch (generic.read(canonical)) {
        case GenericHtmlExtractor.Reading.Found found ->
            new Extracted(found.drafts(), NOTHING_EXTRACTED);
        case GenericHtmlExtractor.Reading.Nothing nothing ->
            new Extracted(List.of(), nothing.outcome());
      };
    }
    if (page.site().kind() == SourceKind.MANUAL) {
      // Structured markup describes the page; the troubleshooting rows still need the table.
      generic.extract(canonical).stream()
          .filter(d -> d.url().contains("#trouble-"))
          .forEach(drafts::add);
    }
    return new Extracted(drafts, NOTHING_EXTRACTED);
  }

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  /** Uses the page's declared canonical URL when it stays on the same origin. */
  private static FetchedPage canonical(FetchedPage page) {
    Document doc = page.parsedHtml().orElseThrow();
    Element link = doc.selectFirst(CANONICAL);
    if (link == null) return page;
    String href = link.absUrl("href");
    // Most pages name themselves: nothing to change.
    if (href.equals(page.url().toString())) return page;
    try {
      URI canonical = URI.create(href);
      if (!sameOrigin(canonical, page.url())) return page;
      return new FetchedPage(
          page.site(),
          canonical,
          page.status(),
          page.contentType(),
          page.body(),
          page.headers(),
          page.fetchedAt(),
          page.parsedHtml());
    } catch (IllegalArgumentException e) {
      return page;
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  /**
   * Deletes the records the page stored, by their keys (canonical URL, row fragment), which are not
   * the fetched URL when the page declared a canonical one. A URL no page line stored (a record put
   * whole, an older log) is deleted as its own key.
   */
  @Override
  public void gone(URI url, int status) {
    loadPageRecords();
    String reason = "http " + status;
    synchronized (this) {
      List<PageRecords.Owned> owned = pageRecords.remove(url.toString());
      if (owned.isEmpty()) {
        log.delete(SourceDoc.idFor(url.toString()), url.toString(), reason);
        return;
      }
      for (PageRecords.Owned record : owned) log.delete(record.id(), record.url(), reason);
    }
  }

  /**
   * Reads which records each page stored, without holding up the threads that store pages: a large
   * log takes a while to read. Pages stored meanwhile may or may not be in what was read; replaying
   * them all, in order, after it gives the same map as reading them.
   */
  private void loadPageRecords() {
    synchronized (readingRecords) {
      synchronized (this) {
        if (pageRecords != null) return;
        storedMeanwhile = new ArrayList<>();
      }
      PageRecords read;
      try {
        read = readRecords.apply(log.file());
      } catch (RuntimeException e) {
        synchronized (this) {
          storedMeanwhile = null;
        }
        throw e;
      }
      synchronized (this) {
        for (Stored s : storedMeanwhile) read.stored(s.url(), s.docs());
        storedMeanwhile = null;
        pageRecords = read;
      }
    }
  }
}
