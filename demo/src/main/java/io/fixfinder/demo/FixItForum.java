package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "FixIt Forum": a Q&amp;A community. Every thread is a schema.org {@code QAPage} whose JSON-LD and
 * visible HTML say the same (question, answers with votes, the accepted one marked). Boards list
 * threads with pagination; member profiles and search are off limits to crawlers.
 */
final class FixItForum {
  private static final String SITE = Urls.FIXITFORUM;
  private static final int PER_PAGE = 15;

  private record Board(String slug, String title, String blurb, List<String> types) {}

  private static final List<Board> BOARDS =
      List.of(
          new Board(
              "washing-machines",
              "Washing machines & dryers",
              "Won't drain, won't spin, error codes, door locks, leaks.",
              List.of("washing-machine", "tumble-dryer")),
          new Board(
              "dishwashers",
              "Dishwashers",
              "Not draining, not cleaning, water in the base.",
              List.of("dishwasher")),
          new Board(
              "coffee-machines",
              "Coffee machines",
              "Espresso and bean-to-cup: no coffee, descaling, leaks, grinders.",
              List.of("coffee-machine")),
          new Board(
              "laptops",
              "Laptops & computers",
              "No power, charging, heat, keyboards and screens.",
              List.of("laptop")),
          new Board(
              "phones",
              "Phones & tablets",
              "Charging ports, screens, batteries, boot loops.",
              List.of("smartphone")));

  private static final List<String> ADS =
      List.of(
          "Sponsored: SpareParts24 – genuine drain pumps, door locks and seals from 9.99 €. Next-day delivery.",
          "Advertisement: Need it fixed today? Book a local engineer with QuickFix Pros.",
          "Sponsored: The Repair Café near you – free help every Saturday.",
          "Advertisement: iFixIt-style precision screwdriver set, 64 bits, 19.95 €.");

  private FixItForum() {}

  static SiteFiles build(Plan plan) {
    SiteFiles site = new SiteFiles(SITE, "forum", "FixIt Forum");
    site.disallow("/members/");
    site.disallow("/search");
    site.disallow("/post/");
    List<ForumThread> threads = plan.fixitThreads();
    Set<String> members = new LinkedHashSet<>();
    for (ForumThread t : threads) {
      site.page(t.path(), thread(t, threads), t.question().at().toLocalDate(), true);
      members.add(t.question().author());
      t.replies().forEach(r -> members.add(r.author()));
    }
    for (Board board : BOARDS) {
      List<ForumThread> on = sortedByActivity(onBoard(threads, board));
      int pages = Math.max(1, (on.size() + PER_PAGE - 1) / PER_PAGE);
      for (int p = 1; p <= pages; p++) {
        List<ForumThread> slice = on.subList((p - 1) * PER_PAGE, Math.min(on.size(), p * PER_PAGE));
        site.page(
            boardPath(board, p), boardPage(board, slice, p, pages), lastActivity(slice), false);
      }
    }
    site.page("/", home(threads), Clock.EDITION, false);
    site.page("/latest.html", latest(threads), Clock.EDITION, false);
    site.page(
        "/about.html",
        simple(
            "About FixIt Forum",
            "FixIt Forum is a volunteer-run community where people help each other repair household appliances, computers and phones instead of throwing them away. Moderators are experienced repairers; nobody here is paid by a manufacturer."),
        LocalDate.of(2023, 1, 2),
        false);
    site.page(
        "/rules.html",
        simple(
            "Forum rules",
            "Be kind. Always put safety first: unplug before you open anything, and say so in your answers. Include the brand and model number in your title. Mark the answer that fixed it as accepted so others can find it."),
        LocalDate.of(2023, 1, 2),
        false);
    for (String member : members) {
      site.page(memberPath(member), member(member, threads), Clock.EDITION, false, null);
    }
    site.page("/static/fixit.css", CSS, LocalDate.of(2023, 1, 2), false, null);
    return site;
  }

  static String memberPath(String member) {
    return "/members/" + Text.slug(member) + ".html";
  }

  private static String boardPath(Board board, int page) {
    return "/board/" + board.slug() + "/" + (page > 1 ? "page-" + page + ".html" : "");
  }

  private static List<ForumThread> onBoard(List<ForumThread> threads, Board board) {
    return threads.stream().filter(t -> board.types().contains(t.issue().type().id())).toList();
  }

  private static Board boardOf(ForumThread t) {
    return BOARDS.stream()
        .filter(b -> b.types().contains(t.issue().type().id()))
        .findFirst()
        .orElseThrow();
  }

  private static LocalDateTime lastPost(ForumThread t) {
    return t.replies().isEmpty() ? t.question().at() : t.replies().getLast().at();
  }

  private static List<ForumThread> sortedByActivity(List<ForumThread> threads) {
    List<ForumThread> sorted = new ArrayList<>(threads);
    sorted.sort(
        Comparator.comparing(FixItForum::lastPost).reversed().thenComparing(ForumThread::id));
    return sorted;
  }

  private static LocalDate lastActivity(List<ForumThread> threads) {
    return threads.stream()
        .map(t -> lastPost(t).toLocalDate())
        .max(Comparator.naturalOrder())
        .orElse(Clock.EDITION);
  }

  // ---- thread page -------------------------------------------------------------------------

  private static String thread(ForumThread t, List<ForumThread> all) {
    Post q = t.question();
    List<Post> answers = new ArrayList<>(t.replies().stream().filter(p -> !p.comment()).toList());
    // Comments hang under the accepted answer, else under the answer before them.
    Map<Post, List<Post>> comments = new LinkedHashMap<>();
    Post anchor = null;
    for (Post p : t.replies()) {
      if (!p.comment()) anchor = p;
      else {
        Post target = answers.stream().filter(Post::accepted).findFirst().orElse(anchor);
        comments.computeIfAbsent(target, k -> new ArrayList<>()).add(p);
      }
    }
    answers.sort(
        Comparator.comparing((Post p) -> !p.accepted())
            .thenComparing(Comparator.comparingInt(Post::votes).reversed()));
    String canonical = Urls.on(SITE, t.path());

    ObjectNode question = JsonLd.item("Question");
    question.put("name", t.title());
    question.put("text", q.text());
    question.put("answerCount", answers.size());
    question.put("upvoteCount", q.votes());
    question.put("dateCreated", Clock.iso(q.at()));
    question.set("author", author(q.author()));
    ArrayNode suggested = JsonLd.array();
    int n = 0;
    for (Post a : answers) {
      n++;
      ObjectNode answer = JsonLd.item("Answer");
      answer.put("text", a.text());
      answer.put("upvoteCount", a.votes());
      answer.put("dateCreated", Clock.iso(a.at()));
      answer.set("author", author(a.author()));
      answer.put("url", canonical + "#answer-" + n);
      List<Post> under = comments.getOrDefault(a, List.of());
      if (!under.isEmpty()) {
        ArrayNode c = answer.putArray("comment");
        for (Post p : under) {
          ObjectNode comment = JsonLd.item("Comment");
          comment.put("text", p.text());
          comment.put("dateCreated", Clock.iso(p.at()));
          comment.set("author", author(p.author()));
          c.add(comment);
        }
      }
      if (a.accepted()) question.set("acceptedAnswer", answer);
      else suggested.add(answer);
    }
    if (!suggested.isEmpty()) question.set("suggestedAnswer", suggested);
    ObjectNode page = JsonLd.root("QAPage");
    page.set("mainEntity", question);

    Board board = boardOf(t);
    Dice dice = new Dice("fixit-page/" + t.id());
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            t.title() + " – FixIt Forum",
            q.text(),
            canonical,
            q.at().toLocalDate().toString(),
            "/static/fixit.css",
            JsonLd.script(page)));
    b.append("<body class=\"thread-page\">\n");
    header(b);
    b.append("<div class=\"breadcrumbs\">")
        .append(Html.link("/", "FixIt Forum"))
        .append(" › ")
        .append(Html.link(boardPath(board, 1), board.title()))
        .append(" › <span>")
        .append(Text.esc(t.issue().brand().name()))
        .append("</span></div>\n");
    b.append("<div class=\"layout\">\n<main id=\"content\">\n");
    b.append("<article class=\"question\" id=\"question\">\n");
    b.append("<h1>").append(Text.esc(t.title())).append("</h1>\n");
    b.append("<div class=\"q-meta\">Asked by ")
        .append(Html.link(memberPath(q.author()), q.author()))
        .append(" · <time datetime=\"")
        .append(Clock.iso(q.at()))
        .append("\">")
        .append(q.at().format(Clock.HUMAN))
        .append("</time> · ")
        .append(String.format(Locale.ROOT, "%,d", t.views()))
        .append(" views</div>\n");
    b.append("<div class=\"vote-count\" title=\"votes\">▲ ").append(q.votes()).append("</div>\n");
    b.append("<div class=\"question-text\">\n").append(Html.blocks(q.text())).append("</div>\n");
    b.append("<div class=\"tags\">");
    for (String tag :
        List.of(
            Text.slug(t.issue().brand().name()),
            Text.slug(t.issue().model().model()),
            Text.slug(t.issue().type().label()))) {
      b.append("<span class=\"tag\">").append(tag).append("</span> ");
    }
    if (t.issue().hasCode()) {
      b.append("<span class=\"tag\">").append(Text.slug(t.issue().code())).append("</span>");
    }
    b.append("</div>\n</article>\n");
    if (t.solved()) {
      b.append("<div class=\"status solved\">✔ This question has an accepted answer</div>\n");
    }
    b.append("<section class=\"answers\">\n<h2>")
        .append(answers.size())
        .append(answers.size() == 1 ? " answer" : " answers")
        .append("</h2>\n");
    n = 0;
    for (Post a : answers) {
      n++;
      b.append("<div class=\"answer")
          .append(a.accepted() ? " accepted" : "")
          .append("\" id=\"answer-")
          .append(n)
          .append("\">\n");
      b.append("<div class=\"vote-count\">")
          .append(a.votes())
          .append(a.votes() == 1 ? " vote" : " votes")
          .append("</div>\n");
      if (a.accepted()) b.append("<div class=\"accepted-badge\">✔ Accepted answer</div>\n");
      b.append("<div class=\"answer-body\">\n").append(Html.blocks(a.text())).append("</div>\n");
      b.append("<div class=\"answer-meta\">answered by ")
          .append(Html.link(memberPath(a.author()), a.author()));
      if (!a.role().equals("Member"))
        b.append(" <span class=\"role\">").append(Text.esc(a.role())).append("</span>");
      b.append(" · <time datetime=\"")
          .append(Clock.iso(a.at()))
          .append("\">")
          .append(a.at().format(Clock.HUMAN_TIME))
          .append("</time></div>\n");
      if (!a.signature().isEmpty()) {
        b.append("<div class=\"signature\">").append(Text.esc(a.signature())).append("</div>\n");
      }
      List<Post> under = comments.getOrDefault(a, List.of());
      if (!under.isEmpty()) {
        b.append("<ul class=\"comment-list\">\n");
        for (Post c : under) {
          b.append("<li class=\"comment-item\"><span class=\"comment-text\">")
              .append(Html.inline(c.text().replace('\n', ' ')))
              .append("</span> – ")
              .append(Html.link(memberPath(c.author()), c.author()))
              .append(" <time datetime=\"")
              .append(Clock.iso(c.at()))
              .append("\">")
              .append(c.at().format(Clock.HUMAN))
              .append("</time></li>\n");
        }
        b.append("</ul>\n");
      }
      b.append("</div>\n");
      if (n == 1)
        b.append("<div class=\"ad\">").append(Text.esc(dice.pick(ADS))).append("</div>\n");
    }
    b.append("</section>\n");
    b.append("<p class=\"reply-box\">Know the fix? ")
        .append(Html.link("/post/reply?t=" + t.id(), "Post an answer"))
        .append(" (log in required)</p>\n");
    b.append("</main>\n");
    sidebar(b, t, all, dice);
    b.append("</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static ObjectNode author(String name) {
    ObjectNode p = JsonLd.person(name);
    p.put("url", Urls.on(SITE, memberPath(name)));
    return p;
  }

  private static void sidebar(StringBuilder b, ForumThread t, List<ForumThread> all, Dice dice) {
    b.append("<aside class=\"sidebar\">\n");
    b.append("<div class=\"related-threads\">\n<h3>Related threads</h3>\n<ul>\n");
    List<ForumThread> sameType =
        all.stream()
            .filter(o -> o != t && o.issue().type().id().equals(t.issue().type().id()))
            .toList();
    for (ForumThread o : dice.sample(sameType, 5)) {
      b.append("<li>").append(Html.link(o.path(), o.title())).append("</li>\n");
    }
    b.append("</ul>\n</div>\n");
    b.append("<div class=\"manual-box\">\n<h3>Manual</h3>\n<p>")
        .append(
            Html.link(
                Urls.on(Urls.MANUALS, Urls.manualDir(t.issue().brand(), t.issue().model())),
                t.issue().product() + " manual on ManualVault"))
        .append("</p>\n</div>\n");
    b.append("<div class=\"ad\">").append(Text.esc(dice.pick(ADS))).append("</div>\n");
    b.append("</aside>\n");
  }

  // ---- listings ----------------------------------------------------------------------------

  private static String boardPage(Board board, List<ForumThread> threads, int page, int pages) {
    StringBuilder b = new StringBuilder();
    String title = board.title() + (page > 1 ? " – page " + page : "") + " – FixIt Forum";
    b.append(
        Html.head(
            title,
            board.blurb(),
            Urls.on(SITE, boardPath(board, page)),
            "",
            "/static/fixit.css",
            ""));
    b.append("<body class=\"board-page\">\n");
    header(b);
    b.append("<div class=\"breadcrumbs\">")
        .append(Html.link("/", "FixIt Forum"))
        .append(" › <span>")
        .append(Text.esc(board.title()))
        .append("</span></div>\n");
    b.append("<div class=\"layout\">\n<main id=\"content\">\n<h1>")
        .append(Text.esc(board.title()))
        .append("</h1>\n<p class=\"blurb\">")
        .append(Text.esc(board.blurb()))
        .append("</p>\n");
    threadTable(b, threads);
    pagination(b, board, page, pages);
    b.append("</main>\n</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void threadTable(StringBuilder b, List<ForumThread> threads) {
    b.append(
        "<table class=\"thread-list\">\n<tr><th>Topic</th><th>Answers</th><th>Views</th><th>Last post</th></tr>\n");
    for (ForumThread t : threads) {
      b.append("<tr><td>")
          .append(t.solved() ? "<span class=\"badge-solved\">✔</span> " : "")
          .append(Html.link(t.path(), t.title()))
          .append("<br><small>by ")
          .append(Text.esc(t.question().author()))
          .append("</small></td><td>")
          .append(t.replies().stream().filter(p -> !p.comment()).count())
          .append("</td><td>")
          .append(t.views())
          .append("</td><td>")
          .append(lastPost(t).format(Clock.HUMAN))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void pagination(StringBuilder b, Board board, int page, int pages) {
    if (pages == 1) return;
    b.append("<nav class=\"pagination\">");
    if (page > 1) b.append(Html.link(boardPath(board, page - 1), "« Prev")).append(' ');
    for (int p = 1; p <= pages; p++) {
      if (p == page) b.append("<strong>").append(p).append("</strong> ");
      else b.append(Html.link(boardPath(board, p), Integer.toString(p))).append(' ');
    }
    if (page < pages) b.append(Html.link(boardPath(board, page + 1), "Next »"));
    b.append("</nav>\n");
  }

  private static String home(List<ForumThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            "FixIt Forum – community repair help",
            "Ask the community how to fix your washing machine, dishwasher, coffee machine, laptop or phone.",
            Urls.on(SITE, "/"),
            "",
            "/static/fixit.css",
            ""));
    b.append("<body class=\"home\">\n");
    header(b);
    b.append("<div class=\"layout\">\n<main id=\"content\">\n<h1>FixIt Forum</h1>\n");
    b.append(
        "<p class=\"blurb\">Don't bin it – fix it. Ask a question, or search the answers of people who had the same fault.</p>\n");
    b.append(
        "<form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\" placeholder=\"e.g. wm8420x e18\"><button>Search</button></form>\n");
    b.append("<table class=\"boards\">\n<tr><th>Board</th><th>Threads</th></tr>\n");
    for (Board board : BOARDS) {
      b.append("<tr><td>")
          .append(Html.link(boardPath(board, 1), board.title()))
          .append("<br><small>")
          .append(Text.esc(board.blurb()))
          .append("</small></td><td>")
          .append(onBoard(threads, board).size())
          .append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Latest questions</h2>\n");
    threadTable(b, sortedByActivity(threads).subList(0, Math.min(10, threads.size())));
    b.append("<p>").append(Html.link("/latest.html", "All recent activity »")).append("</p>\n");
    b.append("</main>\n</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static String latest(List<ForumThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        Html.head(
            "Latest – FixIt Forum",
            "",
            Urls.on(SITE, "/latest.html"),
            "",
            "/static/fixit.css",
            ""));
    b.append("<body class=\"latest\">\n");
    header(b);
    b.append("<div class=\"layout\">\n<main id=\"content\">\n<h1>Latest activity</h1>\n");
    threadTable(b, sortedByActivity(threads).subList(0, Math.min(30, threads.size())));
    b.append("</main>\n</div>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static String member(String name, List<ForumThread> threads) {
    long asked = threads.stream().filter(t -> t.question().author().equals(name)).count();
    long answered =
        threads.stream()
            .filter(t -> t.replies().stream().anyMatch(p -> p.author().equals(name)))
            .count();
    return simple(
        name + " – member profile",
        name
            + " has asked "
            + asked
            + " and answered in "
            + answered
            + " threads. Profiles are visible to logged-in members only.");
  }

  private static String simple(String title, String text) {
    StringBuilder b = new StringBuilder();
    b.append(Html.head(title + " – FixIt Forum", text, "", "", "/static/fixit.css", ""));
    b.append("<body>\n");
    header(b);
    b.append("<main id=\"content\">\n<h1>")
        .append(Text.esc(title))
        .append("</h1>\n<p>")
        .append(Text.esc(text))
        .append("</p>\n</main>\n");
    footer(b);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b) {
    b.append(
        "<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">FixIt<span>Forum</span></a>\n");
    b.append("<nav class=\"main-nav\">")
        .append(Html.link("/", "Boards"))
        .append(" ")
        .append(Html.link("/latest.html", "Latest"))
        .append(" ")
        .append(Html.link("/search?q=", "Search"))
        .append(" ")
        .append(Html.link("/members/", "Members"))
        .append(" ")
        .append(Html.link("/rules.html", "Rules"))
        .append("</nav>\n</header>\n");
  }

  private static void footer(StringBuilder b) {
    b.append("<footer class=\"site-footer\">\n<p>© 2023–2026 FixIt Forum · run by volunteers · ")
        .append(Html.link("/about.html", "About"))
        .append(" · ")
        .append(Html.link("/rules.html", "Forum rules"))
        .append(" · Partner sites: ")
        .append(Html.link(Urls.on(Urls.MANUALS, "/"), "ManualVault"))
        .append(", ")
        .append(Html.link(Urls.on(Urls.REPAIRTALK, "/"), "RepairTalk"))
        .append(
            "</p>\n<p class=\"cookie-note\">We use one cookie to keep you logged in. That's it.</p>\n</footer>\n");
  }

  private static final String CSS =
      """
      body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
      .site-header{background:#1d4e89;color:#fff;padding:.6em 1em;display:flex;gap:2em}
      .site-header a{color:#fff}.logo span{font-weight:700}
      .layout{display:flex;gap:1.5em;max-width:1100px;margin:1em auto}
      main{flex:3;background:#fff;padding:1em 1.5em}.sidebar{flex:1}
      .answer{border-top:1px solid #ddd;padding:1em 0}.answer.accepted{background:#eefbea}
      .accepted-badge,.badge-solved{color:#1a7f37;font-weight:700}
      .vote-count{float:left;margin-right:1em;color:#666}
      .ad{background:#fff8dc;border:1px dashed #caa;padding:.5em;margin:1em 0;font-size:.9em}
      .site-footer{text-align:center;color:#777;font-size:.85em;padding:2em}
      """;
}
