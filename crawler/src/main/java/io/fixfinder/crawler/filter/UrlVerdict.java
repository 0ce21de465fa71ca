package io.fixfinder.crawler.filter;

/** A filter's answer: accept, or reject with a reason that ends up in the crawl counters. */
public sealed interface UrlVerdict {
  record Accept() implements UrlVerdict {}

  record Reject(String reason) implements UrlVerdict {}

  UrlVerdict ACCEPT = new Accept();

  static UrlVerdict reject(String reason) {
    return new Reject(reason);
  }

  default boolean accepted() {
    return this instanceof Accept;
  }
}
