package io.fixfinder.crawler.filter;

import java.net.URI;
import java.util.List;

/** One rule about which URLs may be fetched. Filters compose with {@link #chain}. */
@FunctionalInterface
public interface UrlFilter {
  UrlVerdict check(URI url);

  /** The first rejection wins; all filters must accept. */
  static UrlFilter chain(List<UrlFilter> filters) {
    List<UrlFilter> copy = List.copyOf(filters);
    return url -> {
      for (UrlFilter filter : copy) {
        UrlVerdict verdict = filter.check(url);
        if (!verdict.accepted()) return verdict;
      }
      return UrlVerdict.ACCEPT;
    };
  }
}
