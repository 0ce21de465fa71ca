package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.cluster.DocSignals.Outcome;
import io.fixfinder.indexer.embed.Embedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@link DocSignals} from records: one batched embedding call for many records.
 *
 * <p>The quality of a record, used to pick the top record per source kind of a cluster, is kept
 * simple: a thread scores 10 for an accepted answer plus the accepted answer's votes and half the
 * top votes; a manual section 10 when it gives a remedy (2 otherwise); a video log10(views) +
 * log10(likes); a review 5 x rating / best rating; a product page its rating plus log10(reviews); a
 * repair report 3 when Fixed, 1 when Repairable. Any record that reports a fix gets 1 more.
 */
final class Signals {
  /** The embedded text is cut here: the title and opening carry the fault, and it is cheaper. */
  static final int EMBED_CHARS = 500;

  static final int FACET_CHARS = 2000;

  private final Embedder embedder;
  private final FaultVocabulary vocabulary;
  private final FaultAreas areas;
  private final Set<String> typeWideCodes = new HashSet<>();
  private final Set<String> brandWords = new HashSet<>();

  Signals(Embedder embedder, FaultVocabulary vocabulary, Lexicon lexicon, FaultAreas areas) {
    this.embedder = embedder;
    this.vocabulary = vocabulary;
    this.areas = areas;
    for (Lexicon.Brand b : lexicon.brands()) {
      brandWords.addAll(TextTools.words(b.name()));
      b.aliases().forEach(a -> brandWords.addAll(TextTools.words(a)));
      b.lines().keySet().forEach(l -> brandWords.addAll(TextTools.words(l)));
    }
    // "Laptop", "tumble dryer": a product type names no fault, so it never makes a label either
    for (Lexicon.ProductType t : lexicon.types()) {
      brandWords.addAll(TextTools.words(t.label()));
      t.synonyms().forEach(s -> brandWords.addAll(TextTools.words(s)));
    }
    for (Lexicon.CodeGroup g : lexicon.codeGroups()) {
      g.codes().keySet().forEach(c -> typeWideCodes.add(c.toUpperCase(Locale.ROOT)));
    }
  }

  List<DocSignals> of(List<SourceDoc> docs) {
    List<String> texts = new ArrayList<>(docs.size());
    for (SourceDoc d : docs) texts.add(cut(embedText(d), EMBED_CHARS));
    List<float[]> vectors = embedder.embed(texts);
    List<DocSignals> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) out.add(of(docs.get(i), vectors.get(i)));
    return out;
  }

  DocSignals of(SourceDoc d, float[] vector) {
    float[] scale = new float[1];
    byte[] q = DocSignals.quantise(vector, scale);
    return of(d, q, scale[0]);
  }

  /** The signals of a record whose embedding is already known (its content did not change). */
  DocSignals of(SourceDoc d, byte[] q, float scale) {
    String family = d.product().type();
    Set<String> facets =
        new LinkedHashSet<>(vocabulary.facets(family, cut(faultText(d), FACET_CHARS)));
    facets.addAll(d.symptoms());
    // only the vocabulary that fits the product type: a washing machine's E15 is no charger fault
    if (!family.isEmpty()) facets.removeIf(f -> !areas.fits(family, f));
    boolean general = general(d);
    if (general) facets.clear();
    List<String> codes = new ArrayList<>();
    for (String code : general ? List.<String>of() : d.errorCodes()) {
      String c = code.toUpperCase(Locale.ROOT);
      String key =
          typeWideCodes.contains(c)
              ? c
              : (d.product().brand().isEmpty() ? "?" : d.product().brand()) + ":" + c;
      if (!codes.contains(key)) codes.add(key);
    }
    Outcome outcome = Outcome.NONE;
    if (d.details() instanceof Details.RepairReport r) outcome = outcome(r.outcome());
    String labelText = labelText(d);
    return new DocSignals(
        d.id(),
        hash(contentKey(d)),
        hash(d.toString()),
        family,
        d.product().brand(),
        d.product().model(),
        codes,
        List.copyOf(facets),
        q,
        scale,
        d.kind(),
        quality(d),
        d.fixReported(),
        outcome,
        general ? List.of() : TextTools.phrases(labelText, 16, productWords(d)),
        general || d.details() instanceof Details.Product
            ? 0
            : TextTools.specificWords(labelText(d, false)));
  }

  /**
   * The text a record's label phrases come from: a repair report's problem; a manual section's
   * problem row ("Grinder very loud", not "CM-320 – Troubleshooting — ..."); nothing of a product
   * page, whose title names the product ("Barista Espresso Machine, Black"), not a fault; else the
   * title. A product page that names no fault facet or code is therefore undescribed.
   */
  static String labelText(SourceDoc d) {
    return labelText(d, true);
  }

  /** {@code forLabel} false: the text whose words decide "undescribed" (the title, as before). */
  private static String labelText(SourceDoc d, boolean forLabel) {
    if (d.kind() == io.fixfinder.core.model.SourceKind.REPAIR_REPORT || d.title().isBlank())
      return cut(d.text(), 300);
    if (!forLabel) return d.title();
    return switch (d.details()) {
      case Details.Product p -> "";
      case Details.ManualSection m when !m.problem().isBlank() -> m.problem();
      default -> d.title();
    };
  }

  /** Words of headings that treat no single fault (general-sections.txt). */
  private static final Set<String> GENERAL_SECTIONS =
      new HashSet<>(TextTools.resourceLines("general-sections.txt"));

  /**
   * Whether a record treats no single fault, though it may name codes and symptoms in passing: a
   * page whose title ends in a general heading ("4 Care and cleaning", "Troubleshooting",
   * "Contents"), or a table listing three codes or more. Repair reports are always about their
   * fault. Such a record joins no fault's cluster: a care page is not the E18 issue.
   */
  static boolean general(SourceDoc d) {
    if (d.kind() == io.fixfinder.core.model.SourceKind.REPAIR_REPORT) return false;
    if (d.errorCodes().stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().count() >= 3)
      return true;
    String title = d.title();
    int cut = Math.max(Math.max(title.lastIndexOf('—'), title.lastIndexOf('–')), -1);
    String heading = title.substring(cut + 1);
    boolean any = false;
    for (String w : TextTools.words(heading)) {
      if (w.chars().allMatch(Character::isDigit) || TextTools.STOPWORDS.contains(w)) continue;
      if (!GENERAL_SECTIONS.contains(w)) return false;
      any = true;
    }
    return any;
  }

  /** Brand names (all of the lexicon's) and the record's model words never make a label. */
  private Set<String> productWords(SourceDoc d) {
    Set<String> out = new HashSet<>(brandWords);
    out.addAll(TextTools.words(d.product().model()));
    out.addAll(TextTools.words(d.product().brand()));
    return out;
  }

  /** Repair reports' titles are made from category and brand: only the problem text is theirs. */
  static String embedText(SourceDoc d) {
    if (d.kind() == io.fixfinder.core.model.SourceKind.REPAIR_REPORT || d.title().isBlank())
      return d.text();
    return d.title() + ". " + d.text();
  }

  static String faultText(SourceDoc d) {
    return embedText(d);
  }

  static String contentKey(SourceDoc d) {
    return String.join(
        "\u0001",
        d.kind().id(),
        d.title(),
        d.text(),
        d.product().toString(),
        d.errorCodes().toString(),
        d.symptoms().toString());
  }

  static Outcome outcome(String status) {
    String s = status.strip().toLowerCase(Locale.ROOT);
    if (s.equals("fixed")) return Outcome.FIXED;
    if (s.equals("repairable")) return Outcome.REPAIRABLE;
    if (s.equals("end of life") || s.equals("end-of-life")) return Outcome.END_OF_LIFE;
    return Outcome.NONE;
  }

  static float quality(SourceDoc d) {
    double q =
        switch (d.details()) {
          case Details.Thread t ->
              (t.hasAcceptedAnswer() ? 10 : 0) + t.acceptedVotes() + 0.5 * t.topVotes();
          case Details.ManualSection m -> m.remedy().isBlank() ? 2 : 10;
          case Details.Guide g -> g.steps().isEmpty() ? 2 : 10;
          case Details.Video v -> Math.log10(1 + v.views()) + Math.log10(1 + v.likes());
          case Details.Review r -> r.bestRating() > 0 ? 5 * r.rating() / r.bestRating() : 0;
          case Details.Product p -> p.ratingValue() + Math.log10(1 + p.reviewCount());
          case Details.RepairReport r ->
              switch (outcome(r.outcome())) {
                case FIXED -> 3;
                case REPAIRABLE -> 1;
                default -> 0;
              };
          case Details.None n -> 0;
        };
    return (float) (q + (d.fixReported() ? 1 : 0));
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  /** 64-bit FNV-1a over UTF-8: stable across runs and JVMs, unlike String.hashCode collisions. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
