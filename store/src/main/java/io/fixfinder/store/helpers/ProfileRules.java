package io.fixfinder.store.helpers;

import io.fixfinder.store.accounts.DisplayNames;
import io.fixfinder.store.accounts.EmailAddress;
import io.fixfinder.store.accounts.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises and checks profiles and contact channels. Free text (name, bio, city) is kept verbatim
 * apart from trimming: quotes, angle brackets and SQL keywords are ordinary characters, escaped
 * where they are shown. Keys (skills, languages, country, zone) must have their shape.
 */
public final class ProfileRules {
  /** Longest skill value: the indexer's keys are far shorter. */
  public static final int MAX_SKILL = 80;

  /** Longest video link. */
  public static final int MAX_URL = 500;

  // Letters and digits of any script, and the punctuation keys use ("Black & Decker", "WM-8420X",
  // "iss-0a1b2c3d4e5f"). No angle brackets, quotes or controls: keys are not free text.
  private static final Pattern SKILL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:'&+/()#-]*");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private ProfileRules() {}

  /** {@code p} trimmed, keys in their canonical case, duplicates removed (first kept). */
  public static Profile normalise(Profile p) {
    List<String> languages =
        List.copyOf(
            new LinkedHashSet<>(
                p.languages().stream()
                    .map(s -> s == null ? "" : s.strip().toLowerCase(Locale.ROOT))
                    .toList()));
    List<Skill> skills =
        List.copyOf(
            new LinkedHashSet<>(
                p.skills().stream().map(s -> new Skill(s.kind(), s.value().strip())).toList()));
    return new Profile(
        p.displayName().strip(),
        p.bio().strip(),
        languages,
        p.country().strip().toUpperCase(Locale.ROOT),
        p.city().strip(),
        p.coordinates(),
        p.remote(),
        p.timeZone().strip(),
        p.weeklyHours().strip(),
        p.paused(),
        skills);
  }

  /** What is wrong with a {@link #normalise normalised} profile; empty when it can be stored. */
  public static List<FieldError> check(Profile p, ProfileLimits limits) {
    List<FieldError> errors = new ArrayList<>();
    DisplayNames.check(p.displayName()).ifPresent(errors::add);
    text("bio", p.bio(), limits.maxBio(), true, errors);
    text("city", p.city(), limits.maxCity(), false, errors);
    text("weeklyHours", p.weeklyHours(), limits.maxWeeklyHours(), false, errors);
    if (p.languages().size() > limits.maxLanguages()) {
      errors.add(new FieldError("languages", "at most " + limits.maxLanguages() + " languages"));
    }
    for (int i = 0; i < p.languages().size(); i++) {
      String l = p.languages().get(i);
      if (!LANGUAGES.contains(l)) {
        errors.add(
            new FieldError(
                "languages[" + i + "]", "'" + clip(l) + "' is not an ISO 639-1 language code"));
      }
    }
    if (!p.country().isEmpty() && !COUNTRIES.contains(p.country())) {
      errors.add(
          new FieldError(
              "country", "'" + clip(p.country()) + "' is not an ISO 3166-1 alpha-2 country code"));
    }
    p.coordinates()
        .ifPresent(
            c -> {
              if (!(c.latitude() >= -90 && c.latitude() <= 90)) {
                errors.add(new FieldError("latitude", "latitude must be between -90 and 90"));
              }
              if (!(c.longitude() >= -180 && c.longitude() <= 180)) {
                errors.add(new FieldError("longitude", "longitude must be between -180 and 180"));
              }
            });
    if (!ZONES.contains(p.timeZone())) {
      errors.add(
          new FieldError("timeZone", "'" + clip(p.timeZone()) + "' is not an IANA time zone id"));
    }
    if (p.skills().size() > limits.maxSkills()) {
      errors.add(new FieldError("skills", "at most " + limits.maxSkills() + " skills"));
    }
    for (int i = 0; i < p.skills().size(); i++) {
      String v = p.skills().get(i).value();
      if (v.isEmpty() || v.length() > MAX_SKILL || !SKILL.matcher(v).matches()) {
        errors.add(
            new FieldError(
                "skills[" + i + "]",
                "a skill is 1 to "
                    + MAX_SKILL
                    + " letters, digits, spaces or . _ : ' & + / ( ) # -"));
      }
    }
    return errors;
  }

  /** {@code c} trimmed: the email lower-cased, the phone without spaces, dots, dashes, brackets. */
  public static ContactChannels normalise(ContactChannels c) {
    return new ContactChannels(
        c.email().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)),
        c.phone().map(s -> PHONE_PUNCTUATION.matcher(s).replaceAll("")).filter(s -> !s.isEmpty()),
        c.video().map(String::strip).filter(s -> !s.isEmpty()));
  }

  /** What is wrong with {@link #normalise normalised} channels; messages never quote them. */
  public static List<FieldError> check(ContactChannels c) {
    List<FieldError> errors = new ArrayList<>();
    c.email()
        .filter(e -> EmailAddress.parse(e).isEmpty())
        .ifPresent(e -> errors.add(new FieldError("email", "not a valid email address")));
    c.phone()
        .filter(p -> !E164.matcher(p).matches())
        .ifPresent(
            p ->
                errors.add(
                    new FieldError(
                        "phone", "a phone number in international form, e.g. +49 30 1234567")));
    c.video()
        .filter(v -> !isHttpsLink(v))
        .ifPresent(
            v -> errors.add(new FieldError("video", "a video-call link must be an https:// URL")));
    return errors;
  }

  static boolean isHttpsLink(String s) {
    if (s.length() > MAX_URL || s.codePoints().anyMatch(ch -> ch <= 0x20 || ch == 0x7f)) {
      return false;
    }
    try {
      URI uri = new URI(s);
      return "https".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && !uri.getHost().isEmpty()
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void text(
      String field, String value, int max, boolean multiline, List<FieldError> errors) {
    if (value.codePointCount(0, value.length()) > max) {
      errors.add(new FieldError(field, "at most " + max + " characters"));
    }
    boolean bad =
        value
            .codePoints()
            .anyMatch(
                ch ->
                    Character.isISOControl(ch)
                        && !(multiline && (ch == '\n' || ch == '\r' || ch == '\t')));
    if (bad) errors.add(new FieldError(field, "control characters are not allowed"));
  }

  /** A bad key shown in a message, cut short so a message stays a message. */
  private static String clip(String s) {
    String printable =
        s.codePoints()
            .filter(ch -> !Character.isISOControl(ch))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }

  static Optional<String> optional(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
