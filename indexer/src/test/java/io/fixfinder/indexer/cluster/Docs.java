package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Records keyed as the crawler keys them (the shared KeyExtractor), for cluster tests. */
final class Docs {
  private Docs() {}

  static SourceDoc doc(String url, SourceKind kind, String title, String text, Details details) {
    Keys keys = KeyExtractor.builtIn().extract(title + "\n" + text);
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        "test",
        title,
        text,
        keys.product(),
        keys.errorCodes(),
        keys.symptoms(),
        keys.fix() == Keys.FixSignal.FIXED,
        Instant.EPOCH,
        details);
  }

  static SourceDoc report(String id, String type, String brand, String problem, String outcome) {
    Keys keys = KeyExtractor.builtIn().extract(brand + " " + problem);
    String url = "ords:" + id;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.REPAIR_REPORT,
        "test",
        type + ": " + problem,
        problem,
        new ProductRef(type, keys.product().brand(), keys.product().model()),
        keys.errorCodes(),
        keys.symptoms(),
        outcome.equals("Fixed"),
        Instant.EPOCH,
        new Details.RepairReport(outcome, type, 2020, "GBR", ""));
  }

  static Details.Video video(long views) {
    return new Details.Video("v", "channel", 300, views, views / 20, List.<Chapter>of());
  }

  /** Repair reports about a few faults of phones and printers, written in several ways. */
  static List<SourceDoc> synthetic(long seed, int n) {
    Random r = new Random(seed);
    String[][] phone = {
      {"cracked screen", "screen smashed", "display broken after a drop", "glass shattered"},
      {"battery drains fast", "battery swollen", "battery does not hold a charge"},
      {"charging port full of lint", "loose charging port", "usb port damaged"},
      {"no sound from the speaker", "speaker crackles", "earpiece silent"}
    };
    String[][] printer = {
      {"paper jam", "does not pick up paper", "paper gets stuck"},
      {"cartridge not recognised", "ink cartridge error", "new ink not detected"},
      {"streaks on every page", "faded prints", "blurry text"}
    };
    String[] brands = {"Apple", "Samsung", "Nokia", "HP", "Canon", "Epson", ""};
    String[] tails = {
      "", ", cleaned it", " - replaced the part", " since last week", ", owner advised"
    };
    List<SourceDoc> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean isPhone = r.nextBoolean();
      String[][] faults = isPhone ? phone : printer;
      String[] fault = faults[r.nextInt(faults.length)];
      String text = fault[r.nextInt(fault.length)] + tails[r.nextInt(tails.length)];
      out.add(
          report(
              "syn-" + seed + "-" + i,
              isPhone ? "smartphone" : "printer",
              brands[r.nextInt(brands.length)],
              text,
              r.nextBoolean() ? "Fixed" : "Repairable"));
    }
    return out;
  }
}
