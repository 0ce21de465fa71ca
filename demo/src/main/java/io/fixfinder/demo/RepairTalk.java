package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.demo.ForumThread.Style;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "RepairTalk": an old-school forum. Most threads are plain HTML – posts in {@code div.post} with
 * {@code .post-body}, {@code .votes} and a "✔ Solution" marker on the accepted one – so an
 * extractor must read the page itself; some carry {@code DiscussionForumPosting} JSON-LD. Many
 * threads end without a fix.
 */
final class RepairTalk {
  private static final String SITE = Urls.REPAIRTALK;
  private static final int PER_PAGE = 12;

  private record Forum(String slug, String title, String blurb, List<String> types) {}

  private static final List<Forum> FORUMS =
      List.of(
          new Forum(
              "laundry",
              "Laundry & dishwashers",
              "Washers, dryers and dishwashers – all makes.",
              List.of("washing-machine", "tumble-dryer", "dishwasher")),
          new Forum(
              "coffee",
              "Coffee & kitchen",
              "Espresso machines, bean-to-cup, grinders.",
              List.of("coffee-machine")),
          new Forum(
              "computers",
              "Laptops & PCs",
              "Board repair, batteries, keyboards, screens.",
              List.of("laptop")),
          new Forum(
              "phones", "Phones", "Smartphone hardware and software.", List.of("smartphone")));

  private static final List<String> ADS =
      List.of(
          "Ad · PartsWorld – washing machine pumps, seals & belts. Free delivery over 30 €.",
          "Ad · Multimeter deals of the week – from 14.99 €",
          "Ad · Sell your broken phone for cash – instant quote",
          "Ad · Extended warranty for your appliances from 2.99 €/month");

  private RepairTalk() {}

  static SiteFiles build(Plan plan) {
    SiteFiles site = new SiteFiles(SITE, "forum", "RepairTalk", SiteFiles.Naming.APPLICATION_NAME);
    site.disallow("/login");
    site.disallow("/profile/");
    List<ForumThread> threads = plan.repairtalkThreads();
    for (ForumThread t : threads) {
      site.page(t.path(), thread(t, threads), t.question().at().toLocalDate(), true);
    }
    for (Forum forum : FORUMS) {
      List<ForumThread> in = sorted(inForum(threads, forum));
      int pages = Math.max(1, (in.size() + PER_PAGE - 1) / PER_PAGE);
      for (int p = 1; p <= pages; p++) {
        List<ForumThread> slice = in.subList((p - 1) * PER_PAGE, Math.min(in.size(), p * PER_PAGE));
        site.page(forumPath(forum, p), forumPage(forum, slice, p, pages), newest(slice), false);
      }
    }
    site.page("/", home(threads), Clock.EDITION, false);
    site.page("/new-posts.html", newPosts(threads), Clock.EDITION, false);
    site.page("/static/rt.css", CSS, LocalDate.of(2019, 5, 1), false, null);
    return site;
  }

  private static String forumPath(Forum forum, int page) {
    return "/forum/" + forum.slug() + "/" + (page > 1 ? "page-" + page + ".html" : "");
  }

  private static List<ForumThread> inForum(List<ForumThread> threads, Forum forum) {
    return threads.stream().filter(t -> forum.types().contains(t.issue().type().id())).toList();
  }

  private static Forum forumOf(ForumThread t) {
    return FORUMS.stream()
        .filter(f -> f.types().contains(t.issue().type().id()))
        .findFirst()
        .orElseThrow();
  }

  private static LocalDateTime last(ForumThread t) {
    return t.replies().isEmpty() ? t.question().at() : t.replies().getLast().at();
  }

  private static List<ForumThread> sorted(List<ForumThread> threads) {
    List<ForumThread> s = new ArrayList<>(threads);
    s.sort(Comparator.comparing(RepairTalk::last).reversed().thenComparing(ForumThread::id));
    return s;
  }

  private static LocalDate newest(List<ForumThread> threads) {
    return threads.stream()
        .map(t -> last(t).toLocalDate())
        .max(Comparator.naturalOrder())
        .orElse(Clock.EDITION);
  }

  private static String profile(String author) {
    return "/profile/" + Text.slug(author);
  }

  // ---- thread page -------------------------------------------------------------------------

  private static String thread(ForumThread t, List<ForumThread> all) {
    Dice dice = new Dice("repairtalk-page/" + t.id());
    String canonical = Urls.on(SITE, t.path());
    String jsonLd = t.style() == Style.POSTING ? JsonLd.script(posting(t, canonical)) : "";
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            t.title() + " | RepairTalk",
            t.question().text(),
            canonical,
            t.question().at().toLocalDate().toString(),
            "/static/rt.css",
            jsonLd));
    b.append("<body>\n");
    header(b);
    Forum forum = forumOf(t);
    b.append("<div class=\"breadcrumb\">")
        .append(Html.link("/", "RepairTalk"))
        .append(" » ")
        .append(Html.link(forumPath(forum, 1), forum.title()))
        .append(" » ")
        .append(Text.esc(Text.shorten(t.title(), 50)))
        .append("</div>\n");
    b.append("<div id=\"main\">\n<h1 class=\"thread-title\">")
        .append(Text.esc(t.title()))
        .append("</h1>\n");
    b.append("<div class=\"thread-info\">")
        .append(t.replies().size())
        .append(" replies · ")
        .append(String.format(Locale.ROOT, "%,d", t.views()))
        .append(" views")
        .append(t.solved() ? " · <b>[SOLVED]</b>" : "")
        .append("</div>\n");
    post(b, t.question(), t.id() * 10, true);
    int n = 0;
    for (Post p : t.replies()) {
      n++;
      post(b, p, t.id() * 10 + n, false);
      if (n == 2)
        b.append("<div class=\"ad\">").append(Text.esc(dice.pick(ADS))).append("</div>\n");
    }
    b.append("<div class=\"thread-tools\">")
        .append(Html.link("/login", "Log in to reply"))
        .append("</div>\n</div>\n");
    b.append("<div id=\"sidebar\">\n<h3>Similar threads</h3>\n<ul>\n");
    List<ForumThread> same =
        all.stream()
            .filter(o -> o != t && o.issue().type().id().equals(t.issue().type().id()))
            .toList();
    for (ForumThread o : dice.sample(same, 4)) {
      b.append("<li>").append(Html.link(o.path(), o.title())).append("</li>\n");
    }
    b.append("</ul>\n<div class=\"ad\">")
        .append(Text.esc(dice.pick(ADS)))
        .append("</div>\n</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  /** One post; only the accepted one carries a solution class and the "✔ Solution" marker. */
  private static void post(StringBuilder b, Post p, int id, boolean first) {
    b.append("<div class=\"post")
        .append(p.accepted() ? " accepted" : "")
        .append("\" id=\"post")
        .append(id)
        .append("\">\n");
    b.append("<div class=\"post-author\">")
        .append(Html.link(profile(p.author()), p.author()))
        .append(" <span class=\"rank\">")
        .append(Text.esc(p.role()))
        .append("</span></div>\n");
    b.append("<div class=\"post-date\"><time datetime=\"")
        .append(Clock.iso(p.at()))
        .append("\">")
        .append(p.at().format(Clock.HUMAN_TIME))
        .append("</time>")
        .append(first ? " · original post" : "")
        .append("</div>\n");
    if (p.accepted()) b.append("<div class=\"solution-mark\">✔ Solution</div>\n");
    b.append("<div class=\"post-body\">\n").append(Html.blocks(p.text())).append("</div>\n");
    if (!p.signature().isEmpty()) {
      b.append("<div class=\"signature\">").append(Text.esc(p.signature())).append("</div>\n");
    }
    b.append("<div class=\"votes\">")
        .append(p.votes())
        .append(p.votes() == 1 ? " vote" : " votes")
        .append("</div>\n");
    b.append("</div>\n");
  }

  private static ObjectNode posting(ForumThread t, String canonical) {
    ObjectNode n = JsonLd.root("DiscussionForumPosting");
    n.put("headline", t.title());
    n.put("text", t.question().text());
    n.put("url", canonical);
    n.put("datePublished", Clock.iso(t.question().at()));
    n.set("author", JsonLd.person(t.question().author()));
    n.set("interactionStatistic", likes(t.question().votes()));
    ArrayNode comments = n.putArray("comment");
    for (Post p : t.replies()) {
      ObjectNode c = JsonLd.item("Comment");
      c.put("text", p.text());
      c.put("datePublished", Clock.iso(p.at()));
      c.set("author", JsonLd.person(p.author()));
      c.put("upvoteCount", p.votes());
      c.set("interactionStatistic", likes(p.votes()));
      comments.add(c);
    }
    return n;
  }

  private static ObjectNode likes(int count) {
    ObjectNode s = JsonLd.item("InteractionCounter");
    s.put("interactionType", "https://schema.org/LikeAction");
    s.put("userInteractionCount", count);
    return s;
  }

  // ---- listings ----------------------------------------------------------------------------

  private static String forumPage(Forum forum, List<ForumThread> threads, int page, int pages) {
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            forum.title() + (page > 1 ? " (page " + page + ")" : "") + " | RepairTalk",
            forum.blurb(),
            Urls.on(SITE, forumPath(forum, page)),
            "",
            "/static/rt.css",
            ""));
    b.append("<body>\n");
    header(b);
    b.append("<div class=\"breadcrumb\">")
        .append(Html.link("/", "RepairTalk"))
        .append(" » ")
        .append(Text.esc(forum.title()))
        .append("</div>\n");
    b.append("<div id=\"main\">\n<h1>").append(Text.esc(forum.title())).append("</h1>\n");
    list(b, threads);
    if (pages > 1) {
      b.append("<div class=\"pagination\">Page ")
          .append(page)
          .append(" of ")
          .append(pages)
          .append(": ");
      for (int p = 1; p <= pages; p++) {
        b.append(
                p == page
                    ? "<b>" + p + "</b>"
                    : Html.link(forumPath(forum, p), Integer.toString(p)))
            .append(' ');
      }
      b.append("</div>\n");
    }
    b.append("</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void list(StringBuilder b, List<ForumThread> threads) {
    b.append(
        "<table class=\"topics\">\n<tr><th>Thread</th><th>Replies</th><th>Last post</th></tr>\n");
    for (ForumThread t : threads) {
      b.append("<tr><td>")
          .append(t.solved() ? "[SOLVED] " : "")
          .append(Html.link(t.path(), t.title()))
          .append(" <small>– ")
          .append(Text.esc(t.question().author()))
          .append("</small></td><td>")
          .append(t.replies().size())
          .append("</td><td>")
          .append(last(t).format(Clock.HUMAN))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static String home(List<ForumThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            "RepairTalk – the repair forum since 2009",
            "Discussion forum for repairing appliances, computers and phones.",
            Urls.on(SITE, "/"),
            "",
            "/static/rt.css",
            ""));
    b.append("<body>\n");
    header(b);
    b.append(
        "<div id=\"main\">\n<h1>RepairTalk forums</h1>\n<table class=\"forums\">\n<tr><th>Forum</th><th>Threads</th></tr>\n");
    for (Forum forum : FORUMS) {
      b.append("<tr><td>")
          .append(Html.link(forumPath(forum, 1), forum.title()))
          .append("<br><small>")
          .append(Text.esc(forum.blurb()))
          .append("</small></td><td>")
          .append(inForum(threads, forum).size())
          .append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Recently active</h2>\n");
    list(b, sorted(threads).subList(0, Math.min(12, threads.size())));
    b.append("<p>").append(Html.link("/new-posts.html", "More new posts")).append("</p>\n</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static String newPosts(List<ForumThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            "New posts | RepairTalk",
            "",
            Urls.on(SITE, "/new-posts.html"),
            "",
            "/static/rt.css",
            ""));
    b.append("<body>\n");
    header(b);
    b.append("<div id=\"main\">\n<h1>New posts</h1>\n");
    list(b, sorted(threads).subList(0, Math.min(40, threads.size())));
    b.append("</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b) {
    b.append(
            "<div id=\"header\">\n<div class=\"logo\">RepairTalk <small>est. 2009</small></div>\n<ul class=\"menu\">")
        .append("<li>")
        .append(Html.link("/", "Forums"))
        .append("</li>")
        .append("<li>")
        .append(Html.link("/new-posts.html", "New posts"))
        .append("</li>")
        .append("<li>")
        .append(Html.link("/login", "Log in"))
        .append("</li>")
        .append("</ul>\n</div>\n");
  }

  private static void footer(StringBuilder b) {
    b.append("<div id=\"footer\">RepairTalk © 2009–2026 · Powered by coffee and solder · Friends: ")
        .append(Html.link(Urls.on(Urls.FIXITFORUM, "/"), "FixIt Forum"))
        .append(" · ")
        .append(Html.link(Urls.on(Urls.MANUALS, "/"), "ManualVault"))
        .append("</div>\n");
  }

  private static final String CSS =
      """
      body{font:13px Verdana,sans-serif;background:#e9ecef;margin:0}
      #header{background:#333;color:#eee;padding:8px 16px}#header .menu{display:inline;list-style:none}
      #header .menu li{display:inline;margin-left:12px}#header a{color:#ffd}
      #main{float:left;width:72%;margin:10px;background:#fff;padding:10px}#sidebar{float:right;width:22%;margin:10px}
      .post{border:1px solid #ccc;margin:8px 0;padding:8px}.post.accepted{border-color:#2a2}
      .solution-mark{color:#2a2;font-weight:bold}.votes{color:#888;text-align:right}
      .ad{background:#ffe;border:1px solid #eed;padding:6px;margin:8px 0}
      #footer{clear:both;text-align:center;padding:16px;color:#666}
      """;
}
