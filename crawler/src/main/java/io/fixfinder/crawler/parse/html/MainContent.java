package io.fixfinder.crawler.parse.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds a page's main content with jsoup: boilerplate (navigation, header, footer, sidebars, ads,
 * cookie banners, share bars, breadcrumbs, scripts) is removed, then the first of {@code main},
 * {@code article}, {@code [role=main]} wins, else the block holding most paragraph text.
 */
public final class MainContent {
  static final String BOILERPLATE =
      "script, style, noscript, template, svg, form, iframe, nav, header, footer, aside, "
          + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], "
          + ".ad, .ads, .advert, .advertisement, [class*=sponsor], [id*=sidebar], [class*=sidebar], "
          + "[class*=breadcrumb], [class*=cookie], [class*=share], [class*=related], [class*=newsletter], "
          + "[class*=menu], [class*=pagination]";

  /** What a block's own paragraphs are, for finding the block of most paragraph text. */
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "ul", "ol", "pre", "blockquote", "table");

  /** Units of text: a block that holds one is read through it. */
  private static final Set<String> UNITS = Set.of("p", "li", "td");

  private MainContent() {}

  /** The main content element of a copy of the document (the original is left untouched). */
  public static Element of(Document original, Map<String, String> selectors) {
    Document doc = original.clone();
    String remove = selectors.getOrDefault("remove", "");
    doc.select(BOILERPLATE + (remove.isBlank() ? "" : ", " + remove)).remove();
    String content = selectors.getOrDefault("content", "");
    if (!content.isBlank()) {
      Element chosen = doc.selectFirst(content);
      if (chosen != null) return chosen;
    }
    for (String candidate :
        new String[] {"main", "article", "[role=main]", "#content", ".content"}) {
      Element e = doc.selectFirst(candidate);
      if (e != null && e.text().length() > 80) return e;
    }
    Element best = doc.body();
    int bestScore = 0;
    Elements blocks = doc.select("div, section, td");
    for (Element block : blocks) {
      int score = 0;
      // The block's own paragraphs: its children (a select of "> p" would walk its whole subtree,
      // for every block the square of the page's depth).
      for (Element p : block.children()) {
        if (PARAGRAPHS.contains(p.normalName())) score += p.text().length();
      }
      if (score > bestScore) {
        bestScore = score;
        best = block;
      }
    }
    return best;
  }

  /** Text with paragraph breaks kept: block elements end lines. */
  public static String text(Element root) {
    Set<Element> holders = holdersOfUnits(root);
    StringBuilder sb = new StringBuilder();
    for (Element e :
        root.select("h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td, th, dt, dd")) {
      // A block that holds other blocks is read through them, not twice.
      if (!e.normalName().equals("td") && holders.contains(e)) continue;
      String t = e.text().strip();
      if (!t.isEmpty()) sb.append(t).append('\n');
    }
    String text = sb.toString().strip();
    return text.isEmpty() ? root.text() : text;
  }

  /**
   * The elements of {@code root}'s subtree that hold a p, li or td below them, in one pass from the
   * leaves up (a select per element would cost the square of the page's depth).
   */
  private static Set<Element> holdersOfUnits(Element root) {
    Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> all = root.getAllElements();
    for (int i = all.size() - 1; i >= 0; i--) {
      Element e = all.get(i);
      for (Element child : e.children()) {
        if (UNITS.contains(child.normalName()) || holders.contains(child)) {
          holders.add(e);
          break;
        }
      }
    }
    return holders;
  }

  /** The page title: og:title, then the first h1, then the title element. */
  public static String title(Document doc) {
    Element og = doc.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) return og.attr("content");
    Element h1 = doc.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) return h1.text();
    return doc.title();
  }
}
