package io.fixfinder.api.account;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.helpers.Skill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a helper's skill may name, so that it matches searches and issues: a product type or brand
 * as the indexer's lexicon knows it, an issue cluster or fault area of the index being served. A
 * skill outside it would never match anything, so it is refused, with the nearest known value when
 * there is one ("Aqualin": did you mean Aqualine?), and a known one is written as the lexicon
 * writes it ("aqualine" becomes "Aqualine"). Models are open: the indexer keys model numbers it has
 * never seen by their shape, so any well-formed one may match; a model the lexicon knows is written
 * its way.
 */
public final class SkillVocabulary {
  private final Lexicon lexicon;
  private final Predicate<String> issueExists;
  private final Predicate<String> areaExists;

  /**
   * @param issueExists whether an id names an issue cluster of the served index
   * @param areaExists whether an id names a fault area of it
   */
  public SkillVocabulary(
      Lexicon lexicon, Predicate<String> issueExists, Predicate<String> areaExists) {
    this.lexicon = lexicon;
    this.issueExists = issueExists;
    this.areaExists = areaExists;
  }

  /** The skills as the lexicon writes them, unknown ones left as they are (see {@link #check}). */
  List<Skill> canonical(List<Skill> skills) {
    return skills.stream().map(s -> new Skill(s.kind(), canonical(s))).toList();
  }

  /** One error per skill that names nothing known, at {@code skills[i]}. */
  List<FieldError> check(List<Skill> skills) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      Skill s = skills.get(i);
      String v = s.value().strip();
      Optional<String> why =
          switch (s.kind()) {
            case TYPE ->
                lexicon.type(v.toLowerCase(Locale.ROOT)).isPresent()
                    ? Optional.empty()
                    : Optional.of(
                        "no product type '"
                            + v
                            + "'"
                            + nearest(v, lexicon.types().stream().map(Lexicon.ProductType::id)));
            case BRAND ->
                lexicon.brand(v).isPresent()
                    ? Optional.empty()
                    : Optional.of(
                        "no brand '"
                            + v
                            + "' in our lexicon"
                            + nearest(v, lexicon.brands().stream().map(Lexicon.Brand::name)));
            case ISSUE ->
                issueExists.test(v)
                    ? Optional.empty()
                    : Optional.of(
                        "no issue with the id '" + v + "' (the id is in an issue's address)");
            case AREA ->
                areaExists.test(v)
                    ? Optional.empty()
                    : Optional.of("no fault area with the id '" + v + "'");
            case MODEL -> Optional.empty();
          };
      final int at = i;
      why.ifPresent(w -> errors.add(new FieldError("skills[" + at + "]", w)));
    }
    return errors;
  }

  private String canonical(Skill s) {
    String v = s.value().strip();
    return switch (s.kind()) {
      case TYPE -> v.toLowerCase(Locale.ROOT);
      case BRAND -> lexicon.brand(v).map(Lexicon.Brand::name).orElse(v);
      case MODEL ->
          lexicon.brands().stream()
              .flatMap(b -> b.models().keySet().stream())
              .filter(m -> squash(m).equals(squash(v)))
              .findFirst()
              .orElse(v);
      case ISSUE, AREA -> v;
    };
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** ": did you mean X?" for a known value within two edits, else "". */
  private static String nearest(String typed, Stream<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    return known
        .map(k -> new Object[] {k, distance(t, k.toLowerCase(Locale.ROOT))})
        .filter(p -> (int) p[1] <= 2)
        .min(Comparator.comparingInt(p -> (int) p[1]))
        .map(p -> ": did you mean " + p[0] + "?")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
