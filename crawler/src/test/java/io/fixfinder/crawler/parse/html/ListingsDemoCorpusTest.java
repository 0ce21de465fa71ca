package io.fixfinder.crawler.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.schema.StructuredDataExtractor;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.demo.DemoCorpus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo corpus is where the listing thresholds were chosen: this keeps them honest there (no
 * content page taken for a listing; most listing pages found). The check on other data is {@link
 * ListingsTest}.
 */
class ListingsDemoCorpusTest {
  @TempDir Path dir;

  /** The demo sites' pages of links, by their paths (the generator's, not the detector's). */
  static final Pattern LISTING =
      Pattern.compile(
          "[a-z]+/index\\.html|[a-z]+/(latest|new-posts)\\.html|brandsupport/[a-z]+/index\\.html"
              + "|fixitforum/board/.*|repairtalk/forum/.*|manuals/brands/.*|manuals/guides/index\\.html"
              + "|manuals/internal/index\\.html|shopreviews/c/.*");

  static final Map<String, SourceKind> KINDS =
      Map.of(
          "fixitforum", SourceKind.FORUM,
          "repairtalk", SourceKind.FORUM,
          "manuals", SourceKind.MANUAL,
          "shopreviews", SourceKind.REVIEW,
          "brandsupport", SourceKind.PRODUCT);

  @Test
  void noContentPageIsTakenForAListingAndMostListingsAreFound() throws Exception {
    DemoCorpus.writeTo(dir);
    int content = 0;
    List<String> contentTaken = new ArrayList<>();
    int listings = 0;
    List<String> listingsMissed = new ArrayList<>();
    StructuredDataExtractor structured = new StructuredDataExtractor();
    try (Stream<Path> files = Files.walk(dir.resolve("sites"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String rel = dir.resolve("sites").relativize(f).toString();
        String site = rel.substring(0, rel.indexOf('/'));
        URI url = URI.create("http://127.0.0.1:9/" + rel.substring(rel.indexOf('/') + 1));
        Document doc = Jsoup.parse(Files.readString(f), url.toString());
        FetchedPage page =
            new FetchedPage(
                SiteConfig.of(site, KINDS.get(site), URI.create("http://127.0.0.1:9/"), true),
                url,
                200,
                "text/html",
                new byte[0],
                Map.of(),
                Instant.EPOCH,
                Optional.of(doc));
        // Pages with structured data never reach the listing check.
        if (!structured.extract(page).isEmpty()) continue;
        boolean found = Listings.isListing(MainContent.of(doc, Map.of()));
        if (LISTING.matcher(rel).matches()) {
          listings++;
          if (!found) listingsMissed.add(rel);
        } else {
          content++;
          if (found) contentTaken.add(rel);
        }
      }
    }
    System.out.printf(
        "listings on the demo corpus: %d of %d content pages taken for listings, %d of %d"
            + " listing pages found (missed: %s)%n",
        contentTaken.size(), content, listings - listingsMissed.size(), listings, listingsMissed);
    assertThat(content).isGreaterThan(200);
    assertThat(contentTaken).isEmpty();
    assertThat(listings - listingsMissed.size()).isGreaterThanOrEqualTo(listings * 8 / 10);
  }
}
