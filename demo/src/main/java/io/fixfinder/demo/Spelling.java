package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Pools;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people actually write model numbers, error codes and posts: "wm8420x", "WM 8420X", "E-18",
 * "Err 18", dropped apostrophes, "thx", lower case, the odd typo. Search has to cope with all of
 * it, so the corpus has all of it.
 */
final class Spelling {
  private static final Pattern CODE = Pattern.compile("([A-Z]+)-?(\\d+)");
  private static final Pattern CONTRACTION =
      Pattern.compile("\\b(won|don|can|doesn|isn|didn|it|I|wasn|haven|wouldn)'(t|s|m|ve)\\b");

  private Spelling() {}

  /**
   * Ways to write a model. With {@code recognisable} only forms that still name the model (for
   * titles); otherwise also the bare number ("8420") people use once the model is known.
   */
  static List<String> modelVariants(String model, boolean recognisable) {
    List<String> v = new ArrayList<>();
    v.add(model);
    v.add(model);
    v.add(model.toLowerCase(Locale.ROOT));
    String squashed = model.replaceFirst("-", "").replaceFirst("(?<=\\d)-", "");
    v.add(squashed);
    v.add(squashed.toLowerCase(Locale.ROOT));
    if (model.contains("-")) v.add(model.replaceFirst("-", " "));
    if (!recognisable) {
      Matcher digits = Pattern.compile("\\d{3,}").matcher(model);
      if (digits.find()) v.add(digits.group());
    }
    return v;
  }

  /**
   * Ways to write a code: "E18", "e18", "E-18", and in posts also "Err 18", "error code 18". Titles
   * keep to the short forms, since their templates often say "{c} error" already.
   */
  static List<String> codeVariants(String code, boolean title) {
    Matcher m = CODE.matcher(code);
    if (!m.matches()) return title ? List.of(code) : List.of(code, code, "\"" + code + "\"");
    String letter = m.group(1), number = m.group(2);
    List<String> v = new ArrayList<>(List.of(code, code, code.toLowerCase(Locale.ROOT)));
    v.add(letter + "-" + number);
    if (number.startsWith("0")) v.add(letter + number.substring(1));
    if (title) return v;
    if (letter.equals("E")) {
      v.add("Err " + number);
      v.add("error code " + number);
      v.add("E " + number);
    } else {
      v.add("error " + letter + number);
    }
    return v;
  }

  /**
   * A post as a hurried person writes it: sometimes without apostrophes, in lower case, with
   * abbreviations or a typo. Links and origin tokens are left intact.
   */
  static String casual(String text, Dice dice, Pools pools) {
    boolean noApostrophes = dice.chance(0.35);
    boolean lower = dice.chance(0.15);
    boolean abbreviate = dice.chance(0.2);
    boolean typo = dice.chance(0.25);
    String[] tokens = text.split("(?<=\\s)|(?=\\s)");
    StringBuilder sb = new StringBuilder(text.length());
    boolean typoDone = false;
    for (String token : tokens) {
      if (token.isBlank() || token.contains("://") || token.contains("{{")) {
        sb.append(token);
        continue;
      }
      String t = token;
      if (noApostrophes) t = CONTRACTION.matcher(t).replaceAll("$1$2");
      if (abbreviate) t = replaceWords(t, pools.abbreviations());
      if (typo && !typoDone) {
        String replaced = replaceWords(t, pools.typos());
        typoDone = !replaced.equals(t);
        t = replaced;
      }
      if (lower) t = t.toLowerCase(Locale.ROOT);
      sb.append(t);
    }
    String out = sb.toString();
    if (dice.chance(0.15) && (out.endsWith("?") || out.endsWith("!"))) {
      out = out + out.charAt(out.length() - 1);
    }
    return out;
  }

  private static String replaceWords(String token, Map<String, String> words) {
    String core = token.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
    String replacement = words.get(core.toLowerCase(Locale.ROOT));
    if (replacement == null || core.isEmpty()) return token;
    return token.replace(core, replacement);
  }
}
