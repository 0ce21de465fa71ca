package io.fixfinder.core.understand;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.KeyExtractor.BrandHit;
import io.fixfinder.core.understand.KeyExtractor.CodeHit;
import io.fixfinder.core.understand.KeyExtractor.KnownModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Keys a crawled document on evidence rather than on the first word that matches. A query is a few
 * words its author chose, so {@link KeyExtractor#extract} takes any mention; a page is long and
 * full of incidental words ("a flat surface", "Philips screws", "cast iron", "the headphone jack"),
 * so here every mention is weighed by where it stands and what stands next to it:
 *
 * <ul>
 *   <li>a zone weight: structured hint 1.0, title and breadcrumb trail 0.8, lead (first paragraph)
 *       0.4, URL path 0.35, body 0.2 per mention (body capped at three mentions);
 *   <li>a brand next to a product word, a product line or a model-looking token gets +0.3; an
 *       ambiguous brand (a common word) counts only there; a brand's {@code not-before} words
 *       cancel it;
 *   <li>a type word counts only as the head of its phrase: not after its {@code not-after} words,
 *       not before its {@code not-before} words or the shared {@code modifier-heads};
 *   <li>a known model (lexicon) decides brand and type; an unknown model counts only right after a
 *       brand or line mention, so part numbers elsewhere never become models;
 *   <li>the title, trail and markup name the page's subject: a type word only in the text counts
 *       when the title names no type or this one, and not when the title names a device that is
 *       none of our types; a part word ("keyboard") keys only from them;
 *   <li>a brand right after a comparison cue ("than my iPad") does not key, nor a brand in the text
 *       that cannot be the titled subject ("my Sony TV" on a page titled for a tablet).
 * </ul>
 *
 * A field is kept when its best value scores at least {@link #THRESHOLD}; its confidence is the
 * score capped at 1. Codes need code evidence too (see {@code code-context.yaml}).
 */
public final class DocumentKeying {

  /**
   * The score a field needs to be kept: one title or breadcrumb mention, a lead mention with a
   * product word beside it, or three body mentions. Chosen on myfixit Appliance and ORDS (see
   * docs/extraction.md), not on the sets the figures are reported on.
   */
  public static final double THRESHOLD = 0.5;

  /** Zones of a page, strongest first, each with the weight of one mention in it. */
  public enum Zone {
    HINT(1.0),
    TITLE(0.8),
    TRAIL(0.8),
    LEAD(0.4),
    URL(0.35),
    BODY(0.2);

    final double weight;

    Zone(double weight) {
      this.weight = weight;
    }
  }

  /**
   * What a page offers: its title and main text, the site's own breadcrumb trail (outermost first),
   * the URL path, and what structured markup said the page is about.
   */
  public record Page(
      String title, String text, List<String> trail, String urlPath, ProductRef hint) {
    public Page {
      title = Objects.requireNonNullElse(title, "");
      text = Objects.requireNonNullElse(text, "");
      trail = List.copyOf(Objects.requireNonNullElse(trail, List.of()));
      urlPath = Objects.requireNonNullElse(urlPath, "");
      hint = Objects.requireNonNullElse(hint, ProductRef.UNKNOWN);
    }

    /** A page with only a title and text. */
    public static Page of(String title, String text) {
      return new Page(title, text, List.of(), "", ProductRef.UNKNOWN);
    }
  }

  /** A keyed value with its confidence (0..1) and the strongest zone it was found in. */
  public record Field(String value, double confidence, Optional<Zone> zone) {
    public static final Field NONE = new Field("", 0, Optional.empty());

    public boolean kept() {
      return !value.isEmpty() && confidence >= THRESHOLD;
    }
  }

  /**
   * The keys of a document ({@code keys.product()} holds only the kept fields) and, per field, the
   * best candidate with its confidence whether kept or not.
   */
  public record Result(Keys keys, Field type, Field brand, Field model) {}

  /** The most body text read: keys are in the first screens of a page, and keying stays fast. */
  private static final int MAX_BODY = 20_000;

  private static final int LEAD_CHARS = 300;
  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("(?i)(?:https?://|www\\.)[^\\s/]*(/\\S*)?");
  private static final double BODY_CAP = 0.6;
  private static final double NEXT_TO_PRODUCT = 0.3;
  private static final double KNOWN_MODEL = 0.5;
  private static final double TITLE_MODEL = 0.1;

  /** Units and ordinals that look like model letters ("T20" is a screw bit, "500GB" a size). */
  private static final Set<String> NOT_MODEL_LETTERS =
      Set.of(
          "t", "ph", "pz", "m", "mm", "cm", "gb", "tb", "mb", "mah", "hz", "khz", "mhz", "ghz", "w",
          "kw", "v", "ml", "rpm", "in", "x", "no", "nr", "pn", "if", "sku", "rev", "ver", "step",
          "fig", "part", "p", "b", "c", "u", "e", "f", "h", "am", "pm");

  private final KeyExtractor extractor;
  private final Lexicon lexicon;
  private final Map<String, Lexicon.ProductType> typesById = new HashMap<>();
  private final Set<String> modifierHeads;
  private final PhraseMatcher<Boolean> codeContext;
  private final PhraseMatcher<Boolean> partContext;
  private final PhraseMatcher<Boolean> notNear;
  private final Set<String> chassis;
  private final PhraseMatcher<Boolean> otherDevices;
  private final Set<String> partTypes;
  private final PhraseMatcher<Boolean> comparisonCues;

  DocumentKeying(KeyExtractor extractor) {
    this.extractor = extractor;
    this.lexicon = extractor.lexicon();
    lexicon.types().forEach(t -> typesById.put(t.id(), t));
    modifierHeads = normalisedSet(lexicon.modifierHeads());
    Lexicon.CodeContext cc = lexicon.codeContext();
    codeContext = matcher(cc.context());
    partContext = matcher(cc.part());
    notNear = matcher(cc.notNear());
    Set<String> ch = new HashSet<>();
    cc.chassis().forEach(c -> ch.add(c.toUpperCase(Locale.ROOT)));
    chassis = Set.copyOf(ch);
    otherDevices = matcher(lexicon.otherDevices());
    Set<String> parts = new HashSet<>();
    lexicon
        .types()
        .forEach(
            t -> {
              if (!t.partOf().isEmpty()) parts.add(t.id());
            });
    partTypes = Set.copyOf(parts);
    comparisonCues = matcher(lexicon.comparisonCues());
  }

  private static PhraseMatcher<Boolean> matcher(List<String> phrases) {
    PhraseMatcher.Builder<Boolean> b = PhraseMatcher.builder();
    phrases.forEach(p -> b.add(p, Boolean.TRUE));
    return b.build();
  }

  private static Set<String> normalisedSet(List<String> phrases) {
    Set<String> out = new HashSet<>();
    phrases.forEach(p -> out.add(KeyExtractor.normalise(p).trim()));
    return Set.copyOf(out);
  }

  /** Scores per value of one field, with the strongest zone seen. */
  private static final class Tally {
    final Map<String, Double> score = new HashMap<>();
    final Map<String, Double> body = new HashMap<>();
    final Map<String, Zone> zone = new HashMap<>();
    final List<String> order = new ArrayList<>();

    void add(String value, Zone z, double weight) {
      if (value.isEmpty() || weight <= 0) return;
      if (!score.containsKey(value)) order.add(value);
      if (z == Zone.BODY) {
        double had = body.getOrDefault(value, 0.0);
        double now = Math.min(BODY_CAP, had + weight);
        body.put(value, now);
        weight = now - had;
      }
      score.merge(value, weight, Double::sum);
      zone.merge(value, z, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
    }

    Field best() {
      String best = "";
      double top = 0;
      for (String v : order) {
        double s = score.get(v);
        if (s > top + 1e-9) {
          top = s;
          best = v;
        }
      }
      return best.isEmpty()
          ? Field.NONE
          : new Field(best, Math.min(1.0, round(top)), Optional.of(zone.get(best)));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private record ZoneText(Zone zone, String raw, String[] words) {}

  Result key(Page page) {
    List<ZoneText> zones = zones(page);
    Tally brands = new Tally();
    Tally types = new Tally();
    Tally models = new Tally();
    boolean carContext = false;

    ProductRef hint = page.hint();
    if (!hint.isUnknown()) {
      ProductRef h = extractor.product(hint.brand() + " " + hint.model() + " " + hint.type());
      brands.add(hint.brand().isEmpty() ? h.brand() : canonicalBrand(hint.brand()), Zone.HINT, 1);
      types.add(hint.type().isEmpty() ? h.type() : hint.type(), Zone.HINT, 1);
      if (!hint.model().isEmpty()) models.add(extractor.model(hint.model()), Zone.HINT, 1);
    }

    // Types first: an ambiguous brand in a title stands when the page names one of its types.
    // The title (and trail, and markup) names the page's subject; a type word only in the text is
    // weaker evidence, so it counts only when the title names no type, or names this one.
    List<TypeMention> typeMentions = new ArrayList<>();
    Set<String> subjectTypes = new HashSet<>();
    if (!hint.isUnknown() && !hint.type().isEmpty()) subjectTypes.add(hint.type());
    boolean otherSubject = false;
    for (ZoneText z : zones) {
      boolean strong = z.zone().ordinal() <= Zone.TRAIL.ordinal();
      for (PhraseMatcher.Match<String> m : extractor.typePhrases().matches(z.words())) {
        if (m.value().equals("car")) carContext = true;
        if (!isHead(m, z.words())) continue;
        typeMentions.add(new TypeMention(m.value(), z.zone()));
        if (strong) subjectTypes.add(m.value());
      }
      if (strong && namesOtherDevice(z.words())) otherSubject = true;
    }
    Subject subject = new Subject(Set.copyOf(subjectTypes), otherSubject, partTypes);
    Set<String> headTypes = new HashSet<>();
    // Brands named by a product line that is none of our types ("Echo Show", "AirPort Extreme").
    Set<String> untypedLine = new HashSet<>();
    for (TypeMention t : typeMentions) {
      if (!subject.admits(t.type(), t.zone())) continue;
      headTypes.add(t.type());
      types.add(t.type(), t.zone(), t.zone().weight);
    }
    for (ZoneText z : zones) {
      String[] w = z.words();
      double weight = z.zone().weight;
      boolean[] compared = comparedAt(w);
      for (PhraseMatcher.Match<BrandHit> m : extractor.brandPhrases().matches(w)) {
        Lexicon.Brand b = m.value().brand();
        if (b.types().contains("car")) carContext = true;
        if (m.end() < w.length && b.notBefore().contains(w[m.end()])) continue;
        // "better than my iPad", "switched from Samsung": a product compared with, not the subject.
        if (compared[m.start()]) continue;
        boolean line = m.value().line();
        String besideType = line ? m.value().lineType() : typeBeside(w, m.end());
        // A brand in the text that cannot be the titled subject ("my Sony TV" on a tablet page).
        if (!subject.admitsBrand(b, besideType, z.zone())) continue;
        boolean beside = productBeside(w, m.end());
        boolean named =
            z.zone().ordinal() <= Zone.TRAIL.ordinal()
                && b.types().stream().anyMatch(headTypes::contains);
        if (b.ambiguous() && !line && !beside && !named) continue;
        // A URL segment is weak evidence however it reads ("/Device/iPod_Classic").
        double score = weight + ((beside || line) && z.zone() != Zone.URL ? NEXT_TO_PRODUCT : 0);
        brands.add(b.name(), z.zone(), score);
        if (line && m.value().lineType().isEmpty()) untypedLine.add(b.name());
        if (line
            && !m.value().lineType().isEmpty()
            && lineIsHead(w, m.end())
            && subject.admits(m.value().lineType(), z.zone()))
          types.add(m.value().lineType(), z.zone(), score);
        Optional<String> shortModel = knownModelWithoutPrefix(b, w, m.end());
        if (shortModel.isPresent()) models.add(shortModel.get(), z.zone(), score + KNOWN_MODEL);
        else
          unknownModelAfter(w, m.end(), z.zone().ordinal() <= Zone.TRAIL.ordinal())
              .ifPresent(model -> models.add(model, z.zone(), score));
      }
      Matcher mc = KeyExtractor.modelCandidate().matcher(z.raw());
      for (int at = 0;
          KeyExtractor.findNearDigit(mc, z.raw(), at, KeyExtractor.MODEL_LEAD);
          at = mc.end()) {
        Optional<KnownModel> known = extractor.knownModel(mc.group());
        if (known.isEmpty() && mc.group(4) != null)
          known =
              extractor.knownModel(
                  mc.group(1) + mc.group(2) + (mc.group(3) == null ? "" : mc.group(3)));
        if (known.isEmpty()) continue;
        KnownModel k = known.get();
        double score = weight + KNOWN_MODEL;
        models.add(k.model(), z.zone(), score);
        brands.add(k.brand(), z.zone(), score);
        types.add(k.type(), z.zone(), score);
      }
    }

    Field brand = brands.best();
    if (brand.kept()) {
      Optional<Lexicon.Brand> b = lexicon.brand(brand.value());
      if (b.isPresent() && b.get().types().contains("car")) carContext = true;
      // A brand that makes one kind of product names the type, as strongly as it is itself known.
      // Not when the page names the brand by a line that is none of our types: Amazon makes
      // tablets, but an "Echo Show" page is not about one.
      if (b.isPresent()
          && b.get().types().size() == 1
          && !untypedLine.contains(b.get().name())
          && subject.admits(b.get().types().getFirst(), Zone.LEAD))
        types.add(b.get().types().getFirst(), brand.zone().orElse(Zone.BODY), brand.confidence());
      // A type the brand makes, named on its page, is the page's type ("Ninja ... the blender").
      if (b.isPresent())
        for (String t : b.get().types())
          if (headTypes.contains(t)) types.add(t, Zone.LEAD, NEXT_TO_PRODUCT);
    }
    // A title naming a model number is about one product: its type words weigh a little more.
    if (zones.getFirst().raw().length() > 0 && hasModelToken(zones.getFirst().words()))
      for (String t : headTypes) types.add(t, Zone.LEAD, TITLE_MODEL);

    String all = page.title() + "\n" + page.text();
    List<String> codes =
        codes(KeyExtractor.withoutUrls(all), brand.kept() ? brand.value() : "", carContext);
    for (String code : codes) {
      String t = extractor.typeOfCode(code);
      if (!t.isEmpty()) types.add(t, Zone.LEAD, Zone.LEAD.weight + NEXT_TO_PRODUCT);
    }

    Field type = types.best();
    Field model = models.best();
    ProductRef product =
        new ProductRef(
            type.kept() ? type.value() : "",
            brand.kept() ? brand.value() : "",
            model.kept() && brand.kept()
                    || model.kept() && model.zone().equals(Optional.of(Zone.HINT))
                ? model.value()
                : "");
    Keys keys = extractor.signals(all, product, codes);
    return new Result(keys, type, brand, model);
  }

  private record TypeMention(String type, Zone zone) {}

  /**
   * What the title, trail and markup say the page is about: the types they name as heads, and
   * whether they name a device that is none of our types ("AirPort Extreme", "Microwave").
   */
  private record Subject(Set<String> types, boolean other, Set<String> parts) {
    /**
     * A type mention counts in a strong zone, or in the text when the title does not object and the
     * word is not as often a part of another device ("keyboard").
     */
    boolean admits(String type, Zone zone) {
      if (zone.ordinal() <= Zone.TRAIL.ordinal()) return true;
      if (parts.contains(type)) return false;
      if (!types.isEmpty()) return types.contains(type);
      return !other;
    }

    /**
     * A brand mention in the text stands unless the title names a type the brand does not make, or
     * the mention names a product of another type than the title's ("my Samsung TV" on a page
     * titled for a tablet).
     */
    boolean admitsBrand(Lexicon.Brand b, String besideType, Zone zone) {
      if (zone.ordinal() <= Zone.TRAIL.ordinal() || types.isEmpty()) return true;
      if (!b.types().isEmpty() && b.types().stream().noneMatch(types::contains)) return false;
      return besideType.isEmpty() || types.contains(besideType);
    }
  }

  /** Marks the words that stand at most two words after a comparison cue ("than my ipad"). */
  private boolean[] comparedAt(String[] w) {
    boolean[] out = new boolean[w.length + 1];
    for (PhraseMatcher.Match<Boolean> c : comparisonCues.matches(w))
      for (int i = c.end(); i <= Math.min(w.length, c.end() + 2); i++) out[i] = true;
    return out;
  }

  /** Whether a title names, as the head of its phrase, a device that is none of our types. */
  private boolean namesOtherDevice(String[] w) {
    for (PhraseMatcher.Match<Boolean> m : otherDevices.matches(w)) {
      // "toaster oven", "microwave oven": after a type word it is that type's variant.
      if (m.start() > 0 && extractor.typePhrases().at(w, m.start() - 1).isPresent()) continue;
      int after = m.end();
      if (after < w.length && modifierHeads.contains(w[after])) continue;
      return true;
    }
    for (PhraseMatcher.Match<BrandHit> m : extractor.brandPhrases().matches(w))
      if (m.value().line() && m.value().lineType().isEmpty() && lineIsHead(w, m.end())) return true;
    return false;
  }

  /** The type named as a head in the three words after a brand ("samsung tv"), or "". */
  private String typeBeside(String[] w, int at) {
    for (int i = at; i < Math.min(w.length, at + 3); i++) {
      Optional<PhraseMatcher.Match<String>> t = extractor.typePhrases().at(w, i);
      if (t.isPresent() && isHead(t.get(), w)) return t.get().value();
    }
    return "";
  }

  private String canonicalBrand(String raw) {
    String[] w = KeyExtractor.normalise(raw).trim().split(" ");
    for (PhraseMatcher.Match<BrandHit> m : extractor.brandPhrases().matches(w))
      return m.value().brand().name();
    return raw.strip();
  }

  private List<ZoneText> zones(Page page) {
    List<ZoneText> out = new ArrayList<>();
    out.add(zone(Zone.TITLE, page.title()));
    if (!page.trail().isEmpty()) out.add(zone(Zone.TRAIL, String.join(" \n ", page.trail())));
    // The page's own path and the links in its text ("…/aqualine-wm-8420x-manual.pdf"): weak
    // evidence, read as words; a known model there still counts (0.35 + 0.5).
    StringBuilder urls = new StringBuilder(urlWords(page.urlPath()));
    Matcher link = LINK.matcher(page.text());
    for (int n = 0; link.find() && n < 20; n++) urls.append(" \n ").append(urlWords(link.group()));
    if (!urls.toString().isBlank()) out.add(zone(Zone.URL, urls.toString()));
    String text = page.text();
    if (text.length() > MAX_BODY) text = text.substring(0, MAX_BODY);
    int cut = Math.min(text.length(), LEAD_CHARS);
    while (cut < text.length() && Character.isLetterOrDigit(text.charAt(cut))) cut++;
    out.add(zone(Zone.LEAD, text.substring(0, cut)));
    if (cut < text.length()) out.add(zone(Zone.BODY, text.substring(cut)));
    return out;
  }

  private static ZoneText zone(Zone zone, String raw) {
    String cleaned = KeyExtractor.withoutUrls(raw);
    return new ZoneText(zone, cleaned, KeyExtractor.normalise(cleaned).trim().split(" "));
  }

  /** "/Device/iPod_Classic" -> "Device iPod Classic": path segments as words. */
  static String urlWords(String path) {
    String p = path;
    try {
      p =
          java.net.URLDecoder.decode(
              path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a malformed escape: read the raw path
    }
    return p.replace('/', ' ').replace('_', ' ').replace('-', ' ').replace('+', ' ');
  }

  private static boolean hasModelToken(String[] w) {
    for (int i = 0; i < w.length; i++) if (modelAt(w, i)) return true;
    return false;
  }

  /** A model-looking token at word i: "wat28400", or split by normalising: "xr 40", "wm 8420x". */
  private static boolean modelAt(String[] w, int i) {
    if (KeyExtractor.looksLikeModel(w[i])) return true;
    if (i + 1 >= w.length || w[i].length() > 4 || !w[i].chars().allMatch(Character::isLetter))
      return false;
    String next = w[i + 1];
    return next.length() >= 2
        && Character.isDigit(next.charAt(0))
        && KeyExtractor.looksLikeModel(w[i] + next);
  }

  /** A line names a type unless a modifier head follows it ("wii remote", "xbox controller"). */
  private boolean lineIsHead(String[] w, int at) {
    int end = skipNumber(w, at);
    if (end >= w.length) return true;
    String next2 = end + 1 < w.length ? w[end] + " " + w[end + 1] : w[end];
    return !modifierHeads.contains(w[end]) && !modifierHeads.contains(next2);
  }

  /** A product word, product line or model-looking token in the three words after. */
  private boolean productBeside(String[] w, int at) {
    for (int i = at; i < Math.min(w.length, at + 3); i++) {
      if (modelAt(w, i)) return true;
      if (extractor.typePhrases().at(w, i).filter(m -> isHead(m, w)).isPresent()) return true;
      if (KeyExtractor.looksLikeModel(w[i])) return true;
      Optional<PhraseMatcher.Match<BrandHit>> line = extractor.brandPhrases().at(w, i);
      if (line.isPresent() && line.get().value().line()) return true;
    }
    return false;
  }

  /**
   * A brand's known model written without its letter prefix right after the brand: "Aqualine 8420X"
   * is the Aqualine WM-8420X. Only the brand's own models, so the short form is not a guess.
   */
  private static Optional<String> knownModelWithoutPrefix(Lexicon.Brand b, String[] w, int at) {
    if (at >= w.length || b.models().isEmpty() || !KeyExtractor.looksLikeModel(w[at]))
      return Optional.empty();
    String token = KeyExtractor.squash(w[at]);
    for (String model : b.models().keySet()) {
      String squashed = KeyExtractor.squash(model);
      int i = 0;
      while (i < squashed.length() && Character.isLetter(squashed.charAt(i))) i++;
      if (i > 0 && squashed.substring(i).equals(token)) return Optional.of(model);
    }
    return Optional.empty();
  }

  /** Past a generation number: "playstation 4 controller", "iphone 6 case". */
  private static int skipNumber(String[] w, int at) {
    return at < w.length && !w[at].isEmpty() && w[at].chars().allMatch(Character::isDigit)
        ? at + 1
        : at;
  }

  /** Whether a type word names the thing rather than modifying another noun. */
  private boolean isHead(PhraseMatcher.Match<String> m, String[] w) {
    Lexicon.ProductType t = typesById.get(m.value());
    if (t == null) return true;
    if (m.start() > 0 && t.notAfter().contains(w[m.start() - 1])) return false;
    int after = skipNumber(w, m.end());
    if (after < w.length) {
      String next = w[after];
      String next2 = after + 1 < w.length ? next + " " + w[after + 1] : next;
      if (t.notBefore().contains(next) || t.notBefore().contains(next2)) return false;
      if (modifierHeads.contains(next) || modifierHeads.contains(next2)) return false;
    }
    return true;
  }

  /**
   * A model-looking token in the three words after a brand: "bosch wat28400", "hl 2270dw", "kenwood
   * chef a701a". Two digits ("K75") only in a title or trail, where little else stands.
   */
  private static Optional<String> unknownModelAfter(String[] w, int at, boolean strongZone) {
    if (at >= w.length) return Optional.empty();
    StringBuilder sb = new StringBuilder();
    for (int i = at; i < Math.min(w.length, at + 3); i++) sb.append(i > at ? " " : "").append(w[i]);
    Matcher m = KeyExtractor.modelCandidate().matcher(sb);
    if (!m.find() || m.group(2).length() < (strongZone ? 2 : 3)) return Optional.empty();
    if (NOT_MODEL_LETTERS.contains(m.group(1).toLowerCase(Locale.ROOT))) return Optional.empty();
    // "IF145 079": a part number continues with more digits after the candidate.
    int end = m.end();
    if (end + 1 < sb.length() && sb.charAt(end) == ' ' && Character.isDigit(sb.charAt(end + 1)))
      return Optional.empty();
    return Optional.of(KeyExtractor.normaliseModel(m.group()));
  }

  /**
   * Codes with evidence. A word rule ("error 18") is its own evidence; a letter code ("E18") needs
   * a code word near it or must be in the keyed brand's own table; an OBD-II-shaped code needs to
   * be listed, or a code word near it, or a text about cars. None counts next to part-number words,
   * next to words that make it something else (F1 racing, the F1 key), or as a car's chassis name
   * in a text about cars.
   */
  List<String> codes(String text, String brand, boolean carContext) {
    Set<String> brandCodes = new HashSet<>();
    if (!brand.isEmpty())
      lexicon.brand(brand).ifPresent(b -> b.codes().keySet().forEach(brandCodes::add));
    Set<String> out = new LinkedHashSet<>();
    for (CodeHit hit : extractor.codeHits(text)) {
      String before = window(text, hit.at() - 30, hit.at());
      String after = window(text, hit.end(), hit.end() + 30);
      if (has(partContext, lastWords(before, 3))) continue;
      if (has(notNear, lastWords(before, 2) + " " + firstWords(after, 2))) continue;
      if (carContext && chassis.contains(hit.code())) continue;
      boolean context = has(codeContext, window(text, hit.at() - 60, hit.end() + 60));
      boolean ok =
          switch (hit.kind()) {
            case WORD -> true;
            case LETTER, SPECIAL -> brandCodes.contains(hit.code()) || context;
            case OBD_KNOWN -> true;
            case OBD_FAMILY -> context || carContext;
          };
      if (ok) out.add(hit.code());
    }
    return List.copyOf(out);
  }

  private static String window(String text, int from, int to) {
    return text.substring(Math.max(0, from), Math.min(text.length(), to));
  }

  private static boolean has(PhraseMatcher<Boolean> m, String raw) {
    return !m.findAllInOrder(KeyExtractor.normalise(raw)).isEmpty();
  }

  private static String lastWords(String raw, int n) {
    String[] w = KeyExtractor.normalise(raw).trim().split(" ");
    int from = Math.max(0, w.length - n);
    return String.join(" ", java.util.Arrays.copyOfRange(w, from, w.length));
  }

  private static String firstWords(String raw, int n) {
    String[] w = KeyExtractor.normalise(raw).trim().split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(n, w.length)));
  }
}
