package io.fixfinder.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the source texts' placeholders for one issue. {@code {brand} {model} {code} {type}} are
 * written canonically; {@code {m} {c} {t}} as people type them, varied per occurrence; {@code
 * {manual} {pdf} {guide}} link into the manuals site; {@code {name}} is the person replied to.
 * {@code [[...]]} parts are kept only when the model shows a code.
 */
final class Voice {
  /** How model numbers and codes are spelled. */
  enum Register {
    /** Manuals, support pages, video titles: as printed on the machine. */
    CANONICAL,
    /** Thread titles: varied but still recognisable. */
    TITLE,
    /** Posts: anything goes. */
    CASUAL
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");
  private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);

  private Voice() {}

  static boolean needsCode(String template) {
    return template.contains("{c}") || template.contains("{code}");
  }

  /** A template usable for the issue: code-specific ones preferred when the model has a code. */
  static String choose(List<String> options, Issue issue, Dice dice) {
    List<String> usable = options.stream().filter(t -> issue.hasCode() || !needsCode(t)).toList();
    if (issue.hasCode() && dice.chance(0.7)) {
      List<String> coded = usable.stream().filter(Voice::needsCode).toList();
      if (!coded.isEmpty()) return dice.pick(coded);
    }
    return usable.isEmpty() ? "" : dice.pick(usable);
  }

  /**
   * The usable template sharing most words with {@code reference} (ties broken at random), so that
   * replies answer what was asked rather than a random other symptom of the same fault.
   */
  static String closest(List<String> options, String reference, Issue issue, Dice dice) {
    Set<String> ref = words(reference);
    List<String> usable = options.stream().filter(t -> issue.hasCode() || !needsCode(t)).toList();
    int best = -1;
    List<String> top = new ArrayList<>();
    for (String option : usable) {
      Set<String> w = words(option);
      w.retainAll(ref);
      if (w.size() > best) {
        best = w.size();
        top.clear();
      }
      if (w.size() == best) top.add(option);
    }
    if (best <= 0) return choose(options, issue, dice);
    return dice.pick(top);
  }

  private static final Set<String> COMMON =
      Set.of(
          "with", "that", "this", "have", "your", "from", "what", "after", "just", "there", "they",
          "when", "then", "will", "been", "only", "into", "about", "still", "does", "doesn't",
          "it's", "mine", "same", "first", "check", "machine", "brand", "model", "code", "type",
          "manual", "guide");

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (w.length() >= 4 && !COMMON.contains(w)) out.add(w);
    }
    return out;
  }

  static String fill(String template, Issue issue, Dice dice, Register register) {
    return fill(template, issue, dice, register, "");
  }

  static String fill(String template, Issue issue, Dice dice, Register register, String name) {
    Matcher optional = OPTIONAL.matcher(template);
    String text =
        optional.replaceAll(m -> issue.hasCode() ? Matcher.quoteReplacement(m.group(1)) : "");
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          sb, Matcher.quoteReplacement(value(m.group(1), issue, dice, register, name)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String value(String key, Issue issue, Dice dice, Register register, String name) {
    String model = issue.model().model();
    return switch (key) {
      case "brand" -> issue.brand().name();
      case "model" -> model;
      case "code" -> issue.code();
      case "type" -> issue.type().label();
      case "label" -> issue.fault().label();
      case "m" ->
          register == Register.CANONICAL
              ? model
              : dice.pick(Spelling.modelVariants(model, register == Register.TITLE));
      case "c" ->
          register == Register.CANONICAL
              ? issue.code()
              : dice.pick(Spelling.codeVariants(issue.code(), register == Register.TITLE));
      case "t" ->
          register == Register.CANONICAL
              ? issue.type().label()
              : dice.pick(issue.type().words()).toLowerCase(Locale.ROOT);
      case "manual" -> Urls.manualFor(issue);
      case "pdf" -> Urls.pdfOrManual(issue);
      case "guide" -> Urls.guideFor(issue);
      case "name" -> name.isEmpty() ? "mate" : name;
      default -> throw new IllegalStateException("unknown placeholder {" + key + "}");
    };
  }
}
