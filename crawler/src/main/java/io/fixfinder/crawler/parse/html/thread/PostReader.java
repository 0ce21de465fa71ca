package io.fixfinder.crawler.parse.html.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads one post block of a prepared document (see {@link #prepare}): its body is the part that
 * holds the post's prose once quotes, signatures, buttons, user-panel lines and the author/date
 * line are set aside; author, date, votes and the accepted marker are read from the rest.
 */
final class PostReader {
  /** Marks an element of the working copy as not part of any post's text. */
  static final String MARK = "data-ff-noise";

  private static final Pattern HIDDEN_CLASS =
      Pattern.compile(
          "^(hidden|hide|d-none|is-hidden|u-hidden|invisible|[a-z]{1,3}-hide|[a-z]{2,4}Hide)$");
  private static final Pattern DISPLAY_NONE =
      Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
  private static final Pattern SIGNATURE = Pattern.compile("(?i)signature|\\bsig\\b");
  private static final Pattern QUOTE = Pattern.compile("(?i)quote");
  private static final Pattern MAIL_QUOTE_INTRO =
      Pattern.compile("(?i)^(on .{4,120} wrote:|.{2,60} (wrote|said|schrieb|a écrit)\\s*:)$");
  private static final Pattern RULE = Pattern.compile("^_{5,}$");
  private static final Pattern NOT_NUMBER = Pattern.compile("[^\\d-]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");
  private static final Set<String> TEXT_LEAVES =
      Set.of(
          "p",
          "blockquote",
          "li",
          "ul",
          "ol",
          "table",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "code",
          "dl");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "pre",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "dd",
          "dt",
          "div",
          "section",
          "article",
          "blockquote",
          "br",
          "hr",
          "table",
          "ul",
          "ol",
          "aside",
          "main");

  private PostReader() {}

  /** Whether an element of a prepared document was marked as no part of any post. */
  static boolean noise(Element e) {
    return e.hasAttr(MARK);
  }

  /** A copy of the page without scripts, controls and hidden elements: what a reader sees. */
  static Document prepare(Document original) {
    Document doc = original.clone();
    doc.select(
            "script, style, template, svg, iframe, input, select, textarea, button, object, "
                + "embed, canvas, [hidden], [aria-hidden=true]")
        .remove();
    for (Element e : doc.getAllElements()) {
      // Hidden metadata (a schema.org name) is kept: it is read as a cue, never as post text.
      if (e.parent() == null || e.hasAttr("itemprop")) continue;
      boolean hidden = DISPLAY_NONE.matcher(e.attr("style")).find();
      for (String c : e.classNames()) hidden |= HIDDEN_CLASS.matcher(c).matches();
      if (hidden) e.remove();
    }
    for (Element e : doc.body().getAllElements()) {
      String text = Cues.brief(e, 60).filter(t -> t.length() <= 60).orElse("");
      if (!text.isEmpty() && Cues.USER_STAT.matcher(text).matches()) e.attr(MARK, "stat");
      else if (!text.isEmpty() && Cues.AFFORDANCE.matcher(text).matches()) e.attr(MARK, "ui");
      else if (SIGNATURE.matcher(Cues.names(e)).find() && !Cues.tag(e, "body")) e.attr(MARK, "sig");
    }
    return doc;
  }

  /**
   * Reads {@code block}; {@code nested} tells the blocks inside it that are posts of their own (a
   * reply nested under the post), which are not part of it.
   */
  static Post read(Element block, Predicate<Element> nested) {
    // One test of what is not the post's text serves both finding the body and reading it.
    Predicate<Element> notText = skip(block, nested);
    Element body = bodyOutside(block, notText);
    java.util.Map<Element, Boolean> quotes = new java.util.IdentityHashMap<>();
    Predicate<Element> outsideBody =
        e -> e == body || nested.test(e) || quotes.computeIfAbsent(e, x -> quote(x, block, nested));
    Predicate<Element> cueSkip = e -> outsideBody.test(e) && e != block;
    String author = Cues.author(block, cueSkip).orElse("");
    Instant date = Cues.date(block, cueSkip).orElse(Instant.EPOCH);
    int votes = Cues.votes(block, cueSkip).orElse(0);
    boolean accepted = Cues.accepted(block, cueSkip);
    return new Post(textOutside(body, notText), author, date, votes, accepted);
  }

  /** Votes and the accepted marker within {@code block}, outside {@code body}. */
  static Post read(Element block, Element body, Optional<Element> votes, boolean accepted) {
    Predicate<Element> skip = e -> e == body;
    String author = Cues.author(block, skip).orElse("");
    Instant date = Cues.date(block, skip).orElse(Instant.EPOCH);
    int v =
        votes
            .map(e -> NOT_NUMBER.matcher(e.text()).replaceAll(""))
            .filter(s -> NUMBER.matcher(s).matches())
            .map(Integer::parseInt)
            .orElseGet(() -> Cues.votes(block, skip).orElse(0));
    return new Post(text(body, block, e -> false), author, date, v, accepted);
  }

  /** The post body: descend from the block while one child holds most of the prose. */
  static Element body(Element block, Predicate<Element> nested) {
    return bodyOutside(block, skip(block, nested));
  }

  /** The body, with {@code skip} from {@link #skip} for this block. */
  private static Element bodyOutside(Element block, Predicate<Element> skip) {
    // Each step down reads the prose of the node's children, which the step before read within
    // the node's: remembered, the whole descent reads the block once.
    Prose prose = new Prose(skip);
    Element node = block;
    while (true) {
      int total = prose.of(node);
      if (total == 0) return node;
      Element best = null;
      int bestProse = 0;
      for (Element child : node.children()) {
        if (skip.test(child)) continue;
        int p = prose.of(child);
        if (p > bestProse) {
          bestProse = p;
          best = child;
        }
      }
      if (best == null || TEXT_LEAVES.contains(best.normalName()) || bestProse < 0.75 * total)
        return node;
      node = best;
    }
  }

  /** What is not the post's own text: noise marks, nested posts, quotes, author/date lines. */
  private static Predicate<Element> skip(Element block, Predicate<Element> nested) {
    Prose outside = new Prose(e -> e.hasAttr(MARK) || nested.test(e));
    int total = outside.of(block);
    // Asked for every element on every descent step: remembered per element.
    java.util.Map<Element, Boolean> seen = new java.util.IdentityHashMap<>();
    return e ->
        e != block
            && seen.computeIfAbsent(
                e,
                x ->
                    x.hasAttr(MARK)
                        || nested.test(x)
                        || quote(x, block, nested)
                        || metaLine(x, total, nested, outside));
  }

  /** A quotation of another post: a blockquote, or a block named as a quote, beside own text. */
  private static boolean quote(Element e, Element block, Predicate<Element> nested) {
    if (e == block) return false;
    if (!Cues.tag(e, "blockquote")
        && !(QUOTE.matcher(Cues.names(e)).find() && !Cues.tag(e, "a", "li", "span"))) return false;
    Predicate<Element> without = x -> x == e || x.hasAttr(MARK) || nested.test(x);
    return Cues.prose(block, without) >= 15;
  }

  /** A line or panel inside the post that carries both an author and a date: the by-line. */
  private static boolean metaLine(
      Element e, int blockProse, Predicate<Element> nested, Prose outside) {
    if (Cues.brief(e, 400).isEmpty()) return false;
    Predicate<Element> skip = x -> x.hasAttr(MARK) || nested.test(x);
    if (outside.of(e) * 2 > blockProse && blockProse > 0) return false;
    return Cues.author(e, skip).isPresent() && Cues.date(e, skip).isPresent();
  }

  /** The body's text with paragraph breaks; mail quoting and signatures dropped. */
  static String text(Element body, Element block, Predicate<Element> nested) {
    return textOutside(body, skip(block, nested));
  }

  /** The body's text, with {@code skip} from {@link #skip} for its block. */
  private static String textOutside(Element body, Predicate<Element> skip) {
    StringBuilder sb = new StringBuilder();
    append(body, body.parent() != null && inPre(body.parent()), skip, sb);
    List<String> lines = new ArrayList<>();
    for (String raw : sb.toString().split("\n")) {
      String line = Cues.SPACES.matcher(raw).replaceAll(" ").strip();
      if (line.equals("--") || line.equals("-- ") || RULE.matcher(line).matches())
        break; // signature
      if (line.startsWith(">") || line.startsWith("&gt;")) continue;
      if (MAIL_QUOTE_INTRO.matcher(line).matches()) continue;
      if (line.isEmpty() && (lines.isEmpty() || lines.getLast().isEmpty())) continue;
      lines.add(line);
    }
    while (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast();
    return String.join("\n", lines).strip();
  }

  /**
   * @param inPre whether an ancestor of {@code node} is a {@code pre} (passed down, not looked up
   *     per text node: that costs the depth each time)
   */
  private static void append(Node node, boolean inPre, Predicate<Element> skip, StringBuilder sb) {
    if (node instanceof TextNode t) {
      sb.append(inPre ? t.getWholeText() : t.text());
      return;
    }
    if (!(node instanceof Element e) || skip.test(e)) return;
    boolean block = BLOCKS.contains(e.normalName());
    if (block) sb.append('\n');
    boolean pre = inPre || e.normalName().equals("pre");
    for (Node child : e.childNodes()) append(child, pre, skip, sb);
    if (block && !e.normalName().equals("br")) sb.append('\n');
  }

  private static boolean inPre(Element e) {
    for (Element x = e; x != null; x = x.parent()) if (x.normalName().equals("pre")) return true;
    return false;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
