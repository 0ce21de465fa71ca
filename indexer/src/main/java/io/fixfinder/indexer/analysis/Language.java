package io.fixfinder.indexer.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the analysis knows: English, which the main prose field is analysed for, and the
 * languages of Open Repair Data, each with its own stemmed prose field.
 */
public enum Language {
  EN,
  DE,
  NL,
  FR,
  ES,
  IT;

  /** ISO 639-1 code, lower case ("de"). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The languages with their own stemmed field: every one but English. */
  public static final java.util.List<Language> OTHERS = java.util.List.of(DE, NL, FR, ES, IT);

  /** By ISO 639-1 code or a language tag ("de", "de-AT", "nl_BE"), any case. */
  public static Optional<Language> ofTag(String tag) {
    if (tag == null || tag.length() < 2) return Optional.empty();
    String primary = tag.strip().split("[-_]", 2)[0].toUpperCase(Locale.ROOT);
    for (Language l : values()) if (l.name().equals(primary)) return Optional.of(l);
    return Optional.empty();
  }

  /**
   * The language of a country code (ISO 3166 alpha-2 or alpha-3, as Open Repair Data writes it),
   * when the country has one main language; empty for Belgium, Switzerland and the unknown.
   */
  public static Optional<Language> ofCountry(String country) {
    if (country == null) return Optional.empty();
    return Optional.ofNullable(
        switch (country.strip().toUpperCase(Locale.ROOT)) {
          case "DE", "DEU", "AT", "AUT" -> DE;
          case "NL", "NLD" -> NL;
          case "FR", "FRA" -> FR;
          case "ES", "ESP" -> ES;
          case "IT", "ITA" -> IT;
          case "GB", "GBR", "UK", "US", "USA", "IE", "IRL", "AU", "AUS", "NZ", "NZL" -> EN;
          default -> null;
        });
  }
}
