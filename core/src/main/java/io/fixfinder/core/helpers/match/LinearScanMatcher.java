package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plain way to rank helpers: look at every helper, score each with the same formula, sort all.
 * No index, no per-zone sharing, no top-k. It is the reference {@link HelperMatcher} is tested
 * against (same matches, same order, same scores) and the baseline of {@code fixfinder bench
 * helpers}; not meant for serving.
 */
public final class LinearScanMatcher {
  private final List<Candidate> candidates;

  public LinearScanMatcher(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  public List<Match> match(MatchQuery q) {
    record Scored(Candidate c, int mask, double score, boolean available) {}
    List<Scored> scored = new ArrayList<>();
    boolean anyKey = false;
    for (SkillKind k : SkillKind.values()) anyKey |= !q.value(k).isEmpty();
    int requiredMask = 0;
    for (SkillKind k : q.required()) requiredMask |= Scoring.bit(k);
    double within = q.withinKm().isPresent() ? q.withinKm().getAsDouble() : Double.NaN;
    for (Candidate c : candidates) {
      if (c.paused()) continue;
      Set<String> keys = new HashSet<>();
      for (Skill s : c.skills()) keys.add(s.matchKey());
      int mask = 0;
      for (SkillKind k : SkillKind.values()) {
        String v = q.value(k);
        if (!v.isEmpty() && keys.contains(Skill.key(k, v))) mask |= Scoring.bit(k);
      }
      if (anyKey && mask == 0) continue;
      if ((mask & requiredMask) != requiredMask) continue;
      double lat = c.location().point().map(p -> p.lat()).orElse(Double.NaN);
      double lon = c.location().point().map(p -> p.lon()).orElse(Double.NaN);
      double proximity =
          Scoring.proximity(q.place(), within, c.remote(), c.location().country(), lat, lon);
      if (Double.isNaN(proximity)) continue;
      boolean available = c.hours().isAvailable(q.now(), c.zone());
      if (q.availableNowOnly() && !available) continue;
      boolean speaks = Explain.speaks(c, q).isPresent();
      double score = Scoring.score(mask, speaks, proximity, available, c.reputation().score());
      scored.add(new Scored(c, mask, score, available));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.c().id()));
    List<Match> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(q.limit(), scored.size()))) {
      out.add(Explain.match(s.c(), q, s.mask(), s.score(), s.available()));
    }
    return out;
  }
}
