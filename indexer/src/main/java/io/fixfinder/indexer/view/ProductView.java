package io.fixfinder.indexer.view;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.search.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A product: what is known of it, the ratings sites published for it and its top issues. Ratings
 * stay labelled by the site that published them and are never merged into one score of our own: a
 * shop's 4.6 of 5 from 1,200 buyers and a forum's three angry reviews mean different things.
 */
public final class ProductView {
  /** The product page. */
  public record Page(
      String id,
      ProductRef product,
      List<String> names,
      Map<String, Integer> records,
      List<SourceRatings> ratings,
      List<IssueSummary> topIssues) {}

  /**
   * What one site says about the product's quality: its own aggregate (from its product page, when
   * it publishes one) and the individual reviews found there, each on the site's scale.
   *
   * @param site the host (and port) the ratings were crawled from
   * @param siteName the site as people read it ("FixIt Forum"), the host without its port when the
   *     site gave no name (added last: the JSON only gained a key)
   */
  public record SourceRatings(
      String site, Optional<Aggregate> aggregate, List<ReviewRating> reviews, String siteName) {}

  public record Aggregate(double ratingValue, int reviewCount, String url) {}

  public record ReviewRating(double rating, double bestRating, String title, String url) {}

  /** An issue of this product and how many of the product's records report it. */
  public record IssueSummary(IssueCluster issue, int records) {}

  private final RecordReader records;
  private final IssueSource issues;
  private final io.fixfinder.indexer.search.Scope scope;

  public ProductView(RecordReader records, IssueSource issues) {
    this(records, issues, io.fixfinder.indexer.search.Scope.ALL);
  }

  private ProductView(
      RecordReader records, IssueSource issues, io.fixfinder.indexer.search.Scope scope) {
    this.records = records;
    this.issues = issues.within(scope);
    this.scope = scope;
  }

  /**
   * The product pages a scope may see: a product outside it does not exist, and its top issues are
   * those the scope admits.
   */
  public ProductView within(io.fixfinder.indexer.search.Scope scope) {
    return scope.limited() ? new ProductView(records, issues, scope) : this;
  }

  /** The product page, or empty when the index holds no record of this product. */
  public Optional<Page> page(String productId, int maxIssues) throws IOException {
    List<SourceDoc> docs =
        records.byProduct(productId).stream().filter(d -> scope.admits(d.product())).toList();
    if (docs.isEmpty()) return Optional.empty();
    ProductRef product = docs.getFirst().product();
    for (SourceDoc d : docs) product = product.orElse(d.product());
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, List<ReviewRating>> reviews = new TreeMap<>();
    Map<String, Aggregate> aggregates = new TreeMap<>();
    Map<String, Integer> issueCounts = new LinkedHashMap<>();
    Map<String, String> siteNames = new TreeMap<>();
    for (SourceDoc d : docs) {
      byKind.merge(d.kind().id(), 1, Integer::sum);
      // a page that names its site wins over one that does not (the fallback is the host)
      if (!d.siteName().isEmpty() || !siteNames.containsKey(d.site()))
        siteNames.put(d.site(), d.displaySite());
      switch (d.details()) {
        case Details.Product p -> {
          if (!p.name().isBlank()) names.add(p.name());
          // the aggregate is labelled by the site whose page published it
          if (p.ratingValue() > 0) {
            aggregates.putIfAbsent(
                d.site(), new Aggregate(p.ratingValue(), p.reviewCount(), d.url()));
          }
        }
        case Details.Review r -> {
          if (!r.productName().isBlank()) names.add(r.productName());
          if (r.rating() > 0) {
            reviews
                .computeIfAbsent(d.site(), s -> new ArrayList<>())
                .add(new ReviewRating(r.rating(), r.bestRating(), d.title(), d.url()));
          }
        }
        default -> {}
      }
      issues.clusterOf(d.id()).ifPresent(c -> issueCounts.merge(c, 1, Integer::sum));
    }
    List<SourceRatings> ratings = new ArrayList<>();
    java.util.Set<String> sites = new java.util.TreeSet<>(aggregates.keySet());
    sites.addAll(reviews.keySet());
    for (String site : sites) {
      ratings.add(
          new SourceRatings(
              site,
              Optional.ofNullable(aggregates.get(site)),
              reviews.getOrDefault(site, List.of()),
              siteNames.getOrDefault(site, site)));
    }
    List<IssueSummary> topIssues =
        issueCounts.entrySet().stream()
            .map(e -> issues.get(e.getKey()).map(c -> new IssueSummary(c, e.getValue())))
            .flatMap(Optional::stream)
            .sorted(
                Comparator.comparingInt(IssueSummary::records)
                    .reversed()
                    .thenComparing(s -> s.issue().id()))
            .limit(maxIssues)
            .toList();
    return Optional.of(
        new Page(productId, product, List.copyOf(names), byKind, ratings, topIssues));
  }
}
