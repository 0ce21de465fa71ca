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
  private final Set<String> typeWideCodes = new HashSet<>();
  private final Set<String> brandWords = new HashSet<>();

  Signals(Embedder embedder, FaultVocabulary vocabulary, Lexicon lexicon) {
    this.embedder = embedder;
    this.vocabulary = vocabulary;
    for (Lexicon.Brand b : lexicon.brands()) {
      brandWords.addAll(TextTools.words(b.name()));
      b.aliases().forEach(a -> brandWords.addAll(TextTools.words(a)));
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
    List<String> codes = new ArrayList<>();
    for (String code : d.errorCodes()) {
      String c = code.toUpperCase(Locale.ROOT);
      String key =
          typeWideCodes.contains(c)
              ? c
              : (d.product().brand().isEmpty() ? "?" : d.product().brand()) + ":" + c;
      if (!codes.contains(key)) codes.add(key);
    }
    Outcome outcome = Outcome.NONE;
    if (d.details() instanceof Details.RepairReport r) outcome = outcome(r.outcome());
    String labelText =
        d.kind() == io.fixfinder.core.model.SourceKind.REPAIR_REPORT || d.title().isBlank()
            ? cut(d.text(), 300)
            : d.title();
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
        TextTools.phrases(labelText, 16, productWords(d)),
        TextTools.specificWords(labelText));
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
