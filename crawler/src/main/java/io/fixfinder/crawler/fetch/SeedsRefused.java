package io.fixfinder.crawler.fetch;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a crawl that has nothing to do because every configured seed of every site was refused
 * (a private address, robots.txt, outside the site's scope): a configuration mistake the operator
 * must hear about, not a crawl that "found 0 records".
 */
public final class SeedsRefused extends RuntimeException {
  private static final int LISTED = 3;

  /** One seed and why it may not be fetched. */
  public record Refusal(String site, URI seed, String reason) {
    @Override
    public String toString() {
      return site + " " + seed + " (" + reason + ")";
    }
  }

  private final List<Refusal> refusals;

  public SeedsRefused(List<Refusal> refusals) {
    super(message(refusals));
    this.refusals = List.copyOf(refusals);
  }

  public List<Refusal> refusals() {
    return refusals;
  }

  private static String message(List<Refusal> refusals) {
    String listed =
        refusals.stream().limit(LISTED).map(Refusal::toString).collect(Collectors.joining("; "));
    int more = refusals.size() - LISTED;
    return "every seed was refused, nothing to crawl: "
        + listed
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
