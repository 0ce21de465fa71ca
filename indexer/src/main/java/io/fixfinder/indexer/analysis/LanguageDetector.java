package io.fixfinder.indexer.analysis;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.analysis.chain.AnalysisChains;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Tells the language of a record or a query from its words: each word that is a stop word of a
 * language (Lucene's Snowball lists) or a fault word of it ({@code fault-words.txt}: appliances,
 * parts, "broken", "repaired") counts for that language, split evenly among the languages that
 * share it ("die" is a German and a Dutch stop word: half for each). A fault word counts double: a
 * short query ("wasmachine pompt niet af") often has one stop word at most.
 *
 * <p>Chosen over an n-gram detector (optimaize language-detector) because the texts that matter
 * most are short queries, where character n-grams are unreliable and a repair word is decisive;
 * because it adds no dependency (the stop lists ship in the Lucene module the analysis already
 * uses); and because it is deterministic and costs one hash lookup per word. It knows only the six
 * languages the analysis has fields for; any other language reads as "no evidence".
 */
public final class LanguageDetector {
  /** A fault word's weight against a stop word's 1. */
  static final double FAULT_WORD_WEIGHT = 2.0;

  /** A record's country (Open Repair Data) counts as this many words of its language. */
  static final double COUNTRY_WEIGHT = 3.0;

  /** A record's text must give its best language this much evidence... */
  static final double MIN_EVIDENCE = 2.0;

  /** ...and this many times the evidence of the runner-up. */
  static final double MIN_MARGIN = 1.5;

  /** A query searches every language whose evidence is at least this share of the best's. */
  static final double QUERY_SHARE = 0.5;

  /** Characters of a record read: the opening tells the language. */
  static final int RECORD_CHARS = 2000;

  /** Words are letters and apostrophes; a token with a digit ("E18", "A1278") is no word. */
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}'’]+");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final LanguageDetector DEFAULT = new LanguageDetector();

  /** word -> (language -> weight), weights already split among the languages sharing the word. */
  private final Map<String, Map<Language, Double>> evidence;

  private LanguageDetector() {
    Map<String, EnumSet<Language>> stops = new HashMap<>();
    Map<String, EnumSet<Language>> faults = new HashMap<>();
    for (Language l : Language.values()) {
      for (Object w : stopWords(l)) {
        stops
            .computeIfAbsent(fold(new String((char[]) w)), k -> EnumSet.noneOf(Language.class))
            .add(l);
      }
    }
    faultWords()
        .forEach(
            (l, words) ->
                words.forEach(
                    entry -> {
                      // "lave-linge" is two words to the text's word breaks
                      for (String w : WORD_BREAK.split(entry)) {
                        if (!w.isEmpty())
                          faults
                              .computeIfAbsent(fold(w), k -> EnumSet.noneOf(Language.class))
                              .add(l);
                      }
                    }));
    Map<String, Map<Language, Double>> e = new HashMap<>();
    stops.forEach((w, ls) -> ls.forEach(l -> add(e, w, l, 1.0 / ls.size())));
    faults.forEach((w, ls) -> ls.forEach(l -> add(e, w, l, FAULT_WORD_WEIGHT / ls.size())));
    this.evidence = e;
  }

  private static void add(Map<String, Map<Language, Double>> e, String w, Language l, double v) {
    e.computeIfAbsent(w, k -> new EnumMap<>(Language.class)).merge(l, v, Double::sum);
  }

  /** The detector over the shipped word lists (immutable, shared). */
  public static LanguageDetector get() {
    return DEFAULT;
  }

  /** Evidence per language for {@code text}. */
  public Evidence evidence(String text) {
    EnumMap<Language, Double> scores = new EnumMap<>(Language.class);
    for (String raw : WORD_BREAK.split(text)) {
      if (raw.isEmpty() || raw.chars().anyMatch(Character::isDigit)) continue;
      String w = fold(raw);
      Map<Language, Double> hit = evidence.get(w);
      if (hit == null && w.indexOf('\'') >= 0) {
        // "l'eau", "won't": the parts ("l" is a French stop word)
        for (String part : w.split("'")) {
          Map<Language, Double> h = evidence.get(part);
          if (h != null) h.forEach((l, v) -> scores.merge(l, v, Double::sum));
        }
        continue;
      }
      if (hit != null) hit.forEach((l, v) -> scores.merge(l, v, Double::sum));
    }
    return new Evidence(scores);
  }

  /**
   * The language of a record: its text's, when the text gives clear evidence (the record's country
   * counts as {@link #COUNTRY_WEIGHT} words of its language); otherwise its country's; otherwise
   * none.
   */
  public Optional<Language> ofRecord(SourceDoc doc) {
    String text = doc.title() + "\n" + doc.text();
    if (text.length() > RECORD_CHARS) text = text.substring(0, RECORD_CHARS);
    Optional<Language> country =
        doc.details() instanceof Details.RepairReport r
            ? Language.ofCountry(r.country())
            : Optional.empty();
    Evidence ev = evidence(text);
    if (country.isPresent()) ev = ev.plus(country.get(), COUNTRY_WEIGHT);
    Optional<Language> best = ev.confident();
    return best.isPresent() ? best : country;
  }

  /**
   * The languages a query is searched in beside English: those with at least {@link #QUERY_SHARE}
   * of the best language's evidence and more than English has; when the query gives no evidence at
   * all (a model number, a brand, a word on no list), every language, since it may be any of them.
   */
  public Set<Language> ofQuery(String query) {
    Evidence ev = evidence(query);
    if (ev.total() == 0) return EnumSet.copyOf(Language.OTHERS);
    EnumSet<Language> out = EnumSet.noneOf(Language.class);
    double best = ev.best();
    double english = ev.scores().getOrDefault(Language.EN, 0.0);
    // English must be outweighed: "problem with the cable" is English, "cable" notwithstanding
    ev.scores()
        .forEach(
            (l, v) -> {
              if (l != Language.EN && v > english && v >= QUERY_SHARE * best) out.add(l);
            });
    return out;
  }

  /** Whether {@code word} (one word, any case) is a stop word of one of {@code languages}. */
  public static boolean isStopWord(String word, Set<Language> languages) {
    // "nicht." and "(die" are the word; "Power-LED" is two words, no stop word
    String w = EDGES.matcher(word).replaceAll("").toLowerCase(Locale.ROOT);
    if (w.isEmpty()) return false;
    for (Language l : languages) {
      if (STOPS.get(l).contains(w)) return true;
    }
    return false;
  }

  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

  private static final Map<Language, CharArraySet> STOPS = new java.util.EnumMap<>(Language.class);

  static {
    for (Language l : Language.values()) STOPS.put(l, stopWords(l));
  }

  /** Evidence per language (absent: none). */
  public record Evidence(Map<Language, Double> scores) {
    public Evidence {
      scores = Map.copyOf(scores);
    }

    Evidence plus(Language l, double v) {
      EnumMap<Language, Double> m = new EnumMap<>(Language.class);
      m.putAll(scores);
      m.merge(l, v, Double::sum);
      return new Evidence(m);
    }

    public double total() {
      return scores.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double best() {
      return scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The best language when it has enough evidence and a clear margin over the runner-up. */
    public Optional<Language> confident() {
      List<Map.Entry<Language, Double>> ranked = new ArrayList<>(scores.entrySet());
      ranked.sort(Map.Entry.<Language, Double>comparingByValue().reversed());
      if (ranked.isEmpty() || ranked.get(0).getValue() < MIN_EVIDENCE) return Optional.empty();
      double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
      return ranked.get(0).getValue() >= MIN_MARGIN * second
          ? Optional.of(ranked.get(0).getKey())
          : Optional.empty();
    }
  }

  /** Lower case, accents off, apostrophes as {@code '}: the form both word lists and text take. */
  static String fold(String w) {
    String s = w.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (s.chars().anyMatch(c -> c >= 0x80)) {
      s = s.replace("ß", "ss");
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    return s;
  }

  /** A language's stop words: the Snowball list its Lucene analyzer uses. */
  static CharArraySet stopWords(Language l) {
    return AnalysisChains.stopWords(l.code());
  }

  private static Map<Language, List<String>> faultWords() {
    Map<Language, List<String>> out = new EnumMap<>(Language.class);
    try (InputStream in = LanguageDetector.class.getResourceAsStream("fault-words.txt")) {
      if (in == null) throw new IllegalStateException("fault-words.txt missing from the jar");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String read;
      while ((read = r.readLine()) != null) {
        String line = read.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        int colon = line.indexOf(':');
        Language l =
            Language.ofTag(line.substring(0, Math.max(0, colon)))
                .orElseThrow(() -> new IllegalStateException("fault-words.txt: bad line " + line));
        out.computeIfAbsent(l, k -> new ArrayList<>())
            .addAll(List.of(line.substring(colon + 1).strip().split("\\s+")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fault-words.txt", e);
    }
    return out;
  }
}
