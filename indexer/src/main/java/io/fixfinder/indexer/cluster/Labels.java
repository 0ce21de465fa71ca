package io.fixfinder.indexer.cluster;

import io.fixfinder.core.understand.Lexicon;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Human-readable cluster labels, recomputed as a cluster grows (its id never changes):
 *
 * <ol>
 *   <li>a code carried by at least 30% of members: the code's meaning from the lexicon and the
 *       code, "Drain pump blocked (E18)"; without a known meaning the rest of the label plus the
 *       code;
 *   <li>the main facet's label when at least half the members mention it, "Won't drain";
 *   <li>a phrase of two or three words used by at least a fifth of the members (two at least),
 *       "Cracked screen";
 *   <li>the main facet's label when any member mentions one;
 *   <li>the most used phrase of two or three words that two members or more share, or such a lone
 *       word that names a fault facet; else "Other fault" (a cluster that names nothing says so).
 * </ol>
 *
 * <p>A phrase qualifies only if it neither starts nor ends on a function word ("water under") and
 * holds a word of three letters or more ("8 kg" does not). Phrases never hold brand, line, model or
 * product-type words or headings, and need a word that is not a colour or a unit ({@link Signals},
 * {@link TextTools}), so "Blue", "Rpm" and "Laptop ryzen" are never labels.
 */
final class Labels {
  static final String UNDESCRIBED = "Fault not described";

  /** A cluster whose records share no phrase and name no fault facet. */
  static final String OTHER = "Other fault";

  private final FaultVocabulary vocabulary;
  private final Map<String, String> meanings = new HashMap<>();

  Labels(FaultVocabulary vocabulary, Lexicon lexicon) {
    this.vocabulary = vocabulary;
    for (Lexicon.Brand b : lexicon.brands()) {
      b.codes().forEach((code, meaning) -> meanings.put(b.name() + ":" + code, meaning));
    }
    for (Lexicon.CodeGroup g : lexicon.codeGroups()) {
      g.codes().forEach((code, meaning) -> meanings.put(code.toUpperCase(Locale.ROOT), meaning));
    }
  }

  String label(ClusterState c, boolean catchAll) {
    if (catchAll) return UNDESCRIBED;
    int n = c.size();
    String base = base(c, n);
    String code = c.primaryCode();
    if (!code.isEmpty() && c.codes.get(code) * 10 >= 3 * n) {
      String shown = display(code);
      String meaning = meanings.get(code);
      if (meaning != null) return meaning + " (" + shown + ")";
      return base.isEmpty() ? "Error " + shown : base + " (" + shown + ")";
    }
    return base.isEmpty() ? OTHER : base;
  }

  /** A label does not end on these: "Water under" is half a phrase. */
  private static final java.util.Set<String> DANGLING =
      java.util.Set.of(
          "a",
          "an",
          "the",
          "of",
          "on",
          "in",
          "at",
          "to",
          "from",
          "with",
          "for",
          "by",
          "under",
          "over",
          "after",
          "before",
          "and",
          "or",
          "is",
          "not",
          "no",
          "when",
          "while",
          "my",
          "its",
          // half a clause: "Grinder making" (a loud noise)
          "making",
          "makes",
          "make",
          "getting",
          "gets",
          "keeps",
          "very",
          "are",
          "was",
          "has",
          "have",
          "does",
          "did");

  /** The same for the other languages of repair reports ({@code label-dangling.txt}). */
  private static final java.util.Set<String> DANGLING_OTHER =
      new java.util.HashSet<>(TextTools.resourceLines("label-dangling.txt"));

  /** Whether a phrase can stand as a label: ends on a content word, has a real word in it. */
  static boolean labelWorthy(String phrase) {
    String[] words = phrase.split(" ");
    String first = words[0];
    String last = words[words.length - 1];
    if (DANGLING.contains(first) || DANGLING.contains(last)) return false;
    if (DANGLING_OTHER.contains(first) || DANGLING_OTHER.contains(last)) return false;
    for (String w : words) {
      if (w.length() >= 3 && w.chars().allMatch(Character::isLetter)) return true;
    }
    return false;
  }

  private String base(ClusterState c, int n) {
    // A facet most members share names the fault better than any phrase of theirs.
    String facet = c.primaryFacet();
    if (!facet.isEmpty() && c.facets.get(facet) * 2 >= n) return vocabulary.label(facet);
    String phrase = "";
    double best = 0;
    int needed = Math.max(2, (int) Math.ceil(n / 5.0));
    for (Map.Entry<String, Integer> e : c.phrases.entrySet()) {
      String p = e.getKey();
      int words = p.split(" ").length;
      if (words < 2 || e.getValue() < needed || !labelWorthy(p)) continue;
      double score = e.getValue() * (1 + 0.25 * (words - 1));
      if (score > best || (score == best && p.compareTo(phrase) < 0)) {
        best = score;
        phrase = p;
      }
    }
    if (!phrase.isEmpty()) return capitalise(phrase);
    // Any facet a member names says more than a phrase nobody else used ("Barista", "Blue").
    if (!facet.isEmpty()) return vocabulary.label(facet);
    String any = "";
    int most = 0;
    for (Map.Entry<String, Integer> e : c.phrases.entrySet()) {
      // one member's phrase describes that member, not a cluster ("Assessed but problem")
      if (e.getValue() < 2 || !labelWorthy(e.getKey())) continue;
      // a lone word is a label only when it names a fault ("Leaking"), not a model or a feature
      if (!e.getKey().contains(" ") && vocabulary.facets(c.family, e.getKey()).isEmpty()) continue;
      if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(any) < 0)) {
        most = e.getValue();
        any = e.getKey();
      }
    }
    return any.isEmpty() ? "" : capitalise(any);
  }

  /** The code as people read it: {@code Aqualine:E18} shows as {@code E18}. */
  static String display(String codeKey) {
    int i = codeKey.indexOf(':');
    return i < 0 ? codeKey : codeKey.substring(i + 1);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
