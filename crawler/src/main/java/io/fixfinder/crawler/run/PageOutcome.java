package io.fixfinder.crawler.run;

/**
 * How a fetched page ended: every page the engine fetched ends in exactly one of these, counted by
 * {@link CrawlCounters#page}, so that a page which yields nothing is a number with a reason in the
 * crawl's summary instead of a page that silently disappeared.
 */
public sealed interface PageOutcome {
  /** The counter key: "stored", "aliased", "listing", "no content", "error", "unchanged". */
  String label();

  /** Why, for the outcomes that have a reason (a low-cardinality phrase, never a URL). */
  default String reason() {
    return "";
  }

  /** The page stored {@code records} new records (and {@code aliases} duplicates of others). */
  record Stored(int records, int aliases) implements PageOutcome {
    public Stored {
      if (records < 1 || aliases < 0) {
        throw new IllegalArgumentException("stored " + records + " records, " + aliases);
      }
    }

    @Override
    public String label() {
      return "stored";
    }
  }

  /** Every record of the page was already stored at another URL: it became another URL of it. */
  record Aliased(int aliases) implements PageOutcome {
    public Aliased {
      if (aliases < 1) throw new IllegalArgumentException("aliased " + aliases);
    }

    @Override
    public String label() {
      return "aliased";
    }
  }

  /** A page of links (an index, a board, a category): followed for its links, not stored. */
  record Listing() implements PageOutcome {
    @Override
    public String label() {
      return "listing";
    }
  }

  /** The page was read and yields no record ("too little text", "forum page with no posts"). */
  record NoContent(String reason) implements PageOutcome {
    public NoContent {
      if (reason.isBlank()) throw new IllegalArgumentException("no content needs a reason");
    }

    @Override
    public String label() {
      return "no content";
    }
  }

  /** Extracting or storing the page failed; the crawl went on. */
  record Error(String reason) implements PageOutcome {
    public Error {
      if (reason.isBlank()) throw new IllegalArgumentException("an error needs a reason");
    }

    @Override
    public String label() {
      return "error";
    }
  }

  /** The same bytes as the last crawl (a server without validators): nothing to extract again. */
  record Unchanged() implements PageOutcome {
    @Override
    public String label() {
      return "unchanged";
    }
  }
}
