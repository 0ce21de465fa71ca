package io.fixfinder.crawler.fetch;

import io.fixfinder.crawler.run.PageOutcome;
import java.net.URI;

/**
 * Receives what the engine fetched. Called from crawler threads: implementations are thread-safe.
 */
public interface PageHandler {
  /**
   * A page arrived (status 200) in crawl run {@code runId}. Returns how the page ended (records
   * stored, a listing, no content and why, an error), which the engine counts. Implementations
   * store a page's records atomically and report a page they cannot read as an outcome, not by
   * throwing.
   */
  PageOutcome page(FetchedPage page, String runId);

  /** The pages already stored by run {@code runId} (a resumed run does not fetch them again). */
  default java.util.Set<String> pagesStoredIn(String runId) {
    return java.util.Set.of();
  }

  /** The page answered 404 or 410: whatever was stored for it is gone. */
  void gone(URI url, int status);
}
