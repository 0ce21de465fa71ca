package io.fixfinder.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.ProductType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "ShopReviews": a shop with customer reviews. Product pages carry {@code Product} JSON-LD with an
 * {@code aggregateRating} and the most helpful reviews – except a few that use microdata, as some
 * shops do; review lists and single review pages carry {@code Review} items. Cart, checkout and
 * account pages are off limits to crawlers.
 */
final class ShopReviews {
  private static final String SITE = Urls.SHOPREVIEWS;
  private static final String CSS = "/assets/shop.css";
  private static final int PER_PAGE = 8;

  /** Products whose pages use schema.org microdata instead of JSON-LD. */
  private static final Set<String> MICRODATA = Set.of("LX-20", "VX-1470G");

  private final Plan plan;
  private final Catalogue catalogue;
  private final SiteFiles site = new SiteFiles(SITE, "review", "ShopReviews");

  private ShopReviews(Plan plan) {
    this.plan = plan;
    this.catalogue = plan.catalogue();
  }

  static SiteFiles build(Plan plan) {
    return new ShopReviews(plan).write();
  }

  private SiteFiles write() {
    site.disallow("/cart");
    site.disallow("/checkout/");
    site.disallow("/account/");
    for (Brand brand : catalogue.brands()) {
      for (Model model : brand.models()) product(brand, model);
    }
    for (ProductType type : catalogue.types()) {
      site.page(category(type), categoryPage(type), Clock.EDITION, false);
    }
    site.page("/", home(), Clock.EDITION, false);
    site.file(CSS, STYLE.getBytes(StandardCharsets.UTF_8), LocalDate.of(2022, 6, 1), false, null);
    return site;
  }

  private static String category(ProductType type) {
    return "/c/" + Text.slug(type.plural()) + "/";
  }

  private List<Review> reviews(Model model) {
    return plan.reviewsByModel().get(model.model());
  }

  private static double average(List<Review> reviews) {
    return Math.round(reviews.stream().mapToInt(Review::rating).average().orElse(0) * 10) / 10.0;
  }

  private static String rating(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String sku(Model model) {
    return "SR-" + (100_000 + Math.floorMod(model.model().hashCode(), 900_000));
  }

  private static String stars(int rating) {
    return "★".repeat(rating) + "☆".repeat(5 - rating);
  }

  // ---- product page ------------------------------------------------------------------------

  private void product(Brand brand, Model model) {
    List<Review> reviews = reviews(model);
    ProductType type = catalogue.type(model.type());
    LocalDate newest =
        reviews.stream().map(Review::date).max(Comparator.naturalOrder()).orElse(Clock.EDITION);
    List<Review> top =
        reviews.stream()
            .sorted(Comparator.comparingInt(Review::helpful).reversed().thenComparing(Review::id))
            .limit(3)
            .toList();
    String description =
        model.title()
            + ". "
            + model.specs().stream()
                .map(s -> s.getFirst() + ": " + String.join(", ", s.subList(1, s.size())))
                .reduce((a, b) -> a + ", " + b)
                .orElse("")
            + ".";
    boolean microdata = MICRODATA.contains(model.model());
    StringBuilder main = new StringBuilder();
    if (microdata) {
      main.append(microdataProduct(brand, model, description, reviews, top));
    } else {
      main.append("<div class=\"product\">\n<h1>")
          .append(Text.esc(model.title()))
          .append("</h1>\n");
      main.append("<div class=\"rating-summary\">")
          .append(stars((int) Math.round(average(reviews))))
          .append(' ')
          .append(rating(average(reviews)))
          .append(" / 5 (")
          .append(reviews.size())
          .append(" reviews)</div>\n");
      main.append("<div class=\"price\">").append(model.price()).append(" €</div>\n");
      main.append("<p>").append(Text.esc(description)).append("</p>\n");
      main.append("<p>")
          .append(Html.link("/cart?add=" + sku(model), "Add to basket"))
          .append("</p>\n");
      main.append("<h2>Most helpful reviews</h2>\n");
      for (Review r : top) reviewHtml(main, r, true);
      main.append("</div>\n");
    }
    main.append("<p class=\"more\">")
        .append(
            Html.link(Urls.reviews(brand, model, 1), "Read all " + reviews.size() + " reviews »"))
        .append("</p>\n");
    main.append("<p class=\"support\">Manufacturer support: ")
        .append(
            Html.link(
                Urls.on(Urls.BRANDSUPPORT, Urls.supportProduct(brand, model)),
                brand.name() + " support page"))
        .append("</p>\n");
    String ld = microdata ? "" : JsonLd.script(productLd(brand, model, description, reviews, top));
    site.page(
        Urls.product(brand, model),
        page(
            model.title() + " – reviews & price | ShopReviews",
            description,
            Urls.on(SITE, Urls.product(brand, model)),
            ld,
            crumbs(type, null),
            main.toString()),
        newest,
        true);

    int pages = Math.max(1, (reviews.size() + PER_PAGE - 1) / PER_PAGE);
    for (int p = 1; p <= pages; p++) {
      List<Review> slice =
          reviews.subList((p - 1) * PER_PAGE, Math.min(reviews.size(), p * PER_PAGE));
      site.page(
          Urls.reviews(brand, model, p),
          reviewList(brand, model, type, slice, p, pages),
          slice.getFirst().date(),
          true);
    }
    for (Review r : reviews) {
      if (r.issue().isPresent())
        site.page(Urls.review(r.id()), single(brand, model, type, r), r.date(), true);
    }
  }

  private ObjectNode productLd(
      Brand brand, Model model, String description, List<Review> reviews, List<Review> top) {
    ObjectNode p = JsonLd.root("Product");
    p.put("name", model.title());
    p.set("brand", JsonLd.item("Brand").put("name", brand.name()));
    p.put("model", model.model());
    p.put("mpn", model.model());
    p.put("sku", sku(model));
    p.put("description", description);
    p.put("category", catalogue.type(model.type()).category());
    ObjectNode offer = JsonLd.item("Offer");
    offer.put("price", model.price());
    offer.put("priceCurrency", "EUR");
    offer.put("availability", "https://schema.org/InStock");
    offer.put("url", Urls.on(SITE, Urls.product(brand, model)));
    p.set("offers", offer);
    ObjectNode agg = JsonLd.item("AggregateRating");
    agg.put("ratingValue", rating(average(reviews)));
    agg.put("reviewCount", reviews.size());
    agg.put("bestRating", 5);
    agg.put("worstRating", 1);
    p.set("aggregateRating", agg);
    ArrayNode list = p.putArray("review");
    for (Review r : top) list.add(reviewLd(r, false));
    return p;
  }

  private ObjectNode reviewLd(Review r, boolean standalone) {
    ObjectNode n = standalone ? JsonLd.root("Review") : JsonLd.item("Review");
    n.put("name", r.title());
    n.set("author", JsonLd.person(r.author()));
    n.put("datePublished", r.date().toString());
    n.put("reviewBody", r.body());
    ObjectNode rating = JsonLd.item("Rating");
    rating.put("ratingValue", r.rating());
    rating.put("bestRating", 5);
    rating.put("worstRating", 1);
    n.set("reviewRating", rating);
    if (standalone) {
      ObjectNode item = JsonLd.item("Product");
      item.put("name", r.model().title());
      item.set("brand", JsonLd.item("Brand").put("name", r.brand().name()));
      item.put("model", r.model().model());
      item.put("url", Urls.on(SITE, Urls.product(r.brand(), r.model())));
      n.set("itemReviewed", item);
      n.put("url", Urls.on(SITE, Urls.review(r.id())));
    }
    return n;
  }

  /** The same product data as microdata: itemscope/itemprop on the visible elements. */
  private String microdataProduct(
      Brand brand, Model model, String description, List<Review> reviews, List<Review> top) {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"product\" itemscope itemtype=\"https://schema.org/Product\">\n");
    b.append("<h1 itemprop=\"name\">").append(Text.esc(model.title())).append("</h1>\n");
    b.append(
            "<div class=\"brand\" itemprop=\"brand\" itemscope itemtype=\"https://schema.org/Brand\">Brand: <span itemprop=\"name\">")
        .append(Text.esc(brand.name()))
        .append("</span></div>\n");
    b.append("<div>Model: <span itemprop=\"model\">")
        .append(Text.esc(model.model()))
        .append("</span> · SKU <span itemprop=\"sku\">")
        .append(sku(model))
        .append("</span></div>\n");
    b.append(
            "<div class=\"rating-summary\" itemprop=\"aggregateRating\" itemscope itemtype=\"https://schema.org/AggregateRating\">")
        .append(stars((int) Math.round(average(reviews))))
        .append(" <span itemprop=\"ratingValue\">")
        .append(rating(average(reviews)))
        .append("</span> / <span itemprop=\"bestRating\">5</span> (<span itemprop=\"reviewCount\">")
        .append(reviews.size())
        .append("</span> reviews)</div>\n");
    b.append(
            "<div class=\"price\" itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><span itemprop=\"price\" content=\"")
        .append(model.price())
        .append("\">")
        .append(model.price())
        .append(
            "</span> <meta itemprop=\"priceCurrency\" content=\"EUR\">€ <link itemprop=\"availability\" href=\"https://schema.org/InStock\">In stock</div>\n");
    b.append("<p itemprop=\"description\">").append(Text.esc(description)).append("</p>\n");
    b.append("<p>").append(Html.link("/cart?add=" + sku(model), "Add to basket")).append("</p>\n");
    b.append("<h2>Most helpful reviews</h2>\n");
    for (Review r : top) {
      b.append(
          "<div class=\"review\" itemprop=\"review\" itemscope itemtype=\"https://schema.org/Review\">\n");
      b.append("<h3 itemprop=\"name\">").append(Text.esc(r.title())).append("</h3>\n");
      b.append(
              "<div class=\"stars\" itemprop=\"reviewRating\" itemscope itemtype=\"https://schema.org/Rating\">")
          .append(stars(r.rating()))
          .append(" <meta itemprop=\"ratingValue\" content=\"")
          .append(r.rating())
          .append("\"><meta itemprop=\"bestRating\" content=\"5\"></div>\n");
      b.append(
              "<div class=\"by\">by <span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">")
          .append(Text.esc(r.author()))
          .append("</span></span> on <time itemprop=\"datePublished\" datetime=\"")
          .append(r.date())
          .append("\">")
          .append(r.date().format(Clock.HUMAN))
          .append("</time></div>\n");
      b.append("<div class=\"review-text\" itemprop=\"reviewBody\">")
          .append(Html.blocks(r.body()))
          .append("</div>\n</div>\n");
    }
    b.append("</div>\n");
    return b.toString();
  }

  private void reviewHtml(StringBuilder b, Review r, boolean withLink) {
    b.append("<div class=\"review\" id=\"").append(r.id()).append("\">\n");
    b.append("<div class=\"stars\" title=\"")
        .append(r.rating())
        .append(" out of 5\">")
        .append(stars(r.rating()))
        .append("</div>\n");
    b.append("<h3>").append(Text.esc(r.title())).append("</h3>\n");
    b.append("<div class=\"by\">by ")
        .append(Text.esc(r.author()))
        .append(" on <time datetime=\"")
        .append(r.date())
        .append("\">")
        .append(r.date().format(Clock.HUMAN))
        .append("</time>")
        .append(r.verified() ? " · <span class=\"verified\">Verified purchase</span>" : "")
        .append("</div>\n");
    b.append("<div class=\"review-text\">").append(Html.blocks(r.body())).append("</div>\n");
    b.append("<div class=\"helpful\">")
        .append(r.helpful())
        .append(" people found this helpful</div>\n");
    if (withLink && r.issue().isPresent())
      b.append("<p>").append(Html.link(Urls.review(r.id()), "Permalink")).append("</p>\n");
    b.append("</div>\n");
  }

  private String reviewList(
      Brand brand, Model model, ProductType type, List<Review> reviews, int page, int pages) {
    ArrayNode ld = JsonLd.array();
    for (Review r : reviews) ld.add(reviewLd(r, true));
    StringBuilder main = new StringBuilder();
    main.append("<h1>Customer reviews: ").append(Text.esc(model.title())).append("</h1>\n");
    main.append("<p>")
        .append(Html.link(Urls.product(brand, model), "« Back to the product"))
        .append("</p>\n");
    for (Review r : reviews) reviewHtml(main, r, true);
    if (pages > 1) {
      main.append("<div class=\"pagination\">");
      for (int p = 1; p <= pages; p++) {
        main.append(
                p == page
                    ? "<b>" + p + "</b>"
                    : Html.link(Urls.reviews(brand, model, p), Integer.toString(p)))
            .append(' ');
      }
      main.append("</div>\n");
    }
    return page(
        "Reviews of " + model.title() + (page > 1 ? " (page " + page + ")" : "") + " | ShopReviews",
        "Customer reviews of the " + model.title(),
        Urls.on(SITE, Urls.reviews(brand, model, page)),
        JsonLd.script(ld),
        crumbs(type, model),
        main.toString());
  }

  private String single(Brand brand, Model model, ProductType type, Review r) {
    StringBuilder main = new StringBuilder();
    main.append("<h1>")
        .append(Text.esc(r.title()))
        .append("</h1>\n<p>Review of ")
        .append(Html.link(Urls.product(brand, model), model.title()))
        .append("</p>\n");
    reviewHtml(main, r, false);
    if (r.rating() <= 2) {
      main.append(
              "<div class=\"shop-reply\"><b>ShopReviews customer care:</b> Sorry to hear about the trouble with your ")
          .append(Text.esc(model.model()))
          .append(
              ". Within 2 years you are covered by the manufacturer's warranty – please contact us or ")
          .append(
              Html.link(
                  Urls.on(Urls.BRANDSUPPORT, "/" + brand.slug() + "/"), brand.name() + " support"))
          .append(".</div>\n");
    }
    main.append("<p>")
        .append(Html.link(Urls.reviews(brand, model, 1), "All reviews of this product"))
        .append("</p>\n");
    return page(
        r.title() + " – review of " + model.model() + " | ShopReviews",
        r.body(),
        Urls.on(SITE, Urls.review(r.id())),
        JsonLd.script(reviewLd(r, true)),
        crumbs(type, model),
        main.toString());
  }

  // ---- listings ----------------------------------------------------------------------------

  private String categoryPage(ProductType type) {
    StringBuilder main =
        new StringBuilder("<h1>")
            .append(Text.esc(type.category()))
            .append("</h1>\n<ul class=\"grid\">\n");
    for (Brand brand : catalogue.brands()) {
      for (Model model : brand.models()) {
        if (!model.type().equals(type.id())) continue;
        List<Review> reviews = reviews(model);
        main.append("<li class=\"card\">")
            .append(Html.link(Urls.product(brand, model), model.title()))
            .append("<br>")
            .append(stars((int) Math.round(average(reviews))))
            .append(" (")
            .append(reviews.size())
            .append(") · ")
            .append(model.price())
            .append(" €</li>\n");
      }
    }
    main.append("</ul>\n");
    return page(
        type.category() + " | ShopReviews",
        "",
        Urls.on(SITE, category(type)),
        "",
        Html.link("/", "Home") + " › " + Text.esc(type.category()),
        main.toString());
  }

  private String home() {
    StringBuilder main =
        new StringBuilder(
            "<h1>ShopReviews</h1>\n<p>Honest reviews from verified buyers.</p>\n<ul class=\"categories\">\n");
    for (ProductType type : catalogue.types()) {
      main.append("<li>").append(Html.link(category(type), type.category())).append("</li>\n");
    }
    main.append("</ul>\n");
    return page(
        "ShopReviews – appliances and electronics with honest reviews",
        "",
        Urls.on(SITE, "/"),
        "",
        "",
        main.toString());
  }

  private String crumbs(ProductType type, Model model) {
    String c = Html.link("/", "Home") + " › " + Html.link(category(type), type.category());
    return model == null ? c : c + " › " + Text.esc(model.model());
  }

  private static String page(
      String title, String description, String canonical, String ld, String crumbs, String main) {
    StringBuilder b = new StringBuilder();
    b.append(Html.head(title, description, canonical, "", CSS, ld));
    b.append(
        "<body>\n<header class=\"shop-header\">\n<a class=\"logo\" href=\"/\">Shop<b>Reviews</b></a>\n");
    b.append("<nav class=\"menu\">")
        .append(Html.link("/", "Home"))
        .append(" ")
        .append(Html.link("/account/", "My account"))
        .append(" ")
        .append(Html.link("/cart", "Basket (0)"))
        .append("</nav>\n</header>\n");
    b.append(
        "<div class=\"cookie-banner\">We use cookies to improve your shopping experience. <a href=\"/account/privacy\">Settings</a></div>\n");
    if (!crumbs.isEmpty())
      b.append("<div class=\"breadcrumbs\">").append(crumbs).append("</div>\n");
    b.append("<main>\n").append(main).append("</main>\n");
    b.append("<div class=\"ad\">Today only: 10% off all coffee machines with code BREW10</div>\n");
    b.append("<footer>\n<p>ShopReviews GmbH · Free returns within 30 days · ")
        .append(Html.link("/checkout/help", "Payment & delivery"))
        .append("</p>\n</footer>\n</body>\n</html>\n");
    return b.toString();
  }

  private static final String STYLE =
      """
      body{font-family:Arial,sans-serif;margin:0}
      .shop-header{background:#ff9900;padding:10px 20px;display:flex;justify-content:space-between}
      main{max-width:980px;margin:auto}.stars{color:#e6a100}.review{border-bottom:1px solid #eee;padding:10px 0}
      .ad{background:#fffbe6;text-align:center;padding:8px}.cookie-banner{background:#333;color:#fff;padding:6px;font-size:12px}
      footer{background:#f1f1f1;padding:20px;text-align:center}
      """;
}
