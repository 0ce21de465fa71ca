package io.fixfinder.ui;

import io.fixfinder.core.helpers.match.HelperCard;
import io.fixfinder.core.helpers.match.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A helper's public facts in words, for the panel and the profile page (text only). */
public final class HelperDisplay {
  private HelperDisplay() {}

  /** The helpers among a response's or page's {@code helpers} (other entries are ignored). */
  public static List<HelperCard> cards(List<?> helpers) {
    return helpers.stream()
        .filter(HelperCard.class::isInstance)
        .map(HelperCard.class::cast)
        .toList();
  }

  /** "Utrecht, Netherlands · helps remotely · available now · 12 confirmed fixes". */
  public static String summary(HelperCard h) {
    List<String> parts = new ArrayList<>();
    String place = place(h);
    if (!place.isEmpty()) parts.add(place);
    if (h.distanceKm().isPresent()) {
      parts.add(String.format(Locale.ROOT, "%.0f km away", h.distanceKm().getAsDouble()));
    }
    if (h.remote()) parts.add("helps remotely");
    if (h.paused()) parts.add("taking a break");
    else if (h.availableNow()) parts.add("available now");
    parts.add(fixes(h));
    return String.join(" · ", parts);
  }

  private static String place(HelperCard h) {
    String country =
        h.country().isEmpty() ? "" : Locale.of("", h.country()).getDisplayCountry(Locale.ENGLISH);
    if (h.city().isEmpty()) return country;
    return country.isEmpty() ? h.city() : h.city() + ", " + country;
  }

  private static String fixes(HelperCard h) {
    if (h.reputation().newHelper()) return "new helper";
    int n = h.reputation().confirmedFixes();
    return n == 1 ? "1 confirmed fix" : n + " confirmed fixes";
  }

  /** The reasons it matched, joined: "knows Aqualine washing machines; speaks Dutch". */
  public static String why(HelperCard h) {
    return String.join("; ", h.why().stream().map(HelperCard.Why::text).toList());
  }

  /** "Dutch, English". */
  public static String languages(HelperCard h) {
    if (h.languages().isEmpty()) return "Not given.";
    return String.join(", ", h.languages().stream().map(Languages::name).toList());
  }

  /** A skill in words: "Brand: Aqualine", "Product: Washing machine", "Issue: (its id)". */
  public static String skill(HelperCard.SkillView s) {
    return skill(s, java.util.Map.of());
  }

  /**
   * As above, an issue or fault area named by its label when {@code labels} has it. A skill is what
   * the helper says they know, not a fix anyone confirmed: the track record says that.
   */
  public static String skill(HelperCard.SkillView s, java.util.Map<String, String> labels) {
    String named = labels.getOrDefault(s.value(), s.value());
    return switch (s.kind()) {
      case "type" -> "Product: " + Display.type(s.value());
      case "brand" -> "Brand: " + s.value();
      case "model" -> "Model: " + s.value();
      case "issue" -> "Issue: " + named;
      case "area" -> "Fault area: " + named;
      default -> s.value();
    };
  }

  /** Outcomes confirmed by the people helped. */
  public static String reputation(HelperCard h) {
    HelperCard.ReputationView r = h.reputation();
    if (r.newHelper()) return "New here: nobody has reported an outcome yet.";
    return r.confirmedFixes()
        + " fixed, "
        + r.notFixed()
        + " not fixed, "
        + r.gaveUp()
        + " gave up, as reported by the people helped; answered "
        + r.requestsAnswered()
        + " of "
        + r.requestsReceived()
        + " requests.";
  }
}
