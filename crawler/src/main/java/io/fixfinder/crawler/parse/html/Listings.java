package io.fixfinder.crawler.parse.html;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Tells a page of links (a site's index, a board, a category, a tag page) from a page of content,
 * by the shape of its main content rather than by its URL or class names: on a listing most of the
 * text sits inside links, and most text blocks are a link with at most a short blurb beside it. A
 * listing is followed for its links but is not a record: stored, it became a manual titled "Index".
 *
 * <p>The thresholds were chosen on the demo corpus's pages and checked on page shapes built from
 * other data; see "Every page ends in a counted outcome" in {@code docs/extraction.md}.
 */
public final class Listings {
  /** Share of the main content's text inside links from which a page is a listing. */
  static final double LINK_TEXT_SHARE = 0.5;

  /**
   * Share of the text in blocks without any link up to which a page is a listing (every item of a
   * listing holds its link; prose does not).
   */
  static final double MAX_UNLINKED_SHARE = 0.15;

  /** Least link text share of a listing whose items carry descriptions. */
  static final double MIN_ITEM_LINK_SHARE = 0.25;

  /** Most characters (link and description) of one listing item, on average. */
  static final int MAX_ITEM_CHARS = 160;

  /** Fewer links than this is a short page with a few links, not a listing. */
  static final int MIN_LINKS = 3;

  private Listings() {}

  /**
   * The main content's visible text in characters, how much of it is link text, how much sits in
   * blocks that hold no link at all (prose: a post, a step, an answer), and how many links there
   * are.
   */
  public record Measure(
      int textChars, int linkChars, int unlinkedChars, int links, int linkedBlocks) {
    /** The share of the text inside links (0 for a page without text). */
    public double linkShare() {
      return textChars == 0 ? 0 : (double) linkChars / textChars;
    }

    /** Mean characters of a block that holds a link: an item of a listing is short. */
    public double meanLinkedBlockChars() {
      return linkedBlocks == 0 ? 0 : (double) (textChars - unlinkedChars) / linkedBlocks;
    }

    /** The share of the text in blocks without a link (0 for a page without text). */
    public double unlinkedShare() {
      return textChars == 0 ? 0 : (double) unlinkedChars / textChars;
    }
  }

  /** Measures {@code main} (the page's main content, boilerplate removed: {@link MainContent}). */
  public static Measure measure(Element main) {
    Map<Element, Boolean> holdsLink = new IdentityHashMap<>();
    holdsLink(main, holdsLink);
    int[] counts = new int[4]; // text chars, link chars, unlinked chars, links
    Set<Element> linkedBlocks = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    walk(main, false, main, holdsLink, counts, linkedBlocks);
    return new Measure(counts[0], counts[1], counts[2], counts[3], linkedBlocks.size());
  }

  /** Whether {@code main} is a page of links rather than of content. */
  public static boolean isListing(Element main) {
    Measure m = measure(main);
    if (m.links() < MIN_LINKS) return false;
    if (m.linkShare() >= LINK_TEXT_SHARE) return true;
    // Items of "link – short description" have less link text, but every item holds its link,
    // the items are short, and little text sits outside them. Prose with inline links has long
    // blocks; a page of posts has most of its text in blocks without links.
    return m.linkShare() >= MIN_ITEM_LINK_SHARE
        && m.unlinkedShare() <= MAX_UNLINKED_SHARE
        && m.meanLinkedBlockChars() <= MAX_ITEM_CHARS;
  }

  /**
   * Blocks that make one item of a listing or one unit of prose. Table cells are not among them: a
   * row (title link, author, reply count) is one item.
   */
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "li",
          "tr",
          "dd",
          "dt",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "figcaption",
          "caption",
          "div",
          "article",
          "section");

  /**
   * Post-order: which elements hold a link, in one pass (a select per block would be quadratic).
   */
  private static boolean holdsLink(Element e, Map<Element, Boolean> out) {
    boolean any = e.normalName().equals("a") && e.hasAttr("href");
    for (Element child : e.children()) any |= holdsLink(child, out);
    out.put(e, any);
    return any;
  }

  /**
   * One pass over the text nodes, each counted once, with whether it is inside a link and whether
   * its nearest block holds a link.
   */
  private static void walk(
      Node node,
      boolean inLink,
      Element block,
      Map<Element, Boolean> holdsLink,
      int[] counts,
      Set<Element> linkedBlocks) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        int n = visibleChars(text.getWholeText());
        if (n == 0) continue;
        counts[0] += n;
        if (inLink) counts[1] += n;
        if (holdsLink.get(block)) linkedBlocks.add(block);
        else counts[2] += n;
      } else if (child instanceof Element e) {
        boolean link = !inLink && e.normalName().equals("a") && e.hasAttr("href");
        if (link) counts[3]++;
        Element nearest = BLOCKS.contains(e.normalName()) ? e : block;
        walk(e, inLink || link, nearest, holdsLink, counts, linkedBlocks);
      }
    }
  }

  /** Characters other than whitespace: markup indentation must not dilute either share. */
  private static int visibleChars(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) n++;
    return n;
  }
}
