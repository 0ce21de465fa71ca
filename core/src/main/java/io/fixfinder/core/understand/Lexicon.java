package io.fixfinder.core.understand;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The vocabulary FixFinder understands: product types, brands (with models and error codes) and
 * symptom phrases. Loaded from YAML data files so that adding a brand is an edit of data, not code;
 * {@link #builtIn()} reads the files shipped beside this class. {@code otherDevices} name devices
 * that are none of our types (a microwave, a drone): a title naming one is about that device, so
 * body words do not give the page one of our types. {@code comparisonCues} ("than", "compared to",
 * "unlike") right before a brand make it a product the page compares with, not its subject.
 */
public record Lexicon(
    List<ProductType> types,
    List<Brand> brands,
    List<Symptom> symptoms,
    List<String> fixPhrases,
    List<String> failPhrases,
    List<String> hashtags,
    Map<String, List<String>> intents,
    List<CodeGroup> codeGroups,
    List<String> modifierHeads,
    CodeContext codeContext,
    List<String> otherDevices,
    List<String> comparisonCues) {

  public Lexicon {
    types = List.copyOf(types);
    brands = List.copyOf(brands);
    symptoms = List.copyOf(symptoms);
    fixPhrases = List.copyOf(fixPhrases);
    failPhrases = List.copyOf(failPhrases);
    hashtags = List.copyOf(hashtags);
    intents = Map.copyOf(Objects.requireNonNullElse(intents, Map.of()));
    codeGroups = List.copyOf(codeGroups);
    modifierHeads = List.copyOf(Objects.requireNonNullElse(modifierHeads, List.of()));
    codeContext = Objects.requireNonNullElse(codeContext, CodeContext.NONE);
    otherDevices = List.copyOf(Objects.requireNonNullElse(otherDevices, List.of()));
    comparisonCues = List.copyOf(Objects.requireNonNullElse(comparisonCues, List.of()));
  }

  /**
   * What a document must show around a code-shaped token before document keying reads it as an
   * error code ({@code code-context.yaml}); phrases are normalised like any lexicon phrase.
   */
  public record CodeContext(
      List<String> context,
      List<String> part,
      @JsonProperty("not-near") List<String> notNear,
      List<String> chassis) {
    public static final CodeContext NONE =
        new CodeContext(List.of(), List.of(), List.of(), List.of());

    public CodeContext {
      context = List.copyOf(Objects.requireNonNullElse(context, List.of()));
      part = List.copyOf(Objects.requireNonNullElse(part, List.of()));
      notNear = List.copyOf(Objects.requireNonNullElse(notNear, List.of()));
      chassis = List.copyOf(Objects.requireNonNullElse(chassis, List.of()));
    }
  }

  /**
   * Error codes that belong to a product type rather than a brand (OBD-II for cars), seeded from
   * shared data by {@code scripts/seed-lexicon.py}.
   */
  public record CodeGroup(String type, String source, Map<String, String> codes) {
    public CodeGroup {
      Objects.requireNonNull(type, "code group type");
      source = Objects.requireNonNullElse(source, "");
      codes = Map.copyOf(Objects.requireNonNullElse(codes, Map.of()));
    }
  }

  /**
   * A product type. {@code notAfter} and {@code notBefore} are words that, right before or after a
   * synonym, make it something else ("cast iron", "vacuum wave"): document keying skips those.
   * {@code partOf} names the types this one is as often a part of (a keyboard of a laptop): in a
   * page's text such a word is read as the part, so it keys only from the title, trail or markup.
   */
  public record ProductType(
      String id,
      String label,
      String ords,
      List<String> synonyms,
      List<String> misspellings,
      @JsonProperty("not-after") List<String> notAfter,
      @JsonProperty("not-before") List<String> notBefore,
      @JsonProperty("part-of") List<String> partOf) {
    public ProductType {
      partOf = List.copyOf(Objects.requireNonNullElse(partOf, List.of()));
      notAfter = List.copyOf(Objects.requireNonNullElse(notAfter, List.of()));
      notBefore = List.copyOf(Objects.requireNonNullElse(notBefore, List.of()));
      misspellings = List.copyOf(Objects.requireNonNullElse(misspellings, List.of()));
      Objects.requireNonNull(id, "product type id");
      label = Objects.requireNonNullElse(label, id);
      ords = Objects.requireNonNullElse(ords, "");
      synonyms = List.copyOf(Objects.requireNonNullElse(synonyms, List.of()));
    }
  }

  /**
   * A brand; {@code models} maps the normalised model to its product type id, {@code lines} a
   * product line that names the brand by itself ("ipod") to its type id ("" when none of ours). An
   * {@code ambiguous} name is also a common word and keys a document only next to a product word,
   * line or model; {@code notBefore} words right after the name cancel it ("Philips screw").
   */
  public record Brand(
      String name,
      List<String> aliases,
      List<String> types,
      Map<String, String> models,
      Map<String, String> codes,
      boolean ambiguous,
      Map<String, String> lines,
      @JsonProperty("not-before") List<String> notBefore) {
    public Brand {
      lines = Map.copyOf(Objects.requireNonNullElse(lines, Map.of()));
      notBefore = List.copyOf(Objects.requireNonNullElse(notBefore, List.of()));
      Objects.requireNonNull(name, "brand name");
      aliases = List.copyOf(Objects.requireNonNullElse(aliases, List.of()));
      types = List.copyOf(Objects.requireNonNullElse(types, List.of()));
      models = Map.copyOf(Objects.requireNonNullElse(models, Map.of()));
      codes = Map.copyOf(Objects.requireNonNullElse(codes, Map.of()));
    }
  }

  public record Symptom(String id, String label, List<String> phrases) {
    public Symptom {
      Objects.requireNonNull(id, "symptom id");
      label = Objects.requireNonNullElse(label, id);
      phrases = List.copyOf(Objects.requireNonNullElse(phrases, List.of()));
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private record TypesFile(
      List<ProductType> types,
      @JsonProperty("modifier-heads") List<String> modifierHeads,
      @JsonProperty("other-devices") List<String> otherDevices) {}

  private record BrandsFile(
      List<Brand> brands, @JsonProperty("comparison-cues") List<String> comparisonCues) {}

  private record CodesFile(List<CodeGroup> groups) {}

  private record SymptomsFile(
      List<Symptom> symptoms,
      @JsonProperty("fix-phrases") List<String> fixPhrases,
      @JsonProperty("fail-phrases") List<String> failPhrases,
      List<String> hashtags,
      Map<String, List<String>> intents) {}

  private static volatile Lexicon builtIn;

  /** The lexicon shipped with FixFinder (loaded once). */
  public static Lexicon builtIn() {
    Lexicon lexicon = builtIn;
    if (lexicon == null) {
      synchronized (Lexicon.class) {
        if (builtIn == null) {
          builtIn = load();
        }
        lexicon = builtIn;
      }
    }
    return lexicon;
  }

  private static Lexicon load() {
    TypesFile types = read("product-types.yaml", TypesFile.class);
    BrandsFile brands = read("brands.yaml", BrandsFile.class);
    SymptomsFile symptoms = read("symptoms.yaml", SymptomsFile.class);
    return new Lexicon(
        types.types(),
        brands.brands(),
        symptoms.symptoms(),
        symptoms.fixPhrases(),
        symptoms.failPhrases(),
        symptoms.hashtags(),
        symptoms.intents(),
        read("error-codes.yaml", CodesFile.class).groups(),
        types.modifierHeads(),
        read("code-context.yaml", CodeContext.class),
        types.otherDevices(),
        brands.comparisonCues());
  }

  private static <T> T read(String name, Class<T> type) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("lexicon file missing from the classpath: " + name);
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon file " + name, e);
    }
  }

  /** The intents (see symptoms.yaml) the hashtags express, in the order of {@code intents}. */
  public List<String> intentsOf(List<String> hashtags) {
    List<String> out = new java.util.ArrayList<>();
    for (String tag : hashtags) {
      for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(intents).entrySet()) {
        if (e.getValue().contains(tag) && !out.contains(e.getKey())) out.add(e.getKey());
      }
    }
    return out;
  }

  public Optional<ProductType> type(String id) {
    return types.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Brand> brand(String name) {
    return brands.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<Symptom> symptom(String id) {
    return symptoms.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
