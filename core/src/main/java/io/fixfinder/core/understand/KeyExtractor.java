package io.fixfinder.core.understand;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.Keys.FixSignal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds product type, brand, model, error codes, symptoms and fix reports in free text. The same
 * extractor keys crawled records and interprets user queries, so both sides agree on what "E-18" or
 * "wm 8420x" mean. Thread-safe and immutable once built.
 */
public final class KeyExtractor {

  /** "E18", "e-18", "F 05", "C1": one letter from the usual appliance prefixes, 1-3 digits. */
  private static final Pattern LETTER_CODE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}-])([EFHCU])\\s?-?\\s?(\\d{1,3})(?![\\p{L}\\p{N}]|-\\d)",
          Pattern.CASE_INSENSITIVE);

  /** "Err 18", "error 07", "error code E-18", "err: 18". */
  private static final Pattern WORD_CODE =
      Pattern.compile(
          "\\berr(?:or)?(?:\\s+code)?\\s*[:#]?\\s*([EFHCU])?\\s?-?\\s?(\\d{1,3})\\b",
          Pattern.CASE_INSENSITIVE);

  /** Model-number candidates: 1-4 letters, optional separator, 2-5 digits, short suffix. */
  private static final Pattern MODEL_CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])([A-Za-z]{1,4})[\\s-]?(\\d{2,5})(-?[A-Za-z]{1,3})?(?:[\\s-](pro|plus|max|mini))?(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  /** OBD-II trouble codes: P, B, C or U, then four hex digits ("P0301", "p0420"). */
  private static final Pattern OBD_CODE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])([PBCU][0-3][0-9A-F]{3})(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  /** How far a letter code's digits may start after its letter ("F - 05"). */
  private static final int LETTER_LEAD = 4;

  /** How far a model candidate's digits may start after its first letter ("ABCD-123"). */
  static final int MODEL_LEAD = 5;

  private static final Pattern HASHTAG =
      Pattern.compile("(?<![\\p{L}\\p{N}])#(\\p{L}[\\p{L}\\p{N}_]{1,40})");

  private final Lexicon lexicon;
  private final PhraseMatcher<String> typePhrases;

  /** Type phrases (the type's id) and other devices (empty): the product a query names. */
  private final PhraseMatcher<Optional<String>> productPhrases;

  private final PhraseMatcher<BrandHit> brandPhrases;
  private final PhraseMatcher<String> symptomPhrases;
  private final PhraseMatcher<FixSignal> fixPhrases;
  private final Map<String, KnownModel> modelsBySquashedKey = new HashMap<>();

  /** Codes that are not letter+digits ("OE"), matched case-sensitively as whole tokens. */
  private final Map<Pattern, String> specialCodes = new HashMap<>();

  /** Squashed code ("F5") to the lexicon's spelling ("F05"). */
  private final Map<String, String> knownCodes = new HashMap<>();

  private final Set<String> hashtags;

  /** Brand-less codes ("P0301") to their product type ("car"). */
  private final Map<String, String> typeByGenericCode = new HashMap<>();

  record KnownModel(String model, String brand, String type) {}

  /**
   * A brand named in text: by its name or alias, or by one of its product lines ({@code line} true,
   * {@code lineType} the line's product type or "").
   */
  record BrandHit(Lexicon.Brand brand, boolean line, String lineType) {}

  /** Where a code-shaped token was found and by which rule. */
  record CodeHit(int at, int end, String code, CodeKind kind) {}

  /** The rule that found a code: the kinds differ in how much context a document must give. */
  enum CodeKind {
    /** "error 18", "err: 07": the word says it is a code. */
    WORD,
    /** "E18", "F-05": a letter and digits, which many other things also are. */
    LETTER,
    /** A brand's code that is not letter+digits ("OE"). */
    SPECIAL,
    /** An OBD-II code listed in error-codes.yaml. */
    OBD_KNOWN,
    /** An OBD-II-shaped code not listed (manufacturer-specific, newer generic). */
    OBD_FAMILY
  }

  /** URLs and percent escapes: "%2C" in a link is not the code C2. */
  // A file name is matched from the start of its token only: the leftmost match starts there
  // anyway, and trying every later position of a long token made this scan quadratic.
  private static final Pattern URLISH =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)\\S+|(?<!\\S)\\S+\\.(?:html?|php|aspx?)\\S*|%[0-9a-f]{2}");

  public KeyExtractor(Lexicon lexicon) {
    this.lexicon = lexicon;
    PhraseMatcher.Builder<String> types = PhraseMatcher.builder();
    for (Lexicon.ProductType type : lexicon.types()) {
      types.add(type.id().replace('-', ' '), type.id());
      type.synonyms().forEach(s -> types.add(s, type.id()));
      type.misspellings().forEach(s -> types.add(s, type.id()));
    }
    typePhrases = types.build();
    PhraseMatcher.Builder<Optional<String>> products = PhraseMatcher.builder();
    for (Lexicon.ProductType type : lexicon.types()) {
      Optional<String> id = Optional.of(type.id());
      products.add(type.id().replace('-', ' '), id);
      type.synonyms().forEach(s -> products.add(s, id));
      type.misspellings().forEach(s -> products.add(s, id));
    }
    lexicon.otherDevices().forEach(d -> products.add(d, Optional.empty()));
    productPhrases = products.build();
    PhraseMatcher.Builder<BrandHit> brands = PhraseMatcher.builder();
    for (Lexicon.Brand brand : lexicon.brands()) {
      BrandHit byName = new BrandHit(brand, false, "");
      brands.add(brand.name(), byName);
      brand.aliases().forEach(a -> brands.add(a, byName));
      brand.lines().forEach((line, type) -> brands.add(line, new BrandHit(brand, true, type)));
      brand
          .models()
          .forEach(
              (model, type) ->
                  modelsBySquashedKey.put(
                      squash(model), new KnownModel(model, brand.name(), type)));
      for (String code : brand.codes().keySet()) {
        knownCodes.put(squashCode(code), code);
        if (!LETTER_CODE.matcher(code).matches()) {
          String zeroForO = code.replace('O', '0');
          specialCodes.put(
              Pattern.compile(
                  "(?<![\\p{L}\\p{N}])(?:"
                      + Pattern.quote(code)
                      + "|"
                      + Pattern.quote(zeroForO)
                      + ")(?![\\p{L}\\p{N}])"),
              code);
        }
      }
    }
    brandPhrases = brands.build();
    PhraseMatcher.Builder<String> symptoms = PhraseMatcher.builder();
    for (Lexicon.Symptom symptom : lexicon.symptoms()) {
      symptoms.add(symptom.label(), symptom.id());
      symptom.phrases().forEach(p -> symptoms.add(p, symptom.id()));
    }
    symptomPhrases = symptoms.build();
    PhraseMatcher.Builder<FixSignal> fixes = PhraseMatcher.builder();
    lexicon.fixPhrases().forEach(p -> fixes.add(p, FixSignal.FIXED));
    lexicon.failPhrases().forEach(p -> fixes.add(p, FixSignal.FAILED));
    fixPhrases = fixes.build();
    hashtags = Set.copyOf(lexicon.hashtags());
    for (Lexicon.CodeGroup group : lexicon.codeGroups()) {
      group
          .codes()
          .keySet()
          .forEach(code -> typeByGenericCode.put(code.toUpperCase(Locale.ROOT), group.type()));
    }
  }

  /** The product type an OBD-II-shaped code names ("car"), or "" for other codes. */
  String typeOfCode(String code) {
    String t = typeByGenericCode.get(code);
    if (t != null) return t;
    return OBD_CODE.matcher(code).matches() ? OBD_TYPE : "";
  }

  /** The type of manufacturer-specific OBD-II codes, which error-codes.yaml does not list. */
  private static final String OBD_TYPE = "car";

  PhraseMatcher<BrandHit> brandPhrases() {
    return brandPhrases;
  }

  PhraseMatcher<String> typePhrases() {
    return typePhrases;
  }

  /** The known model a squashed candidate is, if any. */
  java.util.Optional<KnownModel> knownModel(String candidate) {
    return java.util.Optional.ofNullable(modelsBySquashedKey.get(squash(candidate)));
  }

  static Pattern modelCandidate() {
    return MODEL_CANDIDATE;
  }

  /** The letter-code and OBD-II patterns, searched with {@link #findNearDigit} (for its test). */
  static List<Pattern> digitAnchoredCodePatterns() {
    return List.of(LETTER_CODE, OBD_CODE);
  }

  /**
   * Keys a crawled document on evidence (see {@link DocumentKeying}): title, breadcrumbs and
   * structured hints outweigh body text, and incidental words do not key.
   */
  public DocumentKeying.Result extractDocument(DocumentKeying.Page page) {
    return documentKeying().key(page);
  }

  private volatile DocumentKeying documentKeying;

  private DocumentKeying documentKeying() {
    DocumentKeying d = documentKeying;
    if (d == null) documentKeying = d = new DocumentKeying(this);
    return d;
  }

  /**
   * Every brand named anywhere in a text (by name, alias or product line), in order, without any
   * evidence rule: what a text "plausibly mentions", for evaluation and labelling.
   */
  public List<String> brandsMentioned(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (BrandHit h : brandPhrases.findAllInOrder(normalise(text))) out.add(h.brand().name());
    return List.copyOf(out);
  }

  /** Every product type named anywhere in a text, in order, without any evidence rule. */
  public List<String> typesMentioned(String text) {
    return typePhrases.findAll(normalise(text));
  }

  /** An extractor over the built-in lexicon. */
  public static KeyExtractor builtIn() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final KeyExtractor INSTANCE = new KeyExtractor(Lexicon.builtIn());
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  public Keys extract(String text) {
    String normalised = normalise(text);
    List<String> codes = errorCodes(text);
    return signals(text, normalised, product(text, normalised, codes), codes);
  }

  /** Symptoms, hashtags and fix signal of a text, around a product and codes found otherwise. */
  Keys signals(String text, ProductRef product, List<String> codes) {
    return signals(text, normalise(text), product, codes);
  }

  private Keys signals(String text, String normalised, ProductRef product, List<String> codes) {
    String[] words = normalised.trim().split(" ");
    List<String> symptoms = symptomPhrases.findAll(words);
    List<String> tags = new ArrayList<>();
    Matcher m = HASHTAG.matcher(text);
    boolean hash = text.indexOf('#') >= 0;
    while (hash && m.find()) {
      String tag = m.group(1).toLowerCase(Locale.ROOT);
      if (!tags.contains(tag)) tags.add(tag);
    }
    // The last fix statement in a text wins: "tried X, no luck ... then Y, that fixed it".
    List<FixSignal> signals = fixPhrases.findAllInOrder(words);
    FixSignal fix = signals.isEmpty() ? FixSignal.NONE : signals.getLast();
    if (fix == FixSignal.NONE && tags.contains("fixed")) fix = FixSignal.FIXED;
    return new Keys(product, codes, symptoms, tags, fix);
  }

  /** The product named in a text: a known model decides brand and type; otherwise each alone. */
  public ProductRef product(String text) {
    return product(text, normalise(text), errorCodes(text));
  }

  private ProductRef product(String text, String normalised, List<String> codes) {
    String model = "";
    String brand = "";
    String type = "";
    Matcher m = MODEL_CANDIDATE.matcher(text);
    while (m.find()) {
      KnownModel known = modelsBySquashedKey.get(squash(m.group()));
      if (known == null && m.group(4) != null) {
        known = modelsBySquashedKey.get(squash(m.group(1) + m.group(2) + nz(m.group(3))));
      }
      if (known != null) {
        model = known.model();
        brand = known.brand();
        type = known.type();
        break;
      }
    }
    String lineType = "";
    if (brand.isEmpty()) {
      String[] words = normalised.trim().split(" ");
      for (PhraseMatcher.Match<BrandHit> hit : brandPhrases.matches(words)) {
        if (!queryBrandStands(hit, words)) continue;
        brand = hit.value().brand().name();
        lineType = hit.value().lineType();
        break;
      }
    }
    if (type.isEmpty()) {
      // A code that belongs to one product type (an OBD-II code) names the type.
      for (String code : codes) {
        String t = typeOfCode(code);
        if (!t.isEmpty()) {
          type = t;
          break;
        }
      }
    }
    if (type.isEmpty()) type = lineType;
    if (type.isEmpty()) {
      Optional<Optional<String>> named = productNamed(normalised);
      if (named.isPresent()) {
        type = named.get().orElse("");
      } else if (!brand.isEmpty()) {
        List<String> brandTypes = lexicon.brand(brand).map(Lexicon.Brand::types).orElse(List.of());
        if (brandTypes.size() == 1) type = brandTypes.getFirst();
      }
    }
    if (model.isEmpty() && !brand.isEmpty()) {
      model = unknownModel(text);
    }
    return new ProductRef(type, brand, model);
  }

  /**
   * The product a text names when it names several: the longest phrase wins, first on a tie ("the
   * mouse of my gaming laptop" is about the laptop only when nothing longer is named). A device
   * that is none of our types wins over a type word inside it ("3d printer" over "printer", "vr
   * headset" over "headset") and names no type: {@code Optional.of(Optional.empty())}. Empty when
   * no product phrase occurs.
   */
  Optional<Optional<String>> productNamed(String normalised) {
    PhraseMatcher.Match<Optional<String>> best = null;
    for (PhraseMatcher.Match<Optional<String>> m :
        productPhrases.matches(normalised.trim().split(" "))) {
      if (best == null || m.end() - m.start() > best.end() - best.start()) best = m;
    }
    return Optional.ofNullable(best).map(PhraseMatcher.Match::value);
  }

  /**
   * Whether a brand found in a query stands: not when followed by one of its {@code not-before}
   * words ("philips screwdriver"). Ambiguous names ("apple", "shark") do stand: a query is a few
   * words its author chose, and in a repair search "apple" means the brand; pages weigh them
   * ({@link DocumentKeying}).
   */
  private static boolean queryBrandStands(PhraseMatcher.Match<BrandHit> hit, String[] words) {
    Lexicon.Brand b = hit.value().brand();
    return hit.end() >= words.length || !b.notBefore().contains(words[hit.end()]);
  }

  /** A token with letters and at least two digits ("wat28400", "hl2270dw", "8420x"). */
  static boolean looksLikeModel(String word) {
    int digits = 0;
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)) digits++;
      else if (Character.isLetter(c)) letter = true;
    }
    return digits >= 2 && (letter || digits >= 3);
  }

  /** A model-looking token next to a known brand, normalised as LETTERS-DIGITS[SUFFIX]. */
  private static String unknownModel(String text) {
    Matcher m = MODEL_CANDIDATE.matcher(text);
    while (m.find()) {
      if (m.group(2).length() >= 3) {
        return normaliseModel(m.group());
      }
    }
    return "";
  }

  /** Error codes in order of appearance, normalised: "e-18", "Err 18" and "E 18" give "E18". */
  public List<String> errorCodes(String text) {
    Set<String> codes = new LinkedHashSet<>();
    codeHits(withoutUrls(text)).forEach(h -> codes.add(h.code()));
    return List.copyOf(codes);
  }

  /** The text with URLs and percent escapes blanked out (same length, so offsets hold). */
  static String withoutUrls(String text) {
    if (!mayHoldUrl(text)) return text;
    Matcher m = URLISH.matcher(text);
    if (!m.find()) return text;
    StringBuilder sb = new StringBuilder(text);
    do {
      for (int i = m.start(); i < m.end(); i++) sb.setCharAt(i, ' ');
    } while (m.find());
    return sb.toString();
  }

  /**
   * Whether {@link #URLISH} can match at all: it needs "http", "www.", ".htm", ".php", ".asp" or a
   * "%". One pass over the text instead of a regex tried at every token (most texts have no URL).
   */
  private static boolean mayHoldUrl(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '%') return true;
      if ((c == 'h' || c == 'H') && text.regionMatches(true, i, "http", 0, 4)) return true;
      if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)) return true;
      if (c == '.'
          && (text.regionMatches(true, i, ".htm", 0, 4)
              || text.regionMatches(true, i, ".php", 0, 4)
              || text.regionMatches(true, i, ".asp", 0, 4))) return true;
    }
    return false;
  }

  /**
   * {@link Matcher#find(int)} for patterns whose every match starts with a non-digit and has a
   * digit at most {@code lead} characters after its start: the regex is tried only at the few
   * positions before a digit, not at every letter of a long text. Finds exactly what {@code find()}
   * from {@code from} would (the leftmost match; lookbehinds see the text before it).
   */
  static boolean findNearDigit(Matcher m, CharSequence text, int from, int lead) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int digit = from; // the first digit after s, once s has moved past it
    for (int s = from; s < n; s++) {
      if (digit <= s) {
        digit = s + 1;
        while (digit < n && !Character.isDigit(text.charAt(digit))) digit++;
        if (digit >= n) return false;
      }
      if (digit - s > lead) {
        s = digit - lead - 1;
        continue;
      }
      m.region(s, n);
      if (m.lookingAt()) return true;
    }
    return false;
  }

  /** Whether a text holds "err" in any case (the word rule's codes need it). */
  private static boolean hasErr(String text) {
    for (int i = 0, n = text.length() - 2; i < n; i++) {
      char c = text.charAt(i);
      if ((c == 'e' || c == 'E') && text.regionMatches(true, i + 1, "rr", 0, 2)) return true;
    }
    return false;
  }

  /** Every code-shaped token, canonical, in order of appearance, with the rule that found it. */
  List<CodeHit> codeHits(String text) {
    List<CodeHit> hits = new ArrayList<>();
    Matcher word = WORD_CODE.matcher(text);
    boolean err = hasErr(text);
    while (err && word.find()) {
      String letter = word.group(1) == null ? "E" : word.group(1).toUpperCase(Locale.ROOT);
      hits.add(
          new CodeHit(
              word.start(),
              word.end(),
              canonicalCode(letter + Integer.parseInt(word.group(2))),
              CodeKind.WORD));
    }
    Matcher letter = LETTER_CODE.matcher(text);
    // "E18", "F - 05": the digits start at most four characters after the letter.
    for (int at = 0; findNearDigit(letter, text, at, LETTER_LEAD); at = letter.end()) {
      hits.add(
          new CodeHit(
              letter.start(),
              letter.end(),
              canonicalCode(
                  letter.group(1).toUpperCase(Locale.ROOT) + Integer.parseInt(letter.group(2))),
              CodeKind.LETTER));
    }
    for (Map.Entry<Pattern, String> special : specialCodes.entrySet()) {
      String code = special.getValue();
      if (!text.contains(code) && !text.contains(code.replace('O', '0'))) continue;
      Matcher sm = special.getKey().matcher(text);
      while (sm.find())
        hits.add(new CodeHit(sm.start(), sm.end(), special.getValue(), CodeKind.SPECIAL));
    }
    Matcher obd = OBD_CODE.matcher(text);
    for (int at = 0; findNearDigit(obd, text, at, 1); at = obd.end()) {
      String code = obd.group(1).toUpperCase(Locale.ROOT);
      hits.add(
          new CodeHit(
              obd.start(),
              obd.end(),
              code,
              typeByGenericCode.containsKey(code) ? CodeKind.OBD_KNOWN : CodeKind.OBD_FAMILY));
    }
    hits.sort((a, b) -> Integer.compare(a.at(), b.at()));
    return hits;
  }

  /**
   * The canonical code: letter(s) plus the number without leading zeros but at least two digits
   * when the lexicon writes it so ("F5" and "F05" are one code).
   */
  private String canonicalCode(String code) {
    return knownCodes.getOrDefault(squashCode(code), code);
  }

  private static final Pattern CODE_PARTS = Pattern.compile("([A-Z]+)0*(\\d+)");

  private static String squashCode(String code) {
    Matcher m = CODE_PARTS.matcher(code.toUpperCase(Locale.ROOT));
    return m.matches() ? m.group(1) + m.group(2) : code.toUpperCase(Locale.ROOT);
  }

  /**
   * Normalises a model number: "wm 8420x", "WM8420X" and "wm-8420X" all give "WM-8420X". A model
   * known to the lexicon is returned in its lexicon spelling.
   */
  public String model(String raw) {
    KnownModel known = modelsBySquashedKey.get(squash(raw));
    return known != null ? known.model() : normaliseModel(raw);
  }

  static String normaliseModel(String raw) {
    Matcher m = MODEL_CANDIDATE.matcher(raw.trim());
    if (!m.matches()) {
      return raw.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "-");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(m.group(1).toUpperCase(Locale.ROOT)).append('-').append(m.group(2));
    if (m.group(3) != null) sb.append(m.group(3).toUpperCase(Locale.ROOT));
    if (m.group(4) != null) sb.append(' ').append(m.group(4).toUpperCase(Locale.ROOT));
    return sb.toString();
  }

  /** Upper-case letters and digits only: the key under which model spellings meet. */
  public static String squash(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) sb.append(Character.toUpperCase(c));
    }
    return sb.toString();
  }

  /** Lower case, accents kept, apostrophes dropped, punctuation to spaces, spaces collapsed. */
  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length() + 2).append(' ');
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '’' || c == '`') continue;
      if (Character.isLetterOrDigit(c) || c == '✔') {
        sb.append(c);
        space = false;
      } else if (!space) {
        sb.append(' ');
        space = true;
      }
    }
    if (!space) sb.append(' ');
    return sb.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
