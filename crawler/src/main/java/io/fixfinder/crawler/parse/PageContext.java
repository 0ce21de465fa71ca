package io.fixfinder.crawler.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import io.fixfinder.crawler.fetch.FetchedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What a page says about itself beyond a record's title and text, for keying: the site's own
 * breadcrumb trail (its product taxonomy, outermost first) and the URL path. A trail is strong
 * evidence of brand and type; the path ("/Device/iPod_Classic") is weak evidence.
 */
public record PageContext(List<String> trail, String urlPath) {
  public static final PageContext NONE = new PageContext(List.of(), "");

  private static final int MAX_CRUMBS = 12;
  private static final int MAX_CRUMB_CHARS = 80;

  public PageContext {
    trail = List.copyOf(Objects.requireNonNullElse(trail, List.of()));
    urlPath = Objects.requireNonNullElse(urlPath, "");
  }

  /** The context of a fetched page: trail from its HTML (when parsed), path from its URL. */
  public static PageContext of(FetchedPage page) {
    String path = Objects.requireNonNullElse(page.url().getRawPath(), "");
    return new PageContext(page.parsedHtml().map(PageContext::trail).orElse(List.of()), path);
  }

  /**
   * The breadcrumb trail: schema.org BreadcrumbList (JSON-LD, then microdata), else a breadcrumb
   * navigation ({@code nav[aria-label*=breadcrumb]}, {@code .breadcrumb}, {@code .breadcrumbs}).
   * The first trail found wins; crawled markup is untrusted, so crumbs are capped in number and
   * size.
   */
  static List<String> trail(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String json = script.data();
      if (!json.contains("BreadcrumbList")) continue;
      try {
        List<String> crumbs = new ArrayList<>();
        findBreadcrumbs(Json.mapper().readTree(json), crumbs, 0);
        if (!crumbs.isEmpty()) return cap(crumbs);
      } catch (java.io.IOException | RuntimeException e) {
        // broken JSON-LD: other trails may still be there
      }
    }
    Elements micro = doc.select("[itemtype*=BreadcrumbList] [itemprop=name]");
    if (!micro.isEmpty()) return cap(micro.eachText());
    Element nav =
        doc.selectFirst(
            "nav[aria-label~=(?i)breadcrumb], [aria-label~=(?i)breadcrumb], .breadcrumb,"
                + " .breadcrumbs, #breadcrumb, #breadcrumbs");
    if (nav == null) return List.of();
    Elements items = nav.select("li");
    if (items.isEmpty()) items = nav.select("a");
    return cap(items.eachText());
  }

  private static void findBreadcrumbs(JsonNode node, List<String> out, int depth) {
    if (node == null || depth > 6 || out.size() >= MAX_CRUMBS) return;
    if (node.isArray()) {
      for (JsonNode n : node) findBreadcrumbs(n, out, depth + 1);
      return;
    }
    if (!node.isObject()) return;
    if (node.path("@type").asText("").equals("BreadcrumbList")) {
      for (JsonNode item : node.path("itemListElement")) {
        String name = item.path("name").asText("");
        if (name.isEmpty()) name = item.path("item").path("name").asText("");
        if (!name.isBlank()) out.add(name);
      }
      return;
    }
    findBreadcrumbs(node.get("@graph"), out, depth + 1);
  }

  private static List<String> cap(List<String> crumbs) {
    List<String> out = new ArrayList<>();
    for (String c : crumbs) {
      String s = c.strip();
      if (s.isEmpty()) continue;
      out.add(s.length() > MAX_CRUMB_CHARS ? s.substring(0, MAX_CRUMB_CHARS) : s);
      if (out.size() >= MAX_CRUMBS) break;
    }
    return List.copyOf(out);
  }
}
