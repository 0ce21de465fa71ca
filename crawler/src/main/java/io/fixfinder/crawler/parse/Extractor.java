package io.fixfinder.crawler.parse;

import io.fixfinder.crawler.fetch.FetchedPage;
import java.util.List;

/**
 * Turns a fetched page into draft records. Extractors are tried in order (structured data, site
 * selectors, generic content); the first that finds something wins. Drafts are keyed by product and
 * fault afterwards, in one place ({@link Keying}).
 */
public interface Extractor {
  List<Draft> extract(FetchedPage page);
}
