package io.fixfinder.crawler.youtube;

import io.fixfinder.core.understand.Lexicon;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YouTube searches worth paying for: for every known model, one "repair" query and one per
 * documented error code of its brand ("Aqualine WM-8420X E18 Drain pump blocked fix").
 */
public final class FixQueries {
  private FixQueries() {}

  public static List<String> from(Lexicon lexicon) {
    Set<String> queries = new LinkedHashSet<>();
    for (Lexicon.Brand brand : lexicon.brands()) {
      for (Map.Entry<String, String> model :
          brand.models().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        String type =
            lexicon
                .type(model.getValue())
                .map(Lexicon.ProductType::label)
                .orElse("")
                .toLowerCase(java.util.Locale.ROOT);
        queries.add(brand.name() + " " + model.getKey() + " " + type + " repair");
        for (Map.Entry<String, String> code :
            brand.codes().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
          queries.add(
              brand.name()
                  + " "
                  + model.getKey()
                  + " "
                  + code.getKey()
                  + " "
                  + code.getValue()
                  + " fix");
        }
      }
    }
    return new ArrayList<>(queries);
  }
}
