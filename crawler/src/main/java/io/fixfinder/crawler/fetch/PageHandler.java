package io.fixfinder.crawler.fetch;

import java.net.URI;

/**
 * Receives what the engine fetched. Called from crawler threads: implementations are thread-safe.
 */
public interface PageHandler {
  /** A page arrived (status 200). Returns how many records it produced. */
  int page(FetchedPage page);

  /** The page answered 404 or 410: whatever was stored for it is gone. */
  void gone(URI url, int status);
}
