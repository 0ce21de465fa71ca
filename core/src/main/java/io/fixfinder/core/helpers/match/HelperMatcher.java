package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks helpers for a query (see {@link Scoring} for the order and {@link Reputation} for the
 * outcome signal). Built once from the directory: paused helpers are left out, and an index from
 * each skill key to the helpers who have it means a query looks only at helpers who share at least
 * one of its skills, not at the whole directory. Per-helper facts the hot path needs (coordinates,
 * zone, reputation score) are unpacked into arrays; a query computes the wall-clock minute of the
 * week once per distinct time zone, not once per helper.
 *
 * <p>Immutable and thread-safe: queries allocate their own scratch arrays. When the directory
 * changes, build a new matcher and publish it (an {@code AtomicReference} or volatile field).
 */
public final class HelperMatcher {
  private final Candidate[] helpers;
  private final Map<String, int[]> postings;
  private final ZoneId[] zones;
  private final int[] zoneOf;
  private final WeeklyHours[] hours;
  private final double[] lat;
  private final double[] lon;
  private final String[] country;
  private final boolean[] remote;
  private final double[] reputation;
  private final int paused;

  private HelperMatcher(List<Candidate> all) {
    Set<String> ids = new HashSet<>();
    List<Candidate> active = new ArrayList<>();
    int p = 0;
    for (Candidate c : all) {
      if (!ids.add(c.id())) throw new IllegalArgumentException("duplicate helper id " + c.id());
      if (c.paused()) p++;
      else active.add(c);
    }
    active.sort(Comparator.comparing(Candidate::id));
    this.paused = p;
    int n = active.size();
    helpers = active.toArray(Candidate[]::new);
    hours = new WeeklyHours[n];
    lat = new double[n];
    lon = new double[n];
    country = new String[n];
    remote = new boolean[n];
    reputation = new double[n];
    zoneOf = new int[n];
    Map<ZoneId, Integer> zoneIndex = new LinkedHashMap<>();
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Candidate c = helpers[i];
      hours[i] = c.hours();
      lat[i] = c.location().point().map(g -> g.lat()).orElse(Double.NaN);
      lon[i] = c.location().point().map(g -> g.lon()).orElse(Double.NaN);
      country[i] = c.location().country();
      remote[i] = c.remote();
      reputation[i] = c.reputation().score();
      zoneOf[i] = zoneIndex.computeIfAbsent(c.zone(), z -> zoneIndex.size());
      Set<String> keys = new HashSet<>();
      for (Skill s : c.skills()) keys.add(s.matchKey());
      for (String k : keys) lists.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
    }
    zones = zoneIndex.keySet().toArray(ZoneId[]::new);
    Map<String, int[]> post = new HashMap<>();
    lists.forEach((k, v) -> post.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    postings = Map.copyOf(post);
  }

  /**
   * A matcher over the directory's helpers (paused ones are kept out).
   *
   * @throws IllegalArgumentException on a duplicate helper id
   */
  public static HelperMatcher of(Collection<Candidate> candidates) {
    return new HelperMatcher(List.copyOf(candidates));
  }

  /** Helpers who can be matched (not paused). */
  public int size() {
    return helpers.length;
  }

  /** Paused helpers, left out of every match. */
  public int pausedCount() {
    return paused;
  }

  /** Helpers for a query, best first, at most {@code query.limit()}. */
  public List<Match> match(MatchQuery q) {
    Run run = new Run(q);
    int kinds = SkillKind.values().length;
    int[][] lists = new int[kinds][];
    int[] bits = new int[kinds];
    int present = 0;
    boolean anyKey = false;
    for (SkillKind k : SkillKind.values()) {
      String v = q.value(k);
      if (v.isEmpty()) continue;
      anyKey = true;
      int[] l = postings.get(Skill.key(k, v));
      if (l == null) continue;
      lists[present] = l;
      bits[present++] = Scoring.bit(k);
    }
    if (!anyKey) {
      for (int i = 0; i < helpers.length; i++) run.consider(i, 0);
    } else {
      // a merge of the (at most five) sorted posting lists: each helper once, with the bits of
      // every list it is in, and no array the size of the directory
      int[] pos = new int[present];
      while (true) {
        int min = Integer.MAX_VALUE;
        for (int k = 0; k < present; k++) {
          if (pos[k] < lists[k].length && lists[k][pos[k]] < min) min = lists[k][pos[k]];
        }
        if (min == Integer.MAX_VALUE) break;
        int mask = 0;
        for (int k = 0; k < present; k++) {
          if (pos[k] < lists[k].length && lists[k][pos[k]] == min) {
            mask |= bits[k];
            pos[k]++;
          }
        }
        run.consider(min, mask);
      }
    }
    return run.matches();
  }

  /**
   * One query's state: the best {@code limit} so far, best first, kept by insertion into short
   * arrays. Helpers are indexed in id order, so "lower index" breaks score ties the way {@link
   * Scoring#better} does.
   */
  private final class Run {
    private final MatchQuery q;
    private final int requiredMask;
    private final int[] zoneMinute;
    private final double within;
    private final List<String> languages;
    private final int[] topIdx;
    private final int[] topMask;
    private final double[] topScore;
    private final boolean[] topAvail;
    private int size;

    Run(MatchQuery q) {
      this.q = q;
      int required = 0;
      for (SkillKind k : q.required()) required |= Scoring.bit(k);
      this.requiredMask = required;
      this.zoneMinute = new int[zones.length];
      Arrays.fill(zoneMinute, -1);
      this.within = q.withinKm().isPresent() ? q.withinKm().getAsDouble() : Double.NaN;
      this.languages = q.languages();
      int limit = q.limit();
      topIdx = new int[limit];
      topMask = new int[limit];
      topScore = new double[limit];
      topAvail = new boolean[limit];
    }

    void consider(int i, int mask) {
      if ((mask & requiredMask) != requiredMask) return;
      double proximity =
          Scoring.proximity(q.place(), within, remote[i], country[i], lat[i], lon[i]);
      if (Double.isNaN(proximity)) return;
      int z = zoneOf[i];
      if (zoneMinute[z] < 0) zoneMinute[z] = WeeklyHours.weekMinute(q.now(), zones[z]);
      boolean available = hours[i].coversWeekMinute(zoneMinute[z]);
      if (q.availableNowOnly() && !available) return;
      boolean speaks = false;
      Set<String> spoken = helpers[i].languages();
      for (int l = 0; l < languages.size() && !speaks; l++) {
        speaks = spoken.contains(languages.get(l));
      }
      double score = Scoring.score(mask, speaks, proximity, available, reputation[i]);
      int limit = topIdx.length;
      if (size == limit && !better(score, i, size - 1)) return;
      int pos = size == limit ? limit - 1 : size++;
      while (pos > 0 && better(score, i, pos - 1)) {
        topIdx[pos] = topIdx[pos - 1];
        topMask[pos] = topMask[pos - 1];
        topScore[pos] = topScore[pos - 1];
        topAvail[pos] = topAvail[pos - 1];
        pos--;
      }
      topIdx[pos] = i;
      topMask[pos] = mask;
      topScore[pos] = score;
      topAvail[pos] = available;
    }

    private boolean better(double score, int i, int slot) {
      int c = Double.compare(score, topScore[slot]);
      return c > 0 || (c == 0 && i < topIdx[slot]);
    }

    List<Match> matches() {
      List<Match> out = new ArrayList<>(size);
      for (int r = 0; r < size; r++) {
        out.add(Explain.match(helpers[topIdx[r]], q, topMask[r], topScore[r], topAvail[r]));
      }
      return out;
    }
  }

  /** The list endpoint: helpers passing every filter, ranked like a match. */
  public List<Match> list(HelperFilter filter, List<String> languages, Instant now, int limit) {
    return match(filter.toQuery(languages, now, limit));
  }
}
