package io.fixfinder.demo.scale;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.Lexicon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Generates fault records that look like crawled ones to the indexer: a product of a lexicon type
 * and brand with a model number, a symptom phrased one of the lexicon's ways, sometimes an error
 * code, a source kind with its details, and prose whose vocabulary follows Zipf's law (a head of
 * common English words, a long tail of rarer words), so postings lists have realistic lengths.
 * Record {@code i} depends only on the seed and {@code i}.
 */
public final class SyntheticRecords {
  private static final String[] COMMON =
      ("the it and to a i of my is in was that on for with this but not have after when had "
              + "then so just now at be out from as an all again no do there up what they if "
              + "you which would one by can get even like time did back only off still new tried "
              + "turned checked replaced cleaned water power noise door light button cable "
              + "filter pump motor belt fuse board switch seal hose screen battery charger "
              + "brush bearing heater element sensor thermostat valve gasket drum panel")
          .split(" ");

  private static final String[] SYLLABLES =
      "ka lo mi ren tor vex qua sil dan pur mek zo fi gar lun tes bra cor dim hal".split(" ");

  private static final SourceKind[] KINDS = {
    SourceKind.FORUM, SourceKind.FORUM, SourceKind.FORUM, SourceKind.FORUM,
    SourceKind.REVIEW, SourceKind.REVIEW, SourceKind.MANUAL, SourceKind.MANUAL,
    SourceKind.VIDEO, SourceKind.REPAIR_REPORT
  };

  private static final int VOCABULARY = 60_000;

  private final Lexicon lexicon;
  private final long seed;
  private final double[] zipf;
  private final List<Lexicon.Brand> brands;

  public SyntheticRecords(Lexicon lexicon, long seed) {
    this.lexicon = lexicon;
    this.seed = seed;
    this.zipf = new double[VOCABULARY];
    double sum = 0;
    for (int r = 0; r < VOCABULARY; r++) zipf[r] = sum += 1 / Math.pow(r + 1, 1.07);
    for (int r = 0; r < VOCABULARY; r++) zipf[r] /= sum;
    this.brands = lexicon.brands().stream().filter(b -> !b.types().isEmpty()).toList();
    if (brands.isEmpty() || lexicon.symptoms().isEmpty())
      throw new IllegalArgumentException("the lexicon has no brands with types or no symptoms");
  }

  /** Records {@code 0..n-1}, in order. */
  public Stream<SourceDoc> stream(long n) {
    return LongStream.range(0, n).mapToObj(this::record);
  }

  /** Record number {@code i}. */
  public SourceDoc record(long i) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Lexicon.Brand brand = brands.get(rnd.nextInt(brands.size()));
    String type = brand.types().get(rnd.nextInt(brand.types().size()));
    String model = model(rnd, brand);
    Lexicon.Symptom symptom = lexicon.symptoms().get(rnd.nextInt(lexicon.symptoms().size()));
    String phrase = symptom.phrases().get(rnd.nextInt(symptom.phrases().size()));
    String code = rnd.nextInt(4) == 0 ? code(rnd, brand) : "";
    SourceKind kind = KINDS[rnd.nextInt(KINDS.length)];
    String typeName = typeName(rnd, type);
    String title =
        String.format(
            Locale.ROOT,
            "%s %s %s %s%s",
            brand.name(),
            model,
            typeName,
            phrase,
            code.isEmpty() ? "" : " " + code);
    boolean fixed = rnd.nextInt(3) == 0;
    StringBuilder text = new StringBuilder();
    int sentences = 2 + rnd.nextInt(kind == SourceKind.REPAIR_REPORT ? 2 : 10);
    for (int s = 0; s < sentences; s++) {
      if (s == 0) text.append("My ").append(typeName).append(' ').append(phrase).append(". ");
      sentence(rnd, text);
      if (rnd.nextInt(4) == 0) {
        Lexicon.Symptom other = lexicon.symptoms().get(rnd.nextInt(lexicon.symptoms().size()));
        text.append(other.phrases().getFirst()).append(". ");
      }
    }
    if (!code.isEmpty()) text.append("It shows error ").append(code).append(". ");
    if (fixed && !lexicon.fixPhrases().isEmpty()) {
      text.append(lexicon.fixPhrases().get(rnd.nextInt(lexicon.fixPhrases().size()))).append(". ");
    }
    String url = "https://synthetic.example/" + kind.id() + "/" + i;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        "synthetic.example",
        title,
        text.toString().strip(),
        new ProductRef(type, brand.name(), model),
        code.isEmpty() ? List.of() : List.of(code),
        List.of(symptom.id()),
        fixed,
        Instant.ofEpochSecond(1_500_000_000L + rnd.nextLong(250_000_000L)),
        details(rnd, kind, fixed, brand, model, phrase, type));
  }

  /** A mixed list of queries people type: product and symptom, model and code, typos, fragments. */
  public List<String> queries(int n) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<String> out = new ArrayList<>(n);
    for (int q = 0; q < n; q++) {
      Lexicon.Brand brand = brands.get(rnd.nextInt(brands.size()));
      String type = brand.types().get(rnd.nextInt(brand.types().size()));
      Lexicon.Symptom symptom = lexicon.symptoms().get(rnd.nextInt(lexicon.symptoms().size()));
      String phrase = symptom.phrases().get(rnd.nextInt(symptom.phrases().size()));
      out.add(
          switch (q % 5) {
            case 0 ->
                brand.name().toLowerCase(Locale.ROOT) + " " + typeName(rnd, type) + " " + phrase;
            case 1 -> model(rnd, brand) + " " + code(rnd, brand);
            case 2 -> typeName(rnd, type) + " " + phrase;
            case 3 -> brand.name() + " " + model(rnd, brand) + " " + phrase;
            default -> phrase + " " + COMMON[rnd.nextInt(COMMON.length)] + " " + word(rnd);
          });
    }
    return out;
  }

  private String typeName(SplittableRandom rnd, String type) {
    return lexicon
        .type(type)
        .map(
            t ->
                t.synonyms().isEmpty()
                    ? t.label()
                    : t.synonyms().get(rnd.nextInt(Math.min(4, t.synonyms().size()))))
        .orElse(type.replace('-', ' '));
  }

  private static String model(SplittableRandom rnd, Lexicon.Brand brand) {
    if (!brand.models().isEmpty() && rnd.nextBoolean()) {
      List<String> models = new ArrayList<>(brand.models().keySet());
      return models.get(rnd.nextInt(models.size()));
    }
    String prefix = brand.name().substring(0, Math.min(2, brand.name().length()));
    return prefix.toUpperCase(Locale.ROOT) + "-" + (100 + rnd.nextInt(9900));
  }

  private static String code(SplittableRandom rnd, Lexicon.Brand brand) {
    if (!brand.codes().isEmpty()) {
      List<String> codes = new ArrayList<>(brand.codes().keySet());
      return codes.get(rnd.nextInt(codes.size()));
    }
    return "E" + (1 + rnd.nextInt(40));
  }

  private void sentence(SplittableRandom rnd, StringBuilder out) {
    int words = 6 + rnd.nextInt(14);
    for (int w = 0; w < words; w++) {
      out.append(word(rnd));
      out.append(w == words - 1 ? ". " : " ");
    }
  }

  private String word(SplittableRandom rnd) {
    int rank = Arrays.binarySearch(zipf, rnd.nextDouble());
    if (rank < 0) rank = -rank - 1;
    rank = Math.min(rank, VOCABULARY - 1);
    if (rank < COMMON.length) return COMMON[rank];
    StringBuilder w = new StringBuilder();
    int r = rank;
    do {
      w.append(SYLLABLES[r % SYLLABLES.length]);
      r /= SYLLABLES.length;
    } while (r > 0);
    return w.toString();
  }

  private static Details details(
      SplittableRandom rnd,
      SourceKind kind,
      boolean fixed,
      Lexicon.Brand brand,
      String model,
      String phrase,
      String type) {
    return switch (kind) {
      case FORUM ->
          new Details.Thread(
              phrase,
              rnd.nextInt(30),
              rnd.nextInt(25),
              fixed ? "Replace the part and test it." : "",
              fixed ? rnd.nextInt(60) : 0,
              rnd.nextInt(60));
      case MANUAL ->
          new Details.ManualSection(
              "https://synthetic.example/manual/" + model,
              brand.name() + " " + model + " manual",
              1 + rnd.nextInt(40),
              phrase,
              "Worn or blocked part",
              fixed ? "Clean or replace the part." : "");
      case VIDEO ->
          new Details.Video(
              "v" + Long.toHexString(rnd.nextLong()),
              brand.name() + " Repairs",
              60 + rnd.nextInt(1200),
              rnd.nextLong(2_000_000),
              rnd.nextLong(50_000),
              List.of());
      case REVIEW ->
          new Details.Review(1 + rnd.nextInt(5), 5, "reviewer", brand.name() + " " + model);
      case REPAIR_REPORT ->
          new Details.RepairReport(
              fixed ? "Fixed" : (rnd.nextBoolean() ? "Repairable" : "End of life"),
              type,
              2000 + rnd.nextInt(25),
              "GBR",
              "Synthetic Repair Cafe");
      default -> new Details.None();
    };
  }
}
