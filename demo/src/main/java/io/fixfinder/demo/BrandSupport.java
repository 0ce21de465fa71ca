package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Fault;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.ProductType;
import io.fixfinder.demo.Voice.Register;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manufacturers' support site ("HomeTech Support", one section per brand): product pages with
 * {@code Product} JSON-LD and links to the manuals on ManualVault, FAQ pages ({@code FAQPage}) per
 * fault and product type, and error code tables. Account pages are disallowed.
 */
final class BrandSupport {
  private static final String SITE = Urls.BRANDSUPPORT;
  private static final String CSS = "/css/support.css";

  private final Plan plan;
  private final Catalogue catalogue;
  private final SiteFiles site = new SiteFiles(SITE, "product", "HomeTech Support");

  private BrandSupport(Plan plan) {
    this.plan = plan;
    this.catalogue = plan.catalogue();
  }

  static SiteFiles build(Plan plan) {
    return new BrandSupport(plan).write();
  }

  /** The issues of one brand grouped into FAQ pages: one per (product type, fault). */
  private Map<String, List<Issue>> faqGroups(Brand brand) {
    Map<String, List<Issue>> groups = new LinkedHashMap<>();
    for (Issue i : plan.issues()) {
      if (i.brand().equals(brand)) {
        groups
            .computeIfAbsent(
                Urls.supportFaq(brand, i.type().id(), i.fault().id()), k -> new ArrayList<>())
            .add(i);
      }
    }
    return groups;
  }

  private SiteFiles write() {
    site.disallow("/account/");
    for (Brand brand : catalogue.brands()) {
      Map<String, List<Issue>> faqs = faqGroups(brand);
      for (Model model : brand.models()) {
        site.page(
            Urls.supportProduct(brand, model),
            product(brand, model),
            LocalDate.parse(model.released()),
            true);
      }
      faqs.forEach(
          (path, issues) ->
              site.page(
                  path,
                  faq(brand, issues),
                  LocalDate.parse(issues.getFirst().model().released())
                      .plusDays(60 + path.length()),
                  true));
      if (!brand.codes().isEmpty()) {
        site.page(errorCodesPath(brand), errorCodes(brand), Clock.EDITION.minusDays(40), true);
      }
      site.page("/" + brand.slug() + "/", brandHome(brand, faqs), Clock.EDITION, false);
    }
    site.page("/", home(), Clock.EDITION, false);
    site.file(CSS, STYLE.getBytes(StandardCharsets.UTF_8), LocalDate.of(2023, 3, 1), false, null);
    return site;
  }

  private static String errorCodesPath(Brand brand) {
    return "/" + brand.slug() + "/error-codes.html";
  }

  private String product(Brand brand, Model model) {
    ProductType type = catalogue.type(model.type());
    String description = model.title() + " – " + brand.tagline() + ".";
    ObjectNode p = JsonLd.root("Product");
    p.put("name", model.title());
    p.set("brand", JsonLd.item("Brand").put("name", brand.name()));
    p.put("model", model.model());
    p.put("mpn", model.model());
    p.put(
        "sku",
        brand.slug().substring(0, 2).toUpperCase(java.util.Locale.ROOT)
            + model.slug().replace("-", "").toUpperCase(java.util.Locale.ROOT));
    p.put("category", type.category());
    p.put("description", description);
    p.put("url", Urls.on(SITE, Urls.supportProduct(brand, model)));
    ArrayNode props = p.putArray("additionalProperty");
    for (List<String> spec : model.specs()) {
      ObjectNode prop = JsonLd.item("PropertyValue");
      prop.put("name", spec.getFirst());
      prop.put("value", String.join(", ", spec.subList(1, spec.size())));
      props.add(prop);
    }
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(model.title()))
        .append("</h1>\n<p class=\"intro\">")
        .append(Text.esc(description))
        .append(" On sale since ")
        .append(LocalDate.parse(model.released()).format(Clock.HUMAN))
        .append(".</p>\n");
    main.append("<h2>Downloads</h2>\n<ul class=\"downloads\">\n");
    main.append("<li>")
        .append(
            Html.link(Urls.on(Urls.MANUALS, Urls.manualDir(brand, model)), "User manual (online)"))
        .append("</li>\n");
    if (model.pdf())
      main.append("<li>")
          .append(Html.link(Urls.on(Urls.MANUALS, Urls.pdf(brand, model)), "User manual (PDF)"))
          .append("</li>\n");
    main.append("</ul>\n<h2>Specifications</h2>\n<dl class=\"specs\">\n");
    for (List<String> spec : model.specs()) {
      main.append("<dt>")
          .append(Text.esc(spec.getFirst()))
          .append("</dt><dd>")
          .append(Text.esc(String.join(", ", spec.subList(1, spec.size()))))
          .append("</dd>\n");
    }
    main.append("</dl>\n<h2>Common questions</h2>\n<ul class=\"faq-links\">\n");
    for (Issue i : plan.issuesOf(model)) {
      main.append("<li>")
          .append(Html.link(Urls.supportFaq(brand, i.type().id(), i.fault().id()), question(i)))
          .append("</li>\n");
    }
    main.append("</ul>\n");
    if (!brand.codes().isEmpty())
      main.append("<p>")
          .append(Html.link(errorCodesPath(brand), "All " + brand.name() + " error codes"))
          .append("</p>\n");
    main.append("<p class=\"repair\">Need a repair? ")
        .append(Html.link("/account/repairs/new?model=" + model.slug(), "Book a technician"))
        .append(" · ")
        .append(Text.esc(brand.service()))
        .append("</p>\n");
    return page(
        brand,
        model.model() + " support | " + brand.name(),
        description,
        Urls.on(SITE, Urls.supportProduct(brand, model)),
        JsonLd.script(p),
        main.toString());
  }

  private String question(Issue issue) {
    Fault f = issue.fault();
    return Voice.fill(f.faq().q(), issue, new Dice("faq-q/" + issue.key()), Register.CANONICAL);
  }

  private String faq(Brand brand, List<Issue> issues) {
    Issue first = issues.getFirst();
    Dice dice = new Dice("faq/" + first.key());
    String q = Voice.fill(first.fault().faq().q(), first, dice, Register.CANONICAL);
    String a = Voice.fill(first.fault().faq().a(), first, dice, Register.CANONICAL);
    ObjectNode page = JsonLd.root("FAQPage");
    ObjectNode question = JsonLd.item("Question");
    question.put("name", q);
    ObjectNode answer = JsonLd.item("Answer");
    answer.put("text", a);
    question.set("acceptedAnswer", answer);
    page.putArray("mainEntity").add(question);
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(q))
        .append("</h1>\n<div class=\"answer-text\">\n")
        .append(Html.blocks(a))
        .append("</div>\n");
    main.append("<h2>Applies to</h2>\n<ul>\n");
    for (Issue i : issues) {
      main.append("<li>")
          .append(Html.link(Urls.supportProduct(brand, i.model()), i.model().title()))
          .append(" – ")
          .append(Html.link(Urls.manualFor(i), "troubleshooting in the manual"))
          .append("</li>\n");
    }
    main.append("</ul>\n");
    Optional<Video> video =
        issues.stream().map(plan::videoFor).flatMap(Optional::stream).findFirst();
    video.ifPresent(
        v ->
            main.append("<p class=\"video\">Video: ")
                .append(Html.link(Urls.video(v.id()), v.title()))
                .append(" (")
                .append(Text.esc(v.channel().title()))
                .append(", not an official ")
                .append(Text.esc(brand.name()))
                .append(" video)</p>\n"));
    main.append("<p class=\"helpful\">Was this answer helpful? <a href=\"/account/feedback?faq=")
        .append(Text.slug(q))
        .append("\">Yes</a> / <a href=\"/account/feedback?faq=")
        .append(Text.slug(q))
        .append("&amp;no\">No</a></p>\n");
    return page(
        brand,
        q + " | " + brand.name() + " Support",
        a,
        Urls.on(SITE, Urls.supportFaq(brand, first.type().id(), first.fault().id())),
        JsonLd.script(page),
        main.toString());
  }

  private String errorCodes(Brand brand) {
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(brand.name()))
        .append(
            " error codes</h1>\n<p>Error codes are shown on the display. Switch the appliance off and on again; if the code returns, follow the advice below.</p>\n");
    main.append(
        "<table class=\"codes\">\n<tr><th>Code</th><th>Meaning</th><th>Appliances</th><th>What to do</th></tr>\n");
    Map<String, List<Issue>> byCode = new LinkedHashMap<>();
    for (Issue i : plan.issues()) {
      if (i.brand().equals(brand) && i.hasCode())
        byCode.computeIfAbsent(i.code(), k -> new ArrayList<>()).add(i);
    }
    byCode.forEach(
        (code, issues) -> {
          Issue i = issues.getFirst();
          String types =
              String.join(", ", issues.stream().map(x -> x.model().model()).distinct().toList());
          main.append("<tr><td><b>")
              .append(Text.esc(code))
              .append("</b></td><td>")
              .append(
                  Text.esc(brand.codes().getOrDefault(code.replace("-", ""), i.fault().label())))
              .append("</td><td>")
              .append(Text.esc(types))
              .append("</td><td>")
              .append(Text.esc(i.fault().row().remedy()))
              .append(" ")
              .append(Html.link(Urls.supportFaq(brand, i.type().id(), i.fault().id()), "More"))
              .append("</td></tr>\n");
        });
    main.append("</table>\n");
    return page(
        brand,
        brand.name() + " error codes | " + brand.name() + " Support",
        brand.name() + " error codes and what to do.",
        Urls.on(SITE, errorCodesPath(brand)),
        "",
        main.toString());
  }

  private String brandHome(Brand brand, Map<String, List<Issue>> faqs) {
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(brand.name()))
        .append(" Support</h1>\n<p>")
        .append(Text.esc(brand.tagline()))
        .append(". ")
        .append(Text.esc(brand.service()))
        .append("</p>\n<h2>Products</h2>\n<ul>\n");
    for (Model model : brand.models())
      main.append("<li>")
          .append(Html.link(Urls.supportProduct(brand, model), model.title()))
          .append("</li>\n");
    main.append("</ul>\n<h2>Frequently asked questions</h2>\n<ul>\n");
    faqs.forEach(
        (path, issues) ->
            main.append("<li>")
                .append(Html.link(path, question(issues.getFirst())))
                .append("</li>\n"));
    main.append("</ul>\n");
    if (!brand.codes().isEmpty())
      main.append("<p>")
          .append(Html.link(errorCodesPath(brand), "Error code list"))
          .append("</p>\n");
    return page(
        brand,
        brand.name() + " Support",
        brand.tagline(),
        Urls.on(SITE, "/" + brand.slug() + "/"),
        "",
        main.toString());
  }

  private String home() {
    StringBuilder main =
        new StringBuilder(
            "<h1>HomeTech Support Centre</h1>\n<p>Official support for Aqualine, Kesseler, Brewster, Voltaro and Lumio products.</p>\n<ul class=\"brands\">\n");
    for (Brand brand : catalogue.brands())
      main.append("<li>")
          .append(Html.link("/" + brand.slug() + "/", brand.name() + " Support"))
          .append("</li>\n");
    main.append("</ul>\n");
    return page(
        null,
        "HomeTech Support Centre",
        "Official support for Aqualine, Kesseler, Brewster, Voltaro and Lumio products.",
        Urls.on(SITE, "/"),
        "",
        main.toString());
  }

  private static String page(
      Brand brand, String title, String description, String canonical, String ld, String main) {
    StringBuilder b = new StringBuilder();
    b.append(Html.head(title, description, canonical, "", CSS, ld));
    b.append(
            "<body>\n<header role=\"banner\">\n<div class=\"logo\">HomeTech <span>Support</span></div>\n<nav class=\"top-menu\">")
        .append(Html.link("/", "All brands"));
    if (brand != null) b.append(" ").append(Html.link("/" + brand.slug() + "/", brand.name()));
    b.append(" ").append(Html.link("/account/", "My account")).append("</nav>\n</header>\n");
    if (brand != null) {
      b.append("<div class=\"breadcrumb\">")
          .append(Html.link("/", "Support"))
          .append(" / ")
          .append(Html.link("/" + brand.slug() + "/", brand.name()))
          .append("</div>\n");
    }
    b.append("<main id=\"content\">\n").append(main).append("</main>\n");
    b.append("<aside class=\"contact-box\"><h3>Contact us</h3><p>")
        .append(
            brand == null
                ? "Choose your brand for phone and chat support."
                : Text.esc(brand.service()))
        .append("</p></aside>\n");
    b.append(
            "<footer role=\"contentinfo\"><p>© 2026 HomeTech Group · Aqualine, Kesseler, Brewster, Voltaro and Lumio are fictional brands of the FixFinder demo · ")
        .append(Html.link("/account/privacy", "Privacy"))
        .append("</p></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  private static final String STYLE =
      """
      body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#213}
      header{background:#0a3d62;color:#fff;padding:12px 24px}header a{color:#cde}
      main{max-width:900px;margin:20px auto}.contact-box{max-width:900px;margin:auto;background:#eef3f8;padding:10px}
      table.codes td,table.codes th{border-bottom:1px solid #ccd;padding:6px;text-align:left}
      footer{text-align:center;color:#789;font-size:12px;padding:24px}
      """;
}
