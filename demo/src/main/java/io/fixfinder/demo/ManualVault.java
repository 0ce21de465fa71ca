package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Guide;
import io.fixfinder.demo.Catalogue.ManualText;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.ProductType;
import io.fixfinder.demo.Catalogue.Row;
import io.fixfinder.demo.Catalogue.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * "ManualVault": a manual library. Each model has an HTML manual in sections (overview,
 * installation, operation, care, troubleshooting with a Problem / Possible cause / What to do
 * table); some pages carry {@code TechArticle} JSON-LD, the guides {@code HowTo}. Models with a
 * printed manual also get a PDF. An editors' area is linked but disallowed in robots.txt.
 */
final class ManualVault {
  private static final String SITE = Urls.MANUALS;
  private static final String CSS = "/static/vault.css";

  private record Section(String file, String title) {}

  private static final List<Section> SECTIONS =
      List.of(
          new Section("installation", "Installation"),
          new Section("operation", "Operation"),
          new Section("care", "Care & cleaning"),
          new Section("troubleshooting", "Troubleshooting"));

  private final Plan plan;
  private final Catalogue catalogue;
  private final SiteFiles site =
      new SiteFiles(SITE, "manual", "ManualVault", SiteFiles.Naming.SCHEMA_ORG);

  private ManualVault(Plan plan) {
    this.plan = plan;
    this.catalogue = plan.catalogue();
  }

  static SiteFiles build(Plan plan) {
    return new ManualVault(plan).write();
  }

  private SiteFiles write() {
    site.useSitemapIndex();
    site.disallow("/internal/");
    site.disallow("/search");
    int index = 0;
    for (Brand brand : catalogue.brands()) {
      for (Model model : brand.models()) {
        manual(brand, model, index++);
      }
      site.page("/brands/" + brand.slug() + "/", brandPage(brand), Clock.EDITION, false, "guides");
    }
    for (Guide guide : catalogue.guides()) {
      site.page(
          Urls.guide(guide.slug()),
          guide(guide),
          LocalDate.of(2024, 4, 2).plusDays(guide.slug().length() * 9L),
          true,
          "guides");
    }
    site.page("/guides/", guideIndex(), Clock.EDITION, false, "guides");
    site.page("/", home(), Clock.EDITION, false, "guides");
    site.page("/internal/", drafts(), Clock.EDITION, false, null);
    site.page(
        "/internal/drafts/wm-8420x-service-notes.html",
        page(
            "Service notes WM-8420X (draft)",
            "",
            "<h1>Service notes WM-8420X – DRAFT, do not publish</h1>\n<p>Internal: drain pump part no. AQ-55021, interlock AQ-31007. Test mode: hold Temp + Spin for 5 s while switching on.</p>\n",
            "",
            List.of(),
            "",
            ""),
        LocalDate.of(2025, 11, 3),
        false,
        null);
    site.file(
        "/static/vault.css",
        STYLE.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        LocalDate.of(2023, 1, 2),
        false,
        null);
    return site;
  }

  // ---- one model's manual ------------------------------------------------------------------

  private void manual(Brand brand, Model model, int index) {
    ProductType type = catalogue.type(model.type());
    ManualText text = catalogue.manuals().get(model.type());
    // ManualVault went online in 2023: older models' manuals were added then, newer ones on
    // release.
    LocalDate released = LocalDate.parse(model.released()).plusDays(21);
    LocalDate launch = LocalDate.of(2023, 1, 16).plusDays(index * 3L);
    LocalDate published = released.isAfter(launch) ? released : launch;
    List<Issue> issues = plan.issuesOf(model);
    List<Row> rows = new ArrayList<>();
    for (Issue i : issues)
      rows.add(new Row(i.problemCell(), i.fault().row().cause(), i.fault().row().remedy()));
    rows.addAll(text.rows());

    site.page(
        Urls.manualDir(brand, model),
        overview(brand, model, type, text, issues, published),
        published,
        true,
        "manuals");
    for (Section s : SECTIONS) {
      String html =
          s.file().equals("troubleshooting")
              ? troubleshooting(brand, model, type, rows, issues, published, index % 2 == 0)
              : section(brand, model, s, fill(sectionText(text, s), brand, model, type));
      site.page(
          Urls.manualPage(brand, model, s.file()),
          html,
          published.plusDays(s.file().length()),
          true,
          "manuals");
    }
    if (model.pdf()) {
      LocalDate edition = LocalDate.parse(model.released()).minusMonths(2).withDayOfMonth(1);
      byte[] pdf = PdfManual.write(brand, model, type.label(), text, rows, edition);
      site.file(Urls.pdf(brand, model), pdf, edition, true, "pdf");
    }
  }

  private String overview(
      Brand brand,
      Model model,
      ProductType type,
      ManualText text,
      List<Issue> issues,
      LocalDate published) {
    String title = brand.name() + " " + model.model() + " manual";
    StringBuilder main = new StringBuilder();
    main.append("<h1>").append(Text.esc(title)).append("</h1>\n");
    main.append("<p class=\"lead\">")
        .append(Text.esc(model.title()))
        .append(" – user manual, ")
        .append(Text.esc(type.label()))
        .append(".</p>\n");
    main.append("<p>").append(Text.esc(fill(text.intro(), brand, model, type))).append("</p>\n");
    main.append("<h2>Contents</h2>\n<ol class=\"contents\">\n");
    for (Section s : SECTIONS) {
      main.append("<li>").append(Html.link(s.file() + ".html", s.title())).append("</li>\n");
    }
    main.append("</ol>\n");
    if (model.pdf()) {
      main.append("<p class=\"download\">Printed manual: ")
          .append(
              Html.link(
                  Urls.pdf(brand, model),
                  brand.name() + " " + model.model() + " user manual (PDF)"))
          .append("</p>\n");
    }
    main.append("<h2>Safety</h2>\n").append(Html.blocks(String.join("\n", text.safety())));
    main.append("<h2>Technical data</h2>\n<table class=\"specs\">\n");
    for (List<String> spec : model.specs()) {
      main.append("<tr><th>")
          .append(Text.esc(spec.getFirst()))
          .append("</th><td>")
          .append(Text.esc(String.join(", ", spec.subList(1, spec.size()))))
          .append("</td></tr>\n");
    }
    main.append("</table>\n<h2>Known issues covered in this manual</h2>\n<ul>\n");
    for (Issue i : issues) {
      main.append("<li>")
          .append(Html.link("troubleshooting.html", i.problemCell()))
          .append("</li>\n");
    }
    main.append("</ul>\n");
    ObjectNode article =
        techArticle(
            brand,
            model,
            title,
            "Overview",
            fill(text.intro(), brand, model, type),
            published,
            Urls.manualDir(brand, model));
    return page(
        title + " | ManualVault",
        fill(text.intro(), brand, model, type),
        main.toString(),
        Urls.on(SITE, Urls.manualDir(brand, model)),
        List.of(JsonLd.script(article)),
        crumbs(brand, model, null),
        toc(brand, model));
  }

  private static List<String> sectionText(ManualText text, Section s) {
    return switch (s.file()) {
      case "installation" -> text.installation();
      case "operation" -> text.operation();
      case "care" -> text.care();
      default -> throw new IllegalArgumentException("no plain section " + s.file());
    };
  }

  private String section(Brand brand, Model model, Section s, List<String> paragraphs) {
    String title = brand.name() + " " + model.model() + " – " + s.title();
    StringBuilder main = new StringBuilder();
    main.append("<h1>").append(Text.esc(title)).append("</h1>\n");
    main.append(Html.blocks(String.join("\n", paragraphs)));
    if (s.file().equals("care")) {
      for (Guide g : catalogue.guides()) {
        if (g.models().contains(model.model())) {
          main.append("<p class=\"see-also\">Step-by-step guide: ")
              .append(Html.link(Urls.guide(g.slug()), g.name()))
              .append("</p>\n");
        }
      }
    }
    main.append("<p class=\"page-nav\">")
        .append(Html.link("./", "« Manual overview"))
        .append("</p>\n");
    return page(
        title + " | ManualVault",
        String.join(" ", paragraphs),
        main.toString(),
        Urls.on(SITE, Urls.manualPage(brand, model, s.file())),
        List.of(),
        crumbs(brand, model, s.title()),
        toc(brand, model));
  }

  private String troubleshooting(
      Brand brand,
      Model model,
      ProductType type,
      List<Row> rows,
      List<Issue> issues,
      LocalDate published,
      boolean structured) {
    String title = brand.name() + " " + model.model() + " – Troubleshooting";
    String intro =
        "Before you call service, check the table below. Error codes are shown on the display; find the code in the Problem column. Always switch off and unplug the "
            + type.label()
            + " before any check.";
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(title))
        .append("</h1>\n<p>")
        .append(Text.esc(intro))
        .append("</p>\n");
    main.append(
        "<table class=\"troubleshooting\">\n<thead>\n<tr><th>Problem</th><th>Possible cause</th><th>What to do</th></tr>\n</thead>\n<tbody>\n");
    StringBuilder body = new StringBuilder(intro).append('\n');
    for (Row r : rows) {
      main.append("<tr><td>")
          .append(problemCell(r.problem()))
          .append("</td><td>")
          .append(Text.esc(r.cause()))
          .append("</td><td>")
          .append(Text.esc(r.remedy()))
          .append("</td></tr>\n");
      body.append(r.problem())
          .append(". Possible cause: ")
          .append(r.cause())
          .append(" What to do: ")
          .append(r.remedy())
          .append('\n');
    }
    main.append("</tbody>\n</table>\n");
    List<Issue> coded = issues.stream().filter(Issue::hasCode).toList();
    if (!coded.isEmpty()) {
      main.append("<h2>Error codes</h2>\n<dl class=\"codes\">\n");
      for (Issue i : coded) {
        main.append("<dt>")
            .append(Text.esc(i.code()))
            .append("</dt><dd>")
            .append(
                Text.esc(brand.codes().getOrDefault(i.code().replace("-", ""), i.fault().label())))
            .append("</dd>\n");
      }
      main.append("</dl>\n");
    }
    if (model.pdf()) {
      main.append("<p>The same table is in the ")
          .append(Html.link(Urls.pdf(brand, model), "printed manual (PDF)"))
          .append(", section 5.</p>\n");
    }
    main.append("<div class=\"community\">\n<h2>From the community</h2>\n<ul>\n");
    for (Issue i : issues) {
      for (ForumThread t : plan.threadsAbout(i)) {
        if (t.solved()) {
          main.append("<li>")
              .append(Html.link(Urls.on(t.site(), t.path()), t.title()))
              .append("</li>\n");
        }
      }
    }
    main.append("</ul>\n</div>\n");
    main.append("<p class=\"page-nav\">")
        .append(Html.link("care.html", "« Care & cleaning"))
        .append(" · ")
        .append(Html.link("./", "Manual overview"))
        .append("</p>\n");
    List<String> ld =
        structured
            ? List.of(
                JsonLd.script(
                    techArticle(
                        brand,
                        model,
                        title,
                        "Troubleshooting",
                        body.toString(),
                        published,
                        Urls.manualPage(brand, model, "troubleshooting"))))
            : List.of();
    return page(
        title + " | ManualVault",
        intro,
        main.toString(),
        Urls.on(SITE, Urls.manualPage(brand, model, "troubleshooting")),
        ld,
        crumbs(brand, model, "Troubleshooting"),
        toc(brand, model));
  }

  /** "E18 – Water does not drain" with the code emphasised, as manuals print it. */
  private static String problemCell(String problem) {
    int dash = problem.indexOf(" – ");
    if (dash < 0 || dash > 6) return Text.esc(problem);
    return "<strong class=\"code\">"
        + Text.esc(problem.substring(0, dash))
        + "</strong>"
        + Text.esc(problem.substring(dash));
  }

  private ObjectNode techArticle(
      Brand brand,
      Model model,
      String headline,
      String section,
      String body,
      LocalDate published,
      String path) {
    ObjectNode a = JsonLd.root("TechArticle");
    a.put("headline", headline);
    a.put("description", Text.shorten(body, 200));
    a.put("articleSection", section);
    a.put("articleBody", body);
    a.put("inLanguage", "en");
    a.put("datePublished", published.toString());
    a.put(
        "dateModified",
        published.plusMonths(7).isAfter(Clock.EDITION)
            ? Clock.EDITION.toString()
            : published.plusMonths(7).toString());
    a.put("url", Urls.on(SITE, path));
    ObjectNode about = JsonLd.item("Product");
    about.put("name", model.title());
    about.set("brand", JsonLd.item("Brand").put("name", brand.name()));
    about.put("model", model.model());
    a.set("about", about);
    a.set("publisher", JsonLd.item("Organization").put("name", "ManualVault"));
    return a;
  }

  // ---- guides ------------------------------------------------------------------------------

  private String guide(Guide g) {
    ObjectNode howTo = JsonLd.root("HowTo");
    howTo.put("name", g.name());
    howTo.put("description", g.description());
    howTo.put("totalTime", g.totalTime());
    ArrayNode tools = howTo.putArray("tool");
    g.tools().forEach(t -> tools.add(JsonLd.item("HowToTool").put("name", t)));
    if (!g.supplies().isEmpty()) {
      ArrayNode supplies = howTo.putArray("supply");
      g.supplies().forEach(s -> supplies.add(JsonLd.item("HowToSupply").put("name", s)));
    }
    ArrayNode steps = howTo.putArray("step");
    int n = 0;
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(g.name()))
        .append("</h1>\n<p class=\"lead\">")
        .append(Text.esc(g.description()))
        .append("</p>\n");
    main.append("<p class=\"howto-meta\">Time: about ")
        .append(g.totalTime().replace("PT", "").replace("M", " minutes"))
        .append(" · You need: ")
        .append(Text.esc(String.join(", ", g.tools())))
        .append("</p>\n<ol class=\"steps\">\n");
    for (Step s : g.steps()) {
      n++;
      ObjectNode step = JsonLd.item("HowToStep");
      step.put("position", n);
      step.put("name", s.name());
      step.put("text", s.text());
      step.put("url", Urls.on(SITE, Urls.guide(g.slug()) + "#step-" + n));
      steps.add(step);
      main.append("<li id=\"step-")
          .append(n)
          .append("\"><h3>")
          .append(Text.esc(s.name()))
          .append("</h3>\n<p>")
          .append(Text.esc(s.text()))
          .append("</p></li>\n");
    }
    main.append("</ol>\n<h2>Applies to</h2>\n<ul>\n");
    for (String name : g.models()) {
      Model model = catalogue.model(name);
      Brand brand = catalogue.brandOf(model);
      main.append("<li>")
          .append(Html.link(Urls.manualDir(brand, model), brand.name() + " " + model.model()))
          .append("</li>\n");
    }
    main.append("</ul>\n");
    String crumbs =
        Html.link("/", "ManualVault")
            + " › "
            + Html.link("/guides/", "Guides")
            + " › "
            + Text.esc(g.name());
    return page(
        g.name() + " | ManualVault",
        g.description(),
        main.toString(),
        Urls.on(SITE, Urls.guide(g.slug())),
        List.of(JsonLd.script(howTo)),
        crumbs,
        "");
  }

  private String guideIndex() {
    StringBuilder main =
        new StringBuilder("<h1>Repair and care guides</h1>\n<ul class=\"guides\">\n");
    for (Guide g : catalogue.guides()) {
      main.append("<li>")
          .append(Html.link(Urls.guide(g.slug()), g.name()))
          .append(" – ")
          .append(Text.esc(g.description()))
          .append("</li>\n");
    }
    main.append("</ul>\n");
    return page(
        "Guides | ManualVault",
        "Step-by-step repair and care guides.",
        main.toString(),
        Urls.on(SITE, "/guides/"),
        List.of(),
        Html.link("/", "ManualVault") + " › Guides",
        "");
  }

  // ---- listings ----------------------------------------------------------------------------

  private String brandPage(Brand brand) {
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(brand.name()))
        .append(" manuals</h1>\n<p>")
        .append(Text.esc(brand.tagline()))
        .append("</p>\n<ul class=\"models\">\n");
    for (Model model : brand.models()) {
      main.append("<li>").append(Html.link(Urls.manualDir(brand, model), model.title()));
      if (model.pdf()) main.append(" · ").append(Html.link(Urls.pdf(brand, model), "PDF"));
      main.append("</li>\n");
    }
    main.append("</ul>\n<p>Manufacturer support: ")
        .append(
            Html.link(
                Urls.on(Urls.BRANDSUPPORT, "/" + brand.slug() + "/"), brand.name() + " Support"))
        .append("</p>\n");
    return page(
        brand.name() + " manuals | ManualVault",
        brand.name() + " user manuals and troubleshooting.",
        main.toString(),
        Urls.on(SITE, "/brands/" + brand.slug() + "/"),
        List.of(),
        Html.link("/", "ManualVault") + " › " + Text.esc(brand.name()),
        "");
  }

  private String home() {
    StringBuilder main =
        new StringBuilder(
            "<h1>ManualVault</h1>\n<p class=\"lead\">Free user manuals, error code tables and repair guides.</p>\n<h2>Brands</h2>\n<ul class=\"brands\">\n");
    for (Brand brand : catalogue.brands()) {
      main.append("<li>")
          .append(Html.link("/brands/" + brand.slug() + "/", brand.name()))
          .append(" (")
          .append(brand.models().size())
          .append(" manuals)</li>\n");
    }
    main.append("</ul>\n<h2>Popular guides</h2>\n<ul>\n");
    for (Guide g : catalogue.guides())
      main.append("<li>").append(Html.link(Urls.guide(g.slug()), g.name())).append("</li>\n");
    main.append("</ul>\n<p>").append(Html.link("/guides/", "All guides »")).append("</p>\n");
    return page(
        "ManualVault – user manuals and error codes",
        "Free user manuals, error code tables and repair guides.",
        main.toString(),
        Urls.on(SITE, "/"),
        List.of(),
        "",
        "");
  }

  private String drafts() {
    return page(
        "Editors' area",
        "",
        "<h1>Editors' area</h1>\n<p>Work in progress, not for publication.</p>\n<ul><li>"
            + Html.link(
                "/internal/drafts/wm-8420x-service-notes.html", "WM-8420X service notes (draft)")
            + "</li></ul>\n",
        "",
        List.of(),
        "",
        "");
  }

  // ---- chrome ------------------------------------------------------------------------------

  private String crumbs(Brand brand, Model model, String section) {
    String c =
        Html.link("/", "ManualVault")
            + " › "
            + Html.link("/brands/" + brand.slug() + "/", brand.name())
            + " › ";
    return section == null
        ? c + Text.esc(model.model())
        : c + Html.link(Urls.manualDir(brand, model), model.model()) + " › " + Text.esc(section);
  }

  private String toc(Brand brand, Model model) {
    StringBuilder b =
        new StringBuilder("<nav class=\"manual-toc\">\n<h3>")
            .append(Text.esc(model.model()))
            .append("</h3>\n<ul>\n");
    b.append("<li>").append(Html.link(Urls.manualDir(brand, model), "Overview")).append("</li>\n");
    for (Section s : SECTIONS)
      b.append("<li>")
          .append(Html.link(Urls.manualPage(brand, model, s.file()), s.title()))
          .append("</li>\n");
    if (model.pdf())
      b.append("<li>").append(Html.link(Urls.pdf(brand, model), "PDF manual")).append("</li>\n");
    b.append("</ul>\n</nav>\n");
    return b.toString();
  }

  private String page(
      String title,
      String description,
      String main,
      String canonical,
      List<String> jsonLd,
      String crumbs,
      String toc) {
    StringBuilder b = new StringBuilder();
    b.append(Html.head(title, description, canonical, "", CSS, String.join("", jsonLd)));
    b.append(
        "<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"/\">Manual<b>Vault</b></a>\n");
    b.append(
        "<form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\" placeholder=\"Model or error code\"><button>Search</button></form>\n");
    b.append("<nav class=\"menu\">")
        .append(Html.link("/", "Brands"))
        .append(" ")
        .append(Html.link("/guides/", "Guides"))
        .append(" ")
        .append(Html.link("/search?q=error+codes", "Error codes"))
        .append("</nav>\n</header>\n");
    if (!crumbs.isEmpty()) b.append("<div class=\"breadcrumb\">").append(crumbs).append("</div>\n");
    b.append("<div class=\"wrap\">\n");
    if (!toc.isEmpty())
      b.append("<aside class=\"sidebar\">\n")
          .append(toc)
          .append(
              "<div class=\"ad\">Sponsored: Genuine spare parts for all major brands – PartsWorld</div>\n</aside>\n");
    b.append("<main>\n<article class=\"manual\">\n")
        .append(main)
        .append("</article>\n</main>\n</div>\n");
    b.append(
            "<footer>\n<p>ManualVault · manuals are © their manufacturers and reproduced for reference · ")
        .append(Html.link("/guides/", "Guides"))
        .append(" · ")
        .append(Html.link("/internal/", "Editors' area"))
        .append("</p>\n</footer>\n</body>\n</html>\n");
    return b.toString();
  }

  private static String fill(String s, Brand brand, Model model, ProductType type) {
    return s.replace("{brand}", brand.name())
        .replace("{model}", model.model())
        .replace("{type}", type.label());
  }

  private static List<String> fill(List<String> list, Brand brand, Model model, ProductType type) {
    return list.stream().map(s -> fill(s, brand, model, type)).toList();
  }

  private static final String STYLE =
      """
      body{font-family:Georgia,serif;margin:0;color:#1b1b1b}
      header.top{background:#222;color:#fff;padding:.5em 1em;display:flex;gap:1em;align-items:center}
      header.top a{color:#fff}.breadcrumb{padding:.4em 1em;font-size:.85em;color:#555}
      .wrap{display:flex;max-width:1150px;margin:auto;gap:2em}.sidebar{width:220px}
      main{flex:1}table.troubleshooting{border-collapse:collapse}
      table.troubleshooting td,table.troubleshooting th{border:1px solid #999;padding:.4em;vertical-align:top}
      .ad{margin-top:2em;font-size:.8em;background:#f3f3f3;padding:.5em}
      footer{font-size:.8em;color:#666;text-align:center;padding:2em}
      """;
}
