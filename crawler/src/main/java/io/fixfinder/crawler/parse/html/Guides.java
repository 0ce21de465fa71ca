package io.fixfinder.crawler.parse.html;

import io.fixfinder.core.model.Details.Guide;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads a repair guide written as plain HTML (no HowTo markup): steps under headings "Step 1",
 * "Step 2"..., or an ordered list under a heading that announces steps; tools, parts and supplies
 * from lists under headings that name them; a labelled difficulty ("Difficulty: Moderate"). Only a
 * clear step list counts: a page with fewer than {@link #MIN_STEPS} steps is not read as a guide.
 */
public final class Guides {
  private Guides() {}

  static final int MIN_STEPS = 2;

  /** An ordered list needs this many items to count as a step list on its own. */
  private static final int MIN_LIST_STEPS = 3;

  private static final Pattern STEP_HEADING =
      Pattern.compile("^\\s*step\\s*(\\d+)\\s*[:.)\\-–—]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern STEPS_HEADING =
      Pattern.compile(
          "\\b(steps?|instructions?|directions|procedure|how to)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOOLS_HEADING =
      Pattern.compile(
          "^\\s*(tools?( needed| required| used)?|what you('|’)?ll need|you('|’)?ll need)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PARTS_HEADING =
      Pattern.compile(
          "^\\s*((replacement )?parts?( needed| required| used)?)\\s*:?\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SUPPLIES_HEADING =
      Pattern.compile("^\\s*(supplies|materials)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIFFICULTY =
      Pattern.compile(
          "^\\s*(difficulty level|skill level|difficulty)\\s*[:：]?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE);

  private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

  /** Whether a property name means difficulty ("difficulty", "Difficulty level", "skill level"). */
  public static boolean isDifficultyLabel(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.equals("difficulty") || n.equals("difficulty level") || n.equals("skill level");
  }

  /**
   * The page's labelled difficulty: the first element whose own text is "Difficulty: X", or a
   * "Difficulty" label followed by its value (dt/dd, th/td, label and value spans). Empty if none;
   * a value longer than three words is prose, not a level.
   */
  public static String difficulty(Element root) {
    for (Element e : root.getAllElements()) {
      String own = e.ownText();
      if (own.length() > 60) continue;
      Matcher m = DIFFICULTY.matcher(own);
      if (!m.matches()) continue;
      String value = m.group(2).strip();
      if (value.isEmpty()) {
        Element next = e.nextElementSibling();
        if (next != null && !next.is("ul, ol, select, nav, table")) value = next.text().strip();
        else if (e.children().size() == 1) value = e.child(0).text().strip();
      }
      if (!value.isEmpty() && value.split("\\s+").length <= 3 && value.length() <= 30) {
        return value;
      }
    }
    return "";
  }

  /** A guide read from the page's main content, when it has a clear step list. */
  public static Optional<Guide> read(Element main) {
    List<Guide.Step> steps = stepHeadings(main);
    if (steps.size() < MIN_STEPS) steps = stepList(main);
    if (steps.size() < MIN_STEPS) return Optional.empty();
    return Optional.of(
        new Guide(
            steps,
            listUnder(main, TOOLS_HEADING),
            listUnder(main, SUPPLIES_HEADING),
            listUnder(main, PARTS_HEADING),
            difficulty(main),
            0,
            0,
            0,
            Guide.Device.NONE,
            ""));
  }

  /** Steps under "Step N" headings: the heading's rest is the name, what follows the text. */
  private static List<Guide.Step> stepHeadings(Element main) {
    List<Guide.Step> steps = new ArrayList<>();
    for (Element h : main.select(HEADINGS)) {
      Matcher m = STEP_HEADING.matcher(h.text());
      if (!m.matches()) continue;
      StringBuilder text = new StringBuilder();
      String image = "";
      for (Element e = h.nextElementSibling();
          e != null && !e.is(HEADINGS);
          e = e.nextElementSibling()) {
        if (text.length() > 0) text.append(' ');
        text.append(e.text());
        if (image.isEmpty()) {
          Element img = e.is("img") ? e : e.selectFirst("img[src]");
          if (img != null) image = img.absUrl("src");
        }
      }
      String body = text.toString().strip();
      String name = m.group(2).strip();
      if (body.isEmpty()) {
        body = name;
        name = "";
      }
      if (!body.isEmpty()) steps.add(new Guide.Step(name, body, image, ""));
    }
    return steps;
  }

  /** The longest ordered list right under a heading that announces steps or instructions. */
  private static List<Guide.Step> stepList(Element main) {
    List<Guide.Step> best = List.of();
    for (Element ol : main.select("ol")) {
      Element heading = headingBefore(ol);
      if (heading == null || !STEPS_HEADING.matcher(heading.text()).find()) continue;
      List<Guide.Step> steps = new ArrayList<>();
      for (Element li : ol.children()) {
        if (!li.is("li") || li.text().isBlank()) continue;
        Element img = li.selectFirst("img[src]");
        steps.add(new Guide.Step("", li.text().strip(), img == null ? "" : img.absUrl("src"), ""));
      }
      if (steps.size() >= MIN_LIST_STEPS && steps.size() > best.size()) best = steps;
    }
    return best;
  }

  /** Items of the first list after a heading (or a bold/strong label) matching {@code label}. */
  private static List<Guide.Item> listUnder(Element main, Pattern label) {
    for (Element h : main.select(HEADINGS + ", p > strong, p > b, dt")) {
      String t = h.text();
      if (t.length() > 40 || !label.matcher(t).find()) continue;
      Element anchor = h.is("strong, b") ? h.parent() : h;
      Element next = anchor.nextElementSibling();
      if (next != null && next.is("ul, ol, dd")) {
        List<Guide.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Element> lis = next.is("dd") ? List.of(next) : next.children();
        for (Element li : lis) {
          String name = li.text().replaceAll("\\s+", " ").strip();
          if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
            items.add(new Guide.Item(name, ""));
          }
        }
        return items;
      }
    }
    return List.of();
  }

  private static Element headingBefore(Element e) {
    for (Element p = e.previousElementSibling(); p != null; p = p.previousElementSibling()) {
      if (p.is(HEADINGS)) return p;
      if (p.is("ol, ul, table")) return null;
    }
    return null;
  }
}
