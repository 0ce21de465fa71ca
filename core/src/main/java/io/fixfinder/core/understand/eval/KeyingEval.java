package io.fixfinder.core.understand.eval;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.DocumentKeying;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.eval.KeyingData.DataSet;
import io.fixfinder.core.understand.eval.KeyingData.Label;
import io.fixfinder.core.understand.eval.KeyingData.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores two keyers on labelled samples, per field: {@code evidence} (document keying, {@link
 * KeyExtractor#extractDocument}) and {@code baseline} (the previous document keying: the query
 * extractor on title and text, first mention wins).
 *
 * <ul>
 *   <li>precision: of the records where the keyer emitted a value and the data's label is known,
 *       the share whose value the label accepts (a label naming something outside the lexicon, a
 *       fan or a router, accepts nothing);
 *   <li>recall: of the records whose label is known, in the lexicon, and plausibly mentioned (the
 *       labelled value is named somewhere in title or text, by any alias), the share keyed with it;
 *   <li>model (myfixit only): correct when the data's device name contains the model (letters and
 *       digits); eligible when the device name has a model-looking token the text repeats;
 *   <li>codes: no set carries code labels, so the eval counts records with codes and lists the most
 *       frequent ones for audit; code precision is tested on our own sentences.
 * </ul>
 */
public final class KeyingEval {
  private KeyingEval() {}

  public enum Keyer {
    EVIDENCE,
    BASELINE
  }

  /** Counts of one field for one keyer on one set. */
  public record FieldScore(
      long emitted, long judged, long correct, long eligible, long recalled, long unjudged) {
    public double precision() {
      return judged == 0 ? Double.NaN : (double) correct / judged;
    }

    public double recall() {
      return eligible == 0 ? Double.NaN : (double) recalled / eligible;
    }
  }

  /** One keyer's figures on one set; {@code codes} maps code to records it was keyed on. */
  public record KeyerScore(
      Map<String, FieldScore> fields, long recordsWithCodes, Map<String, Long> codes) {}

  public record SetScore(
      String name, KeyingData.Role role, int samples, Map<Keyer, KeyerScore> keyers) {
    public boolean tuning() {
      return role == KeyingData.Role.TUNE;
    }
  }

  private static final class Counter {
    long emitted, judged, correct, eligible, recalled, unjudged;

    FieldScore score() {
      return new FieldScore(emitted, judged, correct, eligible, recalled, unjudged);
    }
  }

  private static final Pattern MODEL_TOKEN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[A-Za-z]{1,4}[\\s-]?\\d{3,5}[A-Za-z]{0,3}(?![\\p{L}\\p{N}])");

  public static List<SetScore> run(List<DataSet> sets, KeyExtractor extractor) {
    List<SetScore> out = new ArrayList<>();
    for (DataSet set : sets) {
      Map<Keyer, KeyerScore> keyers = new LinkedHashMap<>();
      for (Keyer keyer : Keyer.values()) keyers.put(keyer, score(set, keyer, extractor));
      out.add(new SetScore(set.name(), set.role(), set.samples().size(), keyers));
    }
    return out;
  }

  private static KeyerScore score(DataSet set, Keyer keyer, KeyExtractor extractor) {
    Counter type = new Counter();
    Counter brand = new Counter();
    Counter model = new Counter();
    long withCodes = 0;
    Map<String, Long> codes = new TreeMap<>();
    for (Sample s : set.samples()) {
      String all = s.title() + "\n" + s.text();
      ProductRef p;
      List<String> found;
      if (keyer == Keyer.EVIDENCE) {
        DocumentKeying.Result r =
            extractor.extractDocument(DocumentKeying.Page.of(s.title(), s.text()));
        p = r.keys().product();
        found = r.keys().errorCodes();
      } else {
        var k = extractor.extract(all);
        p = k.product();
        found = k.errorCodes();
      }
      if (!found.isEmpty()) withCodes++;
      found.forEach(c -> codes.merge(c, 1L, Long::sum));
      count(type, p.type(), s.type(), mentioned(extractor.typesMentioned(all), s.type()));
      count(brand, p.brand(), s.brand(), mentioned(extractor.brandsMentioned(all), s.brand()));
      if (!s.device().isEmpty()) countModel(model, p.model(), s, all);
    }
    Map<String, FieldScore> fields = new LinkedHashMap<>();
    fields.put("type", type.score());
    fields.put("brand", brand.score());
    if (set.samples().stream().anyMatch(s -> !s.device().isEmpty()))
      fields.put("model", model.score());
    Map<String, Long> top = new LinkedHashMap<>();
    codes.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(10)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return new KeyerScore(fields, withCodes, top);
  }

  private static boolean mentioned(List<String> mentions, Label label) {
    return label.known() && mentions.stream().anyMatch(label.values()::contains);
  }

  private static void count(Counter c, String value, Label label, boolean eligible) {
    if (!value.isEmpty()) {
      c.emitted++;
      if (label.known()) {
        c.judged++;
        if (label.values().contains(value)) c.correct++;
      } else c.unjudged++;
    }
    if (eligible) {
      c.eligible++;
      if (label.values().contains(value)) c.recalled++;
    }
  }

  private static void countModel(Counter c, String model, Sample s, String all) {
    String device = KeyExtractor.squash(s.device());
    if (!model.isEmpty()) {
      c.emitted++;
      c.judged++;
      if (device.contains(KeyExtractor.squash(model))) c.correct++;
    }
    String text = KeyExtractor.squash(all);
    Matcher m = MODEL_TOKEN.matcher(s.device());
    boolean eligible = false;
    while (m.find()) if (text.contains(KeyExtractor.squash(m.group()))) eligible = true;
    if (eligible && s.brand().known()) {
      c.eligible++;
      if (!model.isEmpty() && device.contains(KeyExtractor.squash(model))) c.recalled++;
    }
  }
}
