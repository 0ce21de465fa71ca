package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Model;

/**
 * Where documents live on the demo sites. Paths are site-relative; {@link #on} makes a link for
 * another site with the origin token the server replaces at serve time (ports are dynamic).
 */
final class Urls {
  static final String MANUALS = "manuals";
  static final String FIXITFORUM = "fixitforum";
  static final String REPAIRTALK = "repairtalk";
  static final String SHOPREVIEWS = "shopreviews";
  static final String BRANDSUPPORT = "brandsupport";

  private Urls() {}

  /** The origin token for a site, e.g. {@code {{origin:manuals}}}. */
  static String origin(String site) {
    return "{{origin:" + site + "}}";
  }

  /** An absolute link to {@code path} on {@code site}. */
  static String on(String site, String path) {
    return origin(site) + path;
  }

  static String manualDir(Brand brand, Model model) {
    return "/manuals/" + brand.slug() + "/" + model.slug() + "/";
  }

  static String manualPage(Brand brand, Model model, String section) {
    return manualDir(brand, model) + section + ".html";
  }

  static String pdf(Brand brand, Model model) {
    return "/pdf/" + brand.slug() + "-" + model.slug() + "-manual.pdf";
  }

  static String guide(String slug) {
    return "/guides/" + slug + ".html";
  }

  /** The best manual link for a fault: its guide, else the PDF, else the troubleshooting page. */
  static String manualFor(Issue issue) {
    return on(MANUALS, manualPage(issue.brand(), issue.model(), "troubleshooting"));
  }

  static String pdfOrManual(Issue issue) {
    return issue.model().pdf()
        ? on(MANUALS, pdf(issue.brand(), issue.model()))
        : on(MANUALS, manualDir(issue.brand(), issue.model()));
  }

  static String guideFor(Issue issue) {
    String guide = issue.fault().guide();
    return guide == null
        ? on(MANUALS, manualPage(issue.brand(), issue.model(), "care"))
        : on(MANUALS, guide(guide));
  }

  static String product(Brand brand, Model model) {
    return "/p/" + brand.slug() + "-" + model.slug() + ".html";
  }

  static String reviews(Brand brand, Model model, int page) {
    return "/p/"
        + brand.slug()
        + "-"
        + model.slug()
        + "/reviews"
        + (page > 1 ? "-" + page : "")
        + ".html";
  }

  static String review(String id) {
    return "/r/" + id + ".html";
  }

  static String supportProduct(Brand brand, Model model) {
    return "/" + brand.slug() + "/products/" + model.slug() + ".html";
  }

  static String supportFaq(Brand brand, String type, String fault) {
    return "/" + brand.slug() + "/faq/" + type + "-" + fault + ".html";
  }

  static String video(String id) {
    return "https://www.youtube.com/watch?v=" + id;
  }
}
