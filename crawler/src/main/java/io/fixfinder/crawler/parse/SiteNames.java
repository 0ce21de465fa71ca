package io.fixfinder.crawler.parse;

import com.fasterxml.jackson.databind.JsonNode;
import crawlercommons.domains.EffectiveTldFinder;
import io.fixfinder.core.json.Json;
import io.fixfinder.crawler.fetch.FetchedPage;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The name of a record's site as people know it ("FixIt Forum", not "127.0.0.1:45795"): what the
 * page says about its own site ({@code og:site_name}, a schema.org {@code WebSite} or publisher
 * name, the {@code application-name} meta), else the title the sources file gives the site, else
 * the registrable host (eTLD+1, no port). Crawled markup is untrusted: a name is plain text,
 * whitespace collapsed, capped at {@value #MAX_CHARS} characters, and never a URL.
 */
public final class SiteNames {
  static final int MAX_CHARS = 60;

  private static final Pattern URLISH = Pattern.compile("(?i)^(https?:|www\\.)|[<>{}]");

  private SiteNames() {}

  /** The site name for records of {@code page}. */
  public static String of(FetchedPage page) {
    return page.parsedHtml()
        .flatMap(SiteNames::fromPage)
        .or(() -> page.site().title().flatMap(SiteNames::clean))
        .orElseGet(() -> registrableHost(page.url()));
  }

  /** The name the page gives its site, if it gives one that reads as a name. */
  static Optional<String> fromPage(Document doc) {
    Element og = doc.selectFirst("meta[property=og:site_name][content]");
    if (og != null) {
      Optional<String> name = clean(og.attr("content"));
      if (name.isPresent()) return name;
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String json = script.data();
      if (!json.contains("WebSite") && !json.contains("publisher")) continue;
      try {
        Optional<String> name = fromJsonLd(Json.mapper().readTree(json), 0);
        if (name.isPresent()) return name;
      } catch (java.io.IOException | RuntimeException e) {
        // broken JSON-LD: the other places may still name the site
      }
    }
    Element app = doc.selectFirst("meta[name=application-name][content]");
    return app == null ? Optional.empty() : clean(app.attr("content"));
  }

  /** A WebSite's name, else a publisher's name, anywhere in a JSON-LD tree (bounded depth). */
  private static Optional<String> fromJsonLd(JsonNode node, int depth) {
    if (node == null || depth > 6) return Optional.empty();
    if (node.isArray()) {
      for (JsonNode n : node) {
        Optional<String> name = fromJsonLd(n, depth + 1);
        if (name.isPresent()) return name;
      }
      return Optional.empty();
    }
    if (!node.isObject()) return Optional.empty();
    if (typed(node, "WebSite")) {
      Optional<String> name = clean(node.path("name").asText(""));
      if (name.isPresent()) return name;
    }
    JsonNode publisher = node.get("publisher");
    if (publisher != null) {
      Optional<String> name =
          clean(publisher.isTextual() ? publisher.asText() : publisher.path("name").asText(""));
      if (name.isPresent()) return name;
    }
    Optional<String> inGraph = fromJsonLd(node.get("@graph"), depth + 1);
    if (inGraph.isPresent()) return inGraph;
    return fromJsonLd(node.get("isPartOf"), depth + 1);
  }

  private static boolean typed(JsonNode node, String type) {
    JsonNode t = node.path("@type");
    if (t.isArray()) {
      for (JsonNode x : t) if (x.asText("").equals(type)) return true;
      return false;
    }
    return t.asText("").equals(type);
  }

  /** {@code raw} as a name: plain, one line, short; empty when it is blank or reads as a URL. */
  static Optional<String> clean(String raw) {
    String s = raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (s.isEmpty() || URLISH.matcher(s).find()) return Optional.empty();
    if (s.length() > MAX_CHARS) s = s.substring(0, MAX_CHARS).strip() + "…";
    return Optional.of(s);
  }

  /**
   * The registrable part of a URL's host, without port or "www.": "forum.example.co.uk" gives
   * "example.co.uk"; an IP address or a name without a public suffix stays as it is.
   */
  public static String registrableHost(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") || host.matches("[0-9.]+")) return host;
    String assigned = EffectiveTldFinder.getAssignedDomain(host, true, false);
    String out = assigned == null || assigned.isEmpty() ? host : assigned;
    return out.startsWith("www.") ? out.substring(4) : out;
  }
}
