package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.understand.Lexicon;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The reasons of a match, written for a person, and the {@link Match} record. Only called for the
 * few matches returned, so it may allocate and format freely.
 */
final class Explain {
  private Explain() {}

  private static volatile Map<String, String> typeLabels;

  static Match match(Candidate c, MatchQuery q, int skillMask, double score, boolean availableNow) {
    List<Reason> reasons = new ArrayList<>();
    skills(q, skillMask, reasons);
    speaks(c, q)
        .ifPresent(
            l -> reasons.add(new Reason(Reason.Kind.LANGUAGE, "speaks " + Languages.name(l))));
    OptionalDouble km = distance(c, q);
    place(c, q, km, reasons);
    availability(c, q.now(), availableNow, reasons);
    reputation(c.reputation(), reasons);
    return new Match(c.id(), c.displayName(), score, availableNow, km, reasons);
  }

  static Optional<String> speaks(Candidate c, MatchQuery q) {
    for (String l : q.languages()) if (c.languages().contains(l)) return Optional.of(l);
    return Optional.empty();
  }

  static OptionalDouble distance(Candidate c, MatchQuery q) {
    if (q.place() instanceof Place.At at && c.location().point().isPresent()) {
      GeoPoint p = c.location().point().get();
      return OptionalDouble.of(
          GeoPoint.distanceKm(at.point().lat(), at.point().lon(), p.lat(), p.lon()));
    }
    return OptionalDouble.empty();
  }

  /**
   * The most specific skill matched, in words, and the fault area when it adds something: "knows
   * the Aqualine WM-8420X" already says washing machine and brand, so those are not repeated.
   */
  private static void skills(MatchQuery q, int mask, List<Reason> out) {
    boolean type = (mask & Scoring.bit(SkillKind.TYPE)) != 0;
    if ((mask & Scoring.bit(SkillKind.ISSUE)) != 0) {
      // The helper named the issue among their skills; fixes they did are the reputation's to say.
      out.add(new Reason(Reason.Kind.ISSUE, "knows this very issue"));
      return;
    }
    if ((mask & Scoring.bit(SkillKind.MODEL)) != 0) {
      String brand = q.brand().isEmpty() ? "" : q.brand() + " ";
      out.add(new Reason(Reason.Kind.MODEL, "knows the " + brand + q.model()));
    } else if ((mask & Scoring.bit(SkillKind.BRAND)) != 0) {
      // the brand alone may be for another of its product types
      out.add(
          new Reason(
              Reason.Kind.BRAND, "knows " + q.brand() + (type ? " " + plural(q.type()) : "")));
    } else if (type) {
      out.add(new Reason(Reason.Kind.TYPE, "repairs " + plural(q.type())));
    }
    if ((mask & Scoring.bit(SkillKind.AREA)) != 0) {
      String label =
          q.faultAreaLabel().isEmpty()
              ? "this kind of fault"
              : q.faultAreaLabel().toLowerCase(Locale.ROOT) + " faults";
      out.add(new Reason(Reason.Kind.AREA, "knows " + label));
    }
  }

  private static void place(Candidate c, MatchQuery q, OptionalDouble km, List<Reason> out) {
    // a remote helper's distance is shown only when they could also come round
    if (km.isPresent() && (!c.remote() || km.getAsDouble() <= Scoring.REACH_KM)) {
      out.add(new Reason(Reason.Kind.DISTANCE, km(km.getAsDouble())));
    } else if (q.place() instanceof Place.InCountry in
        && in.country().equals(c.location().country())) {
      out.add(new Reason(Reason.Kind.SAME_COUNTRY, "in " + where(c)));
    } else if (!c.remote() && km.isEmpty()) {
      out.add(new Reason(Reason.Kind.LOCATION, "in " + where(c)));
    }
    if (c.remote()) out.add(new Reason(Reason.Kind.REMOTE, "helps remotely"));
  }

  private static String where(Candidate c) {
    String country = c.location().countryName();
    return c.location().city().isEmpty() ? country : c.location().city() + ", " + country;
  }

  static String km(double km) {
    if (km < 1) return "less than 1 km away";
    return String.format(Locale.ROOT, "%d km away", Math.round(km));
  }

  private static void availability(
      Candidate c, Instant now, boolean availableNow, List<Reason> out) {
    String town = town(c);
    if (availableNow) {
      LocalDateTime local = LocalDateTime.ofInstant(now, c.zone());
      out.add(
          new Reason(
              Reason.Kind.AVAILABLE_NOW,
              "available now (" + partOfDay(local.getHour()) + " in " + town + ")"));
      return;
    }
    c.hours()
        .nextAvailable(now, c.zone())
        .ifPresent(
            next -> {
              LocalDateTime local = LocalDateTime.ofInstant(next, c.zone());
              String day =
                  local
                      .getDayOfWeek()
                      .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
              String when =
                  Duration.between(now, next).toHours() < 24
                      ? String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute())
                      : String.format(
                          Locale.ROOT, "%s %02d:%02d", day, local.getHour(), local.getMinute());
              out.add(
                  new Reason(
                      Reason.Kind.NEXT_AVAILABLE, "available from " + when + " " + town + " time"));
            });
  }

  /** The helper's town for "evening in Lisbon": their city, else their zone's city. */
  static String town(Candidate c) {
    if (!c.location().city().isEmpty()) return c.location().city();
    String zone = c.zone().getId();
    int slash = zone.lastIndexOf('/');
    return zone.substring(slash + 1).replace('_', ' ');
  }

  static String partOfDay(int hour) {
    if (hour >= 5 && hour < 12) return "morning";
    if (hour >= 12 && hour < 17) return "afternoon";
    if (hour >= 17 && hour < 22) return "evening";
    return "night";
  }

  private static void reputation(Reputation r, List<Reason> out) {
    if (r.isNew()) {
      out.add(new Reason(Reason.Kind.NEW_HELPER, "new helper"));
    } else {
      out.add(
          new Reason(
              Reason.Kind.REPUTATION,
              r.confirmedFixes() + " of " + r.outcomes() + " confirmed fixes"));
    }
    if (r.requestsReceived() >= 3) {
      StringBuilder sb =
          new StringBuilder(
              "answers " + r.requestsAnswered() + " of " + r.requestsReceived() + " requests");
      r.medianResponseMinutes().ifPresent(m -> sb.append(", usually within ").append(duration(m)));
      out.add(new Reason(Reason.Kind.RESPONSE, sb.toString()));
    }
  }

  static String duration(int minutes) {
    if (minutes < 60) return Math.max(1, minutes) + " min";
    if (minutes < 48 * 60) return (minutes + 59) / 60 + " h";
    return (minutes + 24 * 60 - 1) / (24 * 60) + " days";
  }

  /** "washing machines", "printers or scanners", "TVs or flat screens" from the lexicon's label. */
  static String plural(String typeId) {
    Map<String, String> labels = typeLabels;
    if (labels == null) {
      labels =
          Lexicon.builtIn().types().stream()
              .collect(
                  Collectors.toUnmodifiableMap(
                      Lexicon.ProductType::id, Lexicon.ProductType::label));
      typeLabels = labels;
    }
    String label = labels.getOrDefault(typeId, typeId.replace('-', ' '));
    List<String> parts = new ArrayList<>();
    for (String part : label.split(" or ")) parts.add(pluralOne(lowerUnlessAcronym(part)));
    return String.join(" or ", parts);
  }

  private static String lowerUnlessAcronym(String phrase) {
    StringBuilder sb = new StringBuilder();
    for (String w : phrase.split(" ")) {
      if (!sb.isEmpty()) sb.append(' ');
      sb.append(
          w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static String pluralOne(String s) {
    if (s.endsWith("s")) return s; // headphones, glasses: already plural
    if (s.endsWith("mouse")) return s.substring(0, s.length() - 5) + "mice";
    if (s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh")) return s + "es";
    if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
      return s.substring(0, s.length() - 1) + "ies";
    }
    return s + "s";
  }
}
