package io.fixfinder.ui;

import io.fixfinder.core.helpers.match.HelperCard;
import io.fixfinder.core.helpers.match.Languages;
import io.fixfinder.core.understand.Lexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The helper directory page ({@code GET /helpers}): the filters as the visitor gave them (shown
 * back in the form, so the URL and the form always agree), the helpers they found, best first, and
 * an error when a filter could not be read.
 *
 * @param shown the helpers on the page, at most {@link #SHOWN}
 * @param more whether more helpers matched than are shown (the directory ranks, it does not page)
 * @param error what was wrong with the filters; the page then lists nobody
 */
public record HelpersPage(
    Filters filters, List<HelperCard> shown, boolean more, Optional<String> error) {
  /** Helpers a page shows; the directory answers at most 100 per query. */
  public static final int SHOWN = 50;

  private static final Lexicon LEXICON = Lexicon.builtIn();

  /** Every ISO 639-1 language by English name, for the language menu: computed once. */
  private static final List<Map.Entry<String, String>> LANGUAGES = languages();

  public HelpersPage {
    Objects.requireNonNull(filters);
    shown = List.copyOf(shown);
    Objects.requireNonNull(error);
  }

  /**
   * The filters as typed (blank when not given): {@code /api/helpers}'s parameters. {@code issue}
   * is not in the form; a link may carry it and the form keeps it.
   */
  public record Filters(
      String type,
      String brand,
      String model,
      String lang,
      String near,
      String radius,
      boolean availableNow,
      String issue) {
    public static final Filters NONE = new Filters("", "", "", "", "", "", false, "");

    public Filters {
      type = clean(type);
      brand = clean(brand);
      model = clean(model);
      lang = clean(lang);
      near = clean(near);
      radius = clean(radius);
      issue = clean(issue);
    }

    private static String clean(String s) {
      return s == null ? "" : s.strip();
    }

    /** Whether any filter narrows the list (a language only ranks, so it does not). */
    public boolean narrowed() {
      return !(type.isEmpty()
          && brand.isEmpty()
          && model.isEmpty()
          && near.isEmpty()
          && !availableNow
          && issue.isEmpty());
    }
  }

  /** A menu choice: its value, its label, whether it is the one chosen. */
  public record Option(String value, String label, boolean selected) {}

  /** The product types of the lexicon by name, and the chosen type even when it is not one. */
  public List<Option> typeOptions() {
    List<Option> out = new ArrayList<>();
    boolean known = false;
    for (Lexicon.ProductType t :
        LEXICON.types().stream()
            .sorted(Comparator.comparing(Lexicon.ProductType::label))
            .toList()) {
      boolean chosen = t.id().equals(filters.type());
      known |= chosen;
      out.add(new Option(t.id(), t.label(), chosen));
    }
    if (!known && !filters.type().isEmpty()) {
      out.add(0, new Option(filters.type(), Display.type(filters.type()), true));
    }
    return out;
  }

  /** Every language by name; the chosen one by its code, as the form sends it. */
  public List<Option> languageOptions() {
    String chosen = filters.lang().toLowerCase(Locale.ROOT);
    List<Option> out = new ArrayList<>(LANGUAGES.size());
    for (Map.Entry<String, String> l : LANGUAGES) {
      out.add(new Option(l.getKey(), l.getValue(), l.getKey().equals(chosen)));
    }
    return out;
  }

  /** "3 helpers", or, past the page, "The 50 best of more than 50 helpers". */
  public String count() {
    if (more) return "The " + SHOWN + " best matches of more than " + SHOWN + " helpers";
    return Display.plural(shown.size(), "helper", "helpers");
  }

  /**
   * What the filters asked for, in words: "washing machines, brand Aqualine, available now". Empty
   * when nothing narrows the list.
   */
  public String asked() {
    List<String> parts = new ArrayList<>();
    if (!filters.type().isEmpty()) parts.add(Display.type(filters.type()).toLowerCase(Locale.ROOT));
    if (!filters.brand().isEmpty()) parts.add("brand " + filters.brand());
    if (!filters.model().isEmpty()) parts.add("model " + filters.model());
    if (!filters.issue().isEmpty()) parts.add("the issue you came from");
    if (!filters.near().isEmpty()) {
      String km = filters.radius().isEmpty() ? "50" : filters.radius();
      parts.add("within " + km + " km of " + filters.near());
    }
    if (filters.availableNow()) parts.add("available now");
    return String.join(", ", parts);
  }

  private static List<Map.Entry<String, String>> languages() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String code : Locale.getISOLanguages()) {
      String name = Languages.name(code);
      // a code Java knows no English name for would show as the bare code: not worth offering
      if (!name.isEmpty() && !name.equals(code)) out.add(Map.entry(code, name));
    }
    out.sort(Map.Entry.comparingByValue());
    return List.copyOf(out);
  }
}
