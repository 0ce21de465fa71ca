package io.fixfinder.crawler.dedup.eval;

import io.fixfinder.crawler.dedup.Duplicates;
import io.fixfinder.crawler.dedup.SimHashRule;
import java.nio.file.Path;
import java.util.List;

/**
 * The tuning harness behind {@link Duplicates.Settings#DEFAULT}: a grid of settings on one guide
 * file (the Appliance half; the Computer Hardware half is held out for reporting). Run by hand:
 * {@code java -cp ... TuneDedup "../shared/data/myfixit/Appliance.json"}.
 */
public final class TuneDedup {
  private TuneDedup() {}

  public static void main(String[] args) throws Exception {
    List<DedupEval.Guide> guides = DedupEval.read(Path.of(args[0]));
    print("simhash (old)", DedupEval.run(guides, SimHashRule::new, 1));
    for (double sim : new double[] {0.3, 0.4, 0.5})
      for (int minPages : new int[] {3})
        for (double share : new double[] {0.02, 0.1})
          for (int lineShingles : new int[] {12, 15})
            for (double found : new double[] {0.1}) {
              Duplicates.Settings s =
                  new Duplicates.Settings(
                      sim, Math.max(sim, 0.8), minPages, share, lineShingles, found);
              print(s.toString(), DedupEval.run(guides, () -> new Duplicates(s), 1));
            }
  }

  /**
   * The objective: copies merged against every wrong merge, those of the device-titled site
   * included, so a threshold that merges copies by merging same-title siblings is not chosen.
   */
  static double f1(DedupEval.Result r) {
    double p = (double) r.merged() / Math.max(1, r.merged() + r.wrongMerges() + r.sameTitleLost());
    double rec = r.recall();
    return p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
  }

  static void print(String name, DedupEval.Result r) {
    System.out.printf(
        "%-80s P %.4f R %.4f lost %d/%d same-title lost %d/%d F1 %.4f%n",
        name,
        r.precision(),
        r.recall(),
        r.lost(),
        r.guides(),
        r.sameTitleLost(),
        r.sameTitlePages(),
        f1(r));
  }
}
