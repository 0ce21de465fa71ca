package io.fixfinder.indexer.eval.search;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Queries a corpus cannot answer, built for it deterministically: faults of products no record of
 * the corpus is keyed with or names (the lexicon's product types the corpus lacks, and the devices
 * the lexicon knows are none of its types: "fridge making noise" against laptop repairs), random
 * letter strings, and questions that are not about repairs at all. Every result of such a query is
 * irrelevant, so a confident answer to one is a false confidence. Written from the lexicon and the
 * corpus's own keys, not per set: each set gets the types it lacks.
 */
public final class Unanswerable {
  private Unanswerable() {}

  /** Random strings and absent-type faults per set; seed of the strings. */
  public static final int GIBBERISH = 20;

  public static final int ABSENT_TYPE = 40;
  public static final long SEED = 14;

  /** Questions outside repair, any corpus. */
  static final List<String> OFF_TOPIC =
      List.of(
          "chocolate cake recipe without eggs",
          "cheap flights to lisbon in may",
          "who won the football match yesterday",
          "how to write a cover letter",
          "best hiking trails near the lake",
          "what is the capital of australia",
          "learn to play guitar chords",
          "weather forecast for the weekend",
          "how many calories in a banana",
          "train timetable from berlin to hamburg",
          "meaning of the word serendipity",
          "how to train a puppy to sit",
          "history of the roman empire",
          "tips for a job interview",
          "how to grow tomatoes on a balcony",
          "poem about the sea",
          "income tax deadline this year",
          "yoga exercises for back pain",
          "how to knit a scarf for beginners",
          "when does the museum open on sunday");

  /**
   * A query and what it stands for: {@code absent-type}, {@code gibberish} or {@code off-topic}.
   */
  public record Query(String text, String kind) {}

  /** The unanswerable queries for a corpus keyed as {@code docs}. */
  public static List<Query> of(List<SourceDoc> docs, Lexicon lexicon) {
    Set<String> present = new TreeSet<>();
    StringBuilder all = new StringBuilder(" ");
    for (SourceDoc d : docs) {
      present.add(d.product().type());
      all.append(spaced(d.title())).append(spaced(d.text()));
    }
    String text = all.toString();
    // Products no record is keyed with and no record names: our types the corpus lacks (by none
    // of their words: a corpus that says "printer" answers "my printer ..." whatever its keys), and
    // the devices the lexicon knows are none of our types. A type is asked for by its first word.
    Set<String> names = new TreeSet<>();
    for (Lexicon.ProductType t : lexicon.types()) {
      List<String> words = new ArrayList<>();
      words.add(t.label());
      words.add(t.id().replace('-', ' '));
      words.addAll(t.synonyms());
      boolean named = words.stream().anyMatch(w -> text.contains(spaced(w)));
      if (!present.contains(t.id()) && !named) names.add(askedFor(t));
    }
    // A device is absent only when no device inside its name is named either: a corpus with
    // "microwave" guides answers "my microwave oven ...", one with "shredder" "my paper shredder".
    for (String d : lexicon.otherDevices()) {
      boolean named =
          lexicon.otherDevices().stream()
              .anyMatch(o -> spaced(d).contains(spaced(o)) && text.contains(spaced(o)));
      if (!named) names.add(d.toLowerCase(Locale.ROOT));
    }
    List<String> absent = List.copyOf(names);
    List<Lexicon.Symptom> symptoms =
        lexicon.symptoms().stream()
            .filter(s -> !s.phrases().isEmpty())
            .sorted(java.util.Comparator.comparing(Lexicon.Symptom::id))
            .toList();
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < ABSENT_TYPE && !absent.isEmpty() && !symptoms.isEmpty(); i++) {
      // every absent product in turn (a stride sharing a factor with their count skipped some)
      String type = absent.get(i % absent.size());
      Lexicon.Symptom s = symptoms.get((i * 7) % symptoms.size());
      String fault = s.phrases().get(0);
      out.add(
          new Query(i % 2 == 0 ? "my " + type + " " + fault : type + " " + fault, "absent-type"));
    }
    Random random = new Random(SEED);
    for (int i = 0; i < GIBBERISH; i++) {
      int words = 1 + random.nextInt(3);
      List<String> b = new ArrayList<>();
      while (b.size() < words) {
        int len = 3 + random.nextInt(5);
        StringBuilder w = new StringBuilder();
        for (int c = 0; c < len; c++) w.append((char) ('a' + random.nextInt(26)));
        // a random string that is a word of the corpus ("tap", "fan") is not gibberish there
        if (!text.contains(spaced(w.toString()))) b.add(w.toString());
      }
      out.add(new Query(String.join(" ", b), "gibberish"));
    }
    OFF_TOPIC.forEach(q -> out.add(new Query(q, "off-topic")));
    return out;
  }

  /** How a person names a type: its first synonym ("printer"), not its label ("Printer or ..."). */
  private static String askedFor(Lexicon.ProductType t) {
    return (t.synonyms().isEmpty() ? t.label() : t.synonyms().getFirst()).toLowerCase(Locale.ROOT);
  }

  private static String spaced(String s) {
    return " "
        + String.join(" ", s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip()
        + " ";
  }
}
