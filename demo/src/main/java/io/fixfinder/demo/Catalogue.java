package io.fixfinder.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hand-written source material of the demo corpus, read from the YAML files beside this class:
 * brands and models, fault texts per product type, manual text, phrasing pools and the featured
 * documents. Everything generated is derived from this plus a seeded random, so the corpus changes
 * only when these files or the generators change.
 */
record Catalogue(
    List<ProductType> types,
    List<Brand> brands,
    Map<String, List<Fault>> faults,
    Map<String, ManualText> manuals,
    Pools pools,
    Featured featured,
    List<Guide> guides) {

  record ProductType(String id, String label, String plural, String category, List<String> words) {}

  /** A brand; {@code codes} maps an error code to its short meaning. */
  record Brand(
      String name,
      String slug,
      String tagline,
      String service,
      Map<String, String> codes,
      List<Model> models) {
    Brand {
      codes = codes == null ? Map.of() : codes;
    }
  }

  /** A model; {@code faults} maps a fault id of its type to the code it shows ("" for none). */
  record Model(
      String model,
      String type,
      String title,
      String released,
      String price,
      boolean pdf,
      List<List<String>> specs,
      Map<String, String> faults) {

    /** The model as a URL segment: {@code wm-8420x}, {@code lx-21-pro}. */
    String slug() {
      return Text.slug(model);
    }
  }

  record Row(String problem, String cause, String remedy) {}

  record VideoText(List<String> titles, List<String> chapters, List<String> tags) {}

  record Faq(String q, String a) {}

  /** One fault of a product type, with every text that talks about it. */
  record Fault(
      String id,
      String symptom,
      String label,
      String guide,
      Row row,
      List<String> titles,
      List<String> questions,
      List<String> fixes,
      List<String> tips,
      List<String> solved,
      List<String> unsolved,
      List<String> reviews,
      VideoText video,
      Faq faq) {}

  record ManualText(
      String intro,
      List<String> safety,
      List<String> installation,
      List<String> operation,
      List<String> care,
      List<Row> rows) {}

  record Expert(String name, String title, String sig) {}

  record Channel(String id, String title, List<String> types) {}

  record Pools(
      List<String> users,
      Map<String, List<Expert>> experts,
      List<String> greetings,
      List<String> contexts,
      List<String> signoffs,
      List<String> metoo,
      List<String> offtopic,
      List<String> thanksOther,
      List<String> solvedGeneric,
      List<String> unsolvedGeneric,
      List<String> modNotes,
      Map<String, String> typos,
      Map<String, String> abbreviations,
      Map<String, List<String>> reviewTitles,
      List<String> genericPraise,
      List<String> reviewAsides,
      Map<String, List<String>> praise,
      List<Channel> channels,
      List<String> videoIntros,
      List<String> videoOutros,
      Map<String, String> videoSafety,
      VideoText reviewVideo) {}

  record FeaturedReply(
      String author, String after, int votes, boolean accepted, boolean comment, String text) {}

  record FeaturedThread(
      String site,
      String model,
      String fault,
      int id,
      String slug,
      String title,
      String author,
      String date,
      int views,
      int votes,
      boolean posting,
      String question,
      List<FeaturedReply> replies) {}

  record FeaturedReview(
      String model,
      String fault,
      String author,
      String date,
      int rating,
      String title,
      int helpful,
      String body) {}

  record FeaturedVideo(
      String id,
      String model,
      String fault,
      String channel,
      String title,
      String published,
      String duration,
      long views,
      long likes,
      long comments,
      List<String> tags,
      String description) {}

  record Featured(
      List<FeaturedThread> threads, List<FeaturedReview> reviews, List<FeaturedVideo> videos) {}

  record Step(String name, String text) {}

  /** A step-by-step guide (HowTo) on ManualVault for the listed models. */
  record Guide(
      String slug,
      String name,
      String description,
      String totalTime,
      List<String> tools,
      List<String> supplies,
      List<String> models,
      List<Step> steps) {}

  private record GuideFile(List<Guide> guides) {}

  private record FaultFile(List<Fault> faults) {}

  private record CatalogueFile(List<ProductType> types, List<Brand> brands) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static volatile Catalogue loaded;

  /** The catalogue shipped with the demo module (read once, then shared: it is immutable). */
  static Catalogue load() {
    Catalogue c = loaded;
    if (c == null) {
      synchronized (Catalogue.class) {
        if (loaded == null) loaded = read();
        c = loaded;
      }
    }
    return c;
  }

  private static Catalogue read() {
    CatalogueFile file = read("catalogue.yaml", CatalogueFile.class);
    Map<String, List<Fault>> faults = new LinkedHashMap<>();
    for (ProductType type : file.types()) {
      faults.put(type.id(), read("faults/" + type.id() + ".yaml", FaultFile.class).faults());
    }
    Map<String, ManualText> manuals =
        YAML.convertValue(
            read("manuals.yaml", Map.class),
            YAML.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, ManualText.class));
    Catalogue catalogue =
        new Catalogue(
            file.types(),
            file.brands(),
            faults,
            manuals,
            read("common.yaml", Pools.class),
            read("featured.yaml", Featured.class),
            read("guides.yaml", GuideFile.class).guides());
    catalogue.validate();
    return catalogue;
  }

  private static <T> T read(String name, Class<T> type) {
    try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("demo corpus source missing: " + name);
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo corpus source " + name, e);
    }
  }

  /**
   * Fails fast on source mistakes a generator would otherwise hide: a model naming a fault its type
   * does not have, or a fault whose texts all need a code used by a model that shows none.
   */
  private void validate() {
    List<String> problems = new ArrayList<>();
    for (Brand brand : brands) {
      for (Model model : brand.models()) {
        if (manuals.get(model.type()) == null) problems.add(model.model() + ": no manual text");
        model
            .faults()
            .forEach(
                (faultId, code) -> {
                  Optional<Fault> fault = fault(model.type(), faultId);
                  if (fault.isEmpty()) {
                    problems.add(model.model() + ": unknown fault " + faultId);
                  } else if (code.isEmpty()) {
                    Fault f = fault.get();
                    for (var list :
                        List.of(
                            f.titles(),
                            f.questions(),
                            f.fixes(),
                            f.tips(),
                            f.solved(),
                            f.unsolved(),
                            f.reviews(),
                            f.video().titles())) {
                      if (list.stream().allMatch(Voice::needsCode)) {
                        problems.add(
                            model.model() + "/" + faultId + ": every text needs a code: " + list);
                      }
                    }
                  }
                });
      }
    }
    if (!problems.isEmpty()) throw new IllegalStateException("demo catalogue: " + problems);
  }

  ProductType type(String id) {
    return types.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown product type " + id));
  }

  Optional<Fault> fault(String type, String id) {
    return faults.getOrDefault(type, List.of()).stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** Every (model, fault) pair in catalogue order: the unit the corpus tells stories about. */
  List<Issue> issues() {
    List<Issue> issues = new ArrayList<>();
    for (Brand brand : brands) {
      for (Model model : brand.models()) {
        model
            .faults()
            .forEach(
                (faultId, code) ->
                    issues.add(
                        new Issue(
                            brand,
                            model,
                            type(model.type()),
                            fault(model.type(), faultId).orElseThrow(),
                            Objects.requireNonNullElse(code, ""))));
      }
    }
    return issues;
  }

  List<Model> models() {
    return brands.stream().flatMap(b -> b.models().stream()).toList();
  }

  Brand brandOf(Model model) {
    return brands.stream()
        .filter(b -> b.models().contains(model))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("model of no brand " + model.model()));
  }

  Model model(String name) {
    return models().stream()
        .filter(m -> m.model().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown model " + name));
  }
}
