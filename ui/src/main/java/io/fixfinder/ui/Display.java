package io.fixfinder.ui;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.Lexicon;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How values read on a page: words a customer uses instead of our ids and slugs, dates only when a
 * source gave one, and links only to http(s) addresses.
 */
public final class Display {
  private static final Lexicon LEXICON = Lexicon.builtIn();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final Map<String, String> KINDS =
      Map.of(
          "manual", "Manual",
          "forum", "Forum thread",
          "video", "Video",
          "review", "Review",
          "product", "Product page",
          "repair_report", "Repair report");

  /** Sources that give no date are stored with the epoch; a page shows no date for them. */
  private static final Instant NO_DATE = Instant.EPOCH.plusSeconds(86_400);

  private Display() {}

  /** An external link target: the URL when it is http(s), else {@code #} (never javascript:). */
  public static String href(String url) {
    if (url == null) return "#";
    try {
      String scheme = URI.create(url.strip()).getScheme();
      if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
        return url.strip();
    } catch (IllegalArgumentException e) {
      // not a URL: no link
    }
    return "#";
  }

  public static String kind(String kindId) {
    return KINDS.getOrDefault(kindId, kindId);
  }

  /** "Washing machine" for {@code washing-machine}; an unknown id with its dashes as spaces. */
  public static String type(String typeId) {
    if (typeId == null || typeId.isEmpty()) return "";
    return LEXICON.type(typeId).map(Lexicon.ProductType::label).orElse(typeId.replace('-', ' '));
  }

  /** "Won't drain" for {@code wont-drain}. */
  public static String symptom(String symptomId) {
    return LEXICON
        .symptom(symptomId)
        .map(Lexicon.Symptom::label)
        .orElse(symptomId.replace('-', ' '));
  }

  /** "Aqualine WM-8420X washing machine": brand, model, then the type's name in words. */
  public static String product(ProductRef p) {
    if (p == null) return "";
    StringBuilder sb = new StringBuilder();
    if (!p.brand().isEmpty()) sb.append(p.brand());
    if (!p.model().isEmpty()) sb.append(sb.isEmpty() ? "" : " ").append(p.model());
    String type = type(p.type());
    if (!type.isEmpty()) {
      sb.append(sb.isEmpty() ? type : " " + type.toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  /** "3 Mar 2024", or empty when the source gave no date. */
  public static String date(Instant when) {
    return when == null || when.isBefore(NO_DATE) ? "" : DAY.format(when);
  }

  /** The ISO date for a {@code <time datetime>} attribute. */
  public static String isoDate(Instant when) {
    return when == null
        ? ""
        : DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(when);
  }

  /** "4:05" for 245 seconds; "1:02:03" past an hour. */
  public static String duration(int seconds) {
    int h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** A hit's site as people name it: the site's own name, else its host. */
  public static String siteOf(io.fixfinder.indexer.search.SearchResponse.Hit hit) {
    return hit.siteName().isEmpty() ? site(hit.site()) : hit.siteName();
  }

  /** A site as people name it: its own {@code name} when it gave one, else its host. */
  public static String site(String name, String host) {
    return name == null || name.isBlank() ? site(host) : name;
  }

  /** A site as people name it: its host without "www." and without a port. */
  public static String site(String site) {
    if (site == null) return "";
    String host = site;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon && !host.startsWith("[")) {
      host = host.substring(0, colon);
    }
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /**
   * A result's calibrated confidence (the chance it is relevant) in words: "strong match" from 0.6,
   * "likely match" from 0.3, "weak match" above 0, nothing when it was not judged (0).
   */
  public static String cue(double confidence) {
    if (confidence <= 0) return "";
    return confidence >= 0.6 ? "strong match" : confidence >= 0.3 ? "likely match" : "weak match";
  }

  /** The cue's CSS class: {@code cue-strong}, {@code cue-likely}, {@code cue-weak}. */
  public static String cueClass(double confidence) {
    String cue = cue(confidence);
    return cue.isEmpty() ? "" : "cue cue-" + cue.substring(0, cue.indexOf(' '));
  }

  /** Why nothing answered, in words, from a no-match reason. */
  public static String noMatchReason(String reason) {
    return switch (reason) {
      case "unknown-words" -> "None of our manuals, threads, videos or reviews use these words.";
      case "product-type-absent" -> "We have nothing about this kind of product yet.";
      case "weak-match" -> "What we found is only loosely related.";
      default -> "";
    };
  }

  /**
   * {@code text} cut to at most {@code max} characters at a word's end, with "…" when cut: a card
   * has room for a line or two.
   */
  public static String clip(String text, int max) {
    if (text == null) return "";
    String t = text.strip();
    if (t.length() <= max) return t;
    int cut = t.lastIndexOf(' ', max - 1);
    if (cut < max / 2) cut = max - 1;
    return t.substring(0, cut).stripTrailing() + "…";
  }

  /** "1,234" in English. */
  public static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** "1 report" or "3 reports". */
  public static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** A share as a whole percentage, "67%". */
  public static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
