package io.fixfinder.crawler.parse.html.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What marks a block as a post, read off any engine's markup: an author (schema.org author, a link
 * to a profile page, an element named for a user or poster, a mail address), a date (a time
 * element, a date attribute, a short text that is a date), a vote count (a number next to a vote
 * word or vote buttons), an "accepted" marker, and the reply/quote affordances. Also how much prose
 * a block holds: text in sentences, not in links, dates, numbers or labels.
 */
final class Cues {
  static final Pattern PROFILE_LINK =
      Pattern.compile(
          "(?i)(/(u|user|users|member|members|profile|profiles|people|author|authors|usuario)/"
              + "|[?&](u|uid|userid|user|showuser)=|viewprofile|member\\.php|/~[a-z])");
  private static final Pattern AUTHOR_NAME =
      Pattern.compile("(?i)(author|user|poster|creator|byline|nick|member-?name|\\bfrom\\b)");
  private static final Pattern NOT_AUTHOR_NAME =
      Pattern.compile("(?i)(title|rank|avatar|content|text|body|stat|info|extra|role|group)");
  private static final Pattern BY = Pattern.compile("(?i)(?:^|\\s)by\\s+([\\p{L}\\d_.\\-]{2,40})");

  /** "Powered by", "Designed by": a credit line, not a by-line. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?i)(powered|hosted|designed|developed|made|built|theme|styled?|run)\\s+by\\b");

  /** User-panel lines: join dates, post counts, reputation are about the user, not the post. */
  static final Pattern USER_STAT =
      Pattern.compile(
          "(?i)^((joined|join date|member since|registered)\\b.{0,40}"
              + "|(posts|messages|threads|topics|reaction score|reputation|rep|points|karma|"
              + "location|solutions|likes received|trophy points|credits|age|gender)"
              + "\\s*(:\\s*.{0,40}|\\s[\\d,.]+k?))$");

  /** Buttons and links whose whole text is an action on the post. */
  static final Pattern AFFORDANCE =
      Pattern.compile(
          "(?i)^[\\s+#»|]*(reply|reply with quote|reply via e-?mail|reply to (this|author)|quote|multi-?quote|report|report post|share|"
              + "permalink|link|edit|flag|follow|save|hide|embed|like|unlike|thanks|thank|"
              + "bookmark|top|back to top|post reply|cite|improve this (answer|question)|"
              + "add a comment|give award|source|parent|context|delete|find|pm|email|www|"
              + "quick reply|\\+ ?quote|\\[[-–+]\\])\\s*$");

  private static final Pattern ACCEPTED_ATTR =
      Pattern.compile(
          "(?i)(accepted|solution|solved|best[-_ ]?answer|answer[-_ ]accepted|"
              + "marked as (the )?answer|is[-_]answer|resolved)");
  private static final Pattern ACCEPTED_TEXT =
      Pattern.compile(
          "(?i)^[✔✓☑✅\\s]*(accepted( answer| solution)?|solution|best answer|solved|"
              + "marked as (the )?(answer|solution)|this (answer|reply) solved it|answer)?[\\s✔✓☑✅]*$");
  private static final Pattern ACCEPT_ACTION = Pattern.compile("(?i)\\b(accept|mark) (this|as)\\b");

  private static final Pattern VOTE_WORD =
      Pattern.compile(
          "(?i)(vote|score|point|like|karma|reaction|upvote|thank|helpful|useful|kudo|"
              + "rating|plus|\\bup\\b)");
  private static final Pattern NOT_VOTE =
      Pattern.compile(
          "(?i)(reputation|\\brep\\b|badge|view|repl|comment|answer|\\bposts\\b|follower)");
  private static final Pattern VOTE_TEXT =
      Pattern.compile(
          "(?i)^(?:(?:likes?|thanks|votes?|score|points|kudos|helpful)\\s*:?\\s*)?[^\\p{L}\\d\\s-]?\\s*"
              + "([+-−]?\\d{1,3}(?:[,.]\\d{3})*|[+-]?\\d{1,6})\\s*"
              + "(points?|votes?|likes?|upvotes?|kudos|thanks|people liked this)?$");
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  /** Runs of white space, no-break spaces among them (compiled once: cues read every element). */
  static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

  private static final Pattern NO_LETTER = Pattern.compile("^[^\\p{L}]*$");
  private static final Pattern NUMBER_PUNCTUATION = Pattern.compile("[,.+]");
  private static final Pattern VOTE_NEIGHBOUR =
      Pattern.compile(".*\\b(up ?vote|vote|votes|like|likes|points?)\\b.*");

  private static final Pattern USER_WORDS = Pattern.compile("\\S*(user|stat|count)\\S*");
  static final Set<String> NOT_PROSE =
      Set.of(
          "a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "dt", "time", "button", "select",
          "option");

  private Cues() {}

  /** Whether the element is one of these tags (jsoup's {@code is} parses its query each time). */
  static boolean tag(Element e, String... names) {
    String n = e.normalName();
    for (String name : names) if (n.equals(name)) return true;
    return false;
  }

  /**
   * The element's text when it is at most {@code limit} characters, else empty: cues are short
   * texts, and reading a big block's whole text for each of its elements would cost the square.
   */
  static Optional<String> brief(Element e, int limit) {
    StringBuilder sb = new StringBuilder();
    return brief(e, limit, sb) ? Optional.of(collapse(sb).strip()) : Optional.empty();
  }

  /**
   * Runs of white space and no-break spaces as one space: what {@link #SPACES} replaces, without a
   * regex match per element (every element's brief text is read).
   */
  static String collapse(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' '
          || c == '\t'
          || c == '\n'
          || c == '\u000B'
          || c == '\f'
          || c == '\r'
          || c == '\u00a0') {
        space = true;
        continue;
      }
      if (space) out.append(' ');
      space = false;
      out.append(c);
    }
    if (space) out.append(' ');
    return out.toString();
  }

  private static boolean brief(Node node, int limit, StringBuilder sb) {
    if (node instanceof TextNode t) {
      sb.append(t.getWholeText());
      return sb.length() <= limit * 2 + 20;
    }
    if (node instanceof Element e) {
      if (e.normalName().equals("br")) sb.append(' ');
      for (Node child : e.childNodes()) if (!brief(child, limit, sb)) return false;
      if (e.isBlock()) sb.append(' ');
    }
    return true;
  }

  private static String shortText(Element e, int limit) {
    return brief(e, limit).filter(t -> t.length() <= limit).orElse("");
  }

  /** Attributes that name or label an element: class, id, itemprop, role, title, aria-label. */
  static String names(Element e) {
    return (e.className()
            + " "
            + e.id()
            + " "
            + e.attr("itemprop")
            + " "
            + e.attr("data-role")
            + " "
            + e.attr("rel"))
        .toLowerCase(Locale.ROOT);
  }

  static String labels(Element e) {
    return (e.attr("title") + " " + e.attr("aria-label") + " " + e.attr("alt")).strip();
  }

  /** The post's author, looked for in {@code root} outside what {@code skip} excludes. */
  static Optional<String> author(Element root, Predicate<Element> skip) {
    List<Element> elements = visible(root, skip);
    for (Element e : elements) {
      if (e.attr("itemprop").equalsIgnoreCase("author")) {
        Element name = e.selectFirst("[itemprop=name]");
        String n =
            name == null ? e.text() : name.hasAttr("content") ? name.attr("content") : name.text();
        if (isName(n)) return Optional.of(n.strip());
      }
    }
    for (Element e : elements) {
      if (e.normalName().equals("a")
          && (e.attr("rel").equalsIgnoreCase("author")
              || PROFILE_LINK.matcher(e.attr("href")).find())
          && isName(shortText(e, 40))) return Optional.of(shortText(e, 40));
    }
    for (Element e : elements) {
      String names = names(e);
      if (AUTHOR_NAME.matcher(names).find()
          && !NOT_AUTHOR_NAME.matcher(names).find()
          && isName(shortText(e, 40))) return Optional.of(shortText(e, 40));
    }
    for (Element e : elements) {
      if (e.normalName().equals("a") && e.attr("href").startsWith("mailto:")) {
        Element before = e.previousElementSibling();
        if (before != null && Cues.tag(before, "b", "strong") && isName(before.text()))
          return Optional.of(before.text().strip());
        if (isName(e.text()) && !e.text().contains("@") && !e.text().contains(" at "))
          return Optional.of(e.text().strip());
      }
    }
    for (Element e : elements) {
      if (e.ownText().isBlank() || shortText(e, 80).isEmpty()) continue;
      Matcher m = BY.matcher(e.ownText());
      if (m.find() && isName(m.group(1)) && !CREDIT.matcher(e.ownText()).find())
        return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  private static boolean isName(String s) {
    String t = s.strip();
    return t.length() >= 2
        && t.length() <= 40
        && WORD.matcher(t).find()
        && PostDates.text(t).isEmpty()
        && !AFFORDANCE.matcher(t).matches();
  }

  /** The post's date, looked for in {@code root} outside what {@code skip} excludes. */
  static Optional<Instant> date(Element root, Predicate<Element> skip) {
    List<Element> elements = visible(root, skip);
    for (Element e : elements) {
      if (userStat(e)) continue;
      for (String attr : List.of("datetime", "data-time", "data-timestamp", "content")) {
        if (!e.hasAttr(attr)) continue;
        if (attr.equals("content")
            && !e.attr("itemprop").toLowerCase(Locale.ROOT).startsWith("date")) continue;
        Optional<Instant> d = PostDates.attribute(e.attr(attr));
        if (d.isPresent()) return d;
      }
      if (e.hasAttr("title") && e.attr("title").length() <= 60 && brief(e, 60).isPresent()) {
        Optional<Instant> d = PostDates.text(e.attr("title"));
        if (d.isPresent()) return d;
      }
      String own = e.ownText();
      if (!own.isBlank()) {
        String text = shortText(e, 80);
        Optional<Instant> d = text.isEmpty() ? Optional.empty() : PostDates.text(text);
        if (d.isPresent()) return d;
      }
    }
    return Optional.empty();
  }

  /** Whether the element sits in a user-panel line that {@link PostReader#prepare} marked. */
  private static boolean userStat(Element e) {
    int depth = 0;
    for (Element x = e; x != null && depth < 4; x = x.parent(), depth++) {
      if (x.attr(PostReader.MARK).equals("stat")) return true;
    }
    return false;
  }

  /**
   * The vote count shown for the post, if any: the number in an element whose names or labels, or
   * whose neighbours' (vote buttons), speak of votes or likes. Several renderings of one score side
   * by side (one per vote state, CSS shows one) give their middle value.
   */
  static Optional<Integer> votes(Element root, Predicate<Element> skip) {
    for (Element e : visible(root, skip)) {
      String text = shortText(e, 24);
      if (text.isEmpty() || text.startsWith("#")) continue;
      Matcher m = VOTE_TEXT.matcher(text);
      if (!m.matches() || userStat(e)) continue;
      boolean worded = m.group(2) != null || !NO_LETTER.matcher(text).matches();
      if (!worded && !voteContext(e)) continue;
      if (NOT_VOTE.matcher(names(e) + " " + labels(e)).find()) continue;
      // the number must be this element's own text, not a bigger block's
      if (!e.children().isEmpty() && e.ownText().isBlank() && !worded) continue;
      List<Integer> alternatives = new ArrayList<>();
      Element parent = e.parent();
      if (parent != null) {
        String sig = e.normalName();
        for (Element sibling : parent.children()) {
          if (!sibling.normalName().equals(sig)) continue;
          Matcher s = VOTE_TEXT.matcher(shortText(sibling, 24));
          if (s.matches() && (sibling == e || voteContext(sibling))) alternatives.add(number(s));
        }
      }
      if (alternatives.size() >= 3)
        return Optional.of(alternatives.stream().sorted().toList().get(alternatives.size() / 2));
      return Optional.of(number(m));
    }
    return Optional.empty();
  }

  private static int number(Matcher m) {
    String n = NUMBER_PUNCTUATION.matcher(m.group(1).replace("−", "-")).replaceAll("");
    try {
      return Integer.parseInt(n);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean voteContext(Element e) {
    int depth = 0;
    for (Element x = e; x != null && depth < 3; x = x.parent(), depth++) {
      String context = names(x) + " " + labels(x);
      if (NOT_VOTE.matcher(context).find()) return false;
      if (VOTE_WORD.matcher(context).find()) return true;
      if (depth == 0) {
        for (Element sibling : x.siblingElements()) {
          String brief = shortText(sibling, 20);
          String s = names(sibling) + " " + labels(sibling) + " " + brief;
          if ((!brief.isEmpty() || !labels(sibling).isEmpty())
              && VOTE_NEIGHBOUR.matcher(s.toLowerCase(Locale.ROOT)).matches()) return true;
        }
      }
    }
    return false;
  }

  /** Whether the block is marked accepted/solution, outside what {@code skip} excludes. */
  static boolean accepted(Element root, Predicate<Element> skip) {
    for (Element e : visible(root, skip)) {
      String labels = labels(e);
      if (ACCEPT_ACTION.matcher(labels).find()) continue;
      if (ACCEPTED_ATTR.matcher(USER_WORDS.matcher(names(e)).replaceAll("")).find() && !userStat(e))
        return true;
      if (!labels.isEmpty() && ACCEPTED_ATTR.matcher(labels).find()) return true;
      String text = shortText(e, 30);
      if (!text.isEmpty()
          && ACCEPTED_TEXT.matcher(text).matches()
          && !text.equalsIgnoreCase("answer")) return true;
    }
    return false;
  }

  /** Whether the block offers reply/quote/report/permalink actions. */
  static boolean affordance(Element root, Predicate<Element> skip) {
    for (Element e : visible(root, skip)) {
      if ((Cues.tag(e, "a", "button") || e.attr("role").equals("button"))
          && (AFFORDANCE.matcher(shortText(e, 40)).matches()
              || AFFORDANCE.matcher(labels(e)).matches())) return true;
    }
    return false;
  }

  /** Elements of {@code root} (itself included) in document order, minus skipped subtrees. */
  static List<Element> visible(Element root, Predicate<Element> skip) {
    List<Element> out = new ArrayList<>();
    collect(root, skip, out);
    return out;
  }

  private static void collect(Element e, Predicate<Element> skip, List<Element> out) {
    if (skip.test(e)) return;
    out.add(e);
    for (Element child : e.children()) collect(child, skip, out);
  }

  /**
   * Characters of prose: text nodes of three or more words, outside links, headings, labels and
   * skipped subtrees, with dates and numbers not counted. A board index row (a title link, "by", a
   * date, reply counts) has almost none; a post has its sentences. To ask of many elements of one
   * page, use a {@link Prose}, which reads each element once.
   */
  static int prose(Element root, Predicate<Element> skip) {
    return new Prose(skip).of(root);
  }

  private static final Pattern NUMBERISH = Pattern.compile("\\d[\\d:,./-]*");

  private static boolean linkLabel(TextNode t) {
    Element block = t.parent() instanceof Element p ? p : null;
    while (block != null
        && Cues.tag(block, "b", "strong", "em", "i", "span", "font", "small", "label")) {
      block = block.parent();
    }
    if (block == null || Cues.tag(block, "body", "pre")) return false;
    Optional<String> text = brief(block, 300);
    if (text.isEmpty()) return false;
    int all = text.get().length();
    if (all == 0 || all > 300) return false;
    int links = 0;
    for (Element a : block.select("a")) links += a.text().length();
    return links * 2 >= all;
  }

  /** The prose one text node adds to its element's: its length, or 0 when it is no prose. */
  static int prose(TextNode t) {
    String s = t.text().strip();
    if (s.isEmpty()) return 0;
    String rest = NUMBERISH.matcher(s).replaceAll(" ");
    Matcher words = WORD.matcher(rest);
    int n = 0;
    while (words.find()) n++;
    // A short text that holds a date is a by-line ("Posted on May 2, 2025"), not prose; the
    // label of a link list ("Previous message: <a>...</a>") is navigation.
    if (n >= 3 && (s.length() > 80 || (PostDates.text(s).isEmpty() && !linkLabel(t))))
      return s.length();
    return 0;
  }
}
