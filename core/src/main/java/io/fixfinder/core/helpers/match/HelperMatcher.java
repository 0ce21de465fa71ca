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
    int n = helpers.length;
    int[] mask = new int[n];
    int[] touched;
    int count = 0;
    boolean anyKey = false;
    int[][] lists = new int[SkillKind.values().length][];
    for (SkillKind k : SkillKind.values()) {
      String v = q.value(k);
      if (v.isEmpty()) continue;
      anyKey = true;
      lists[k.ordinal()] = postings.get(Skill.key(k, v));
    }
    if (!anyKey) {
      touched = new int[n];
      for (int i = 0; i < n; i++) touched[i] = i;
      count = n;
    } else {
      int total = 0;
      for (int[] l : lists) if (l != null) total += l.length;
      touched = new int[Math.min(n, total)];
      for (SkillKind k : SkillKind.values()) {
        int[] l = lists[k.ordinal()];
        if (l == null) continue;
        int bit = Scoring.bit(k);
        for (int i : l) {
          if (mask[i] == 0) touched[count++] = i;
          mask[i] |= bit;
        }
      }
    }
    int requiredMask = 0;
    for (SkillKind k : q.required()) requiredMask |= Scoring.bit(k);

    int[] zoneMinute = new int[zones.length];
    Arrays.fill(zoneMinute, -1);
    double within = q.withinKm().isPresent() ? q.withinKm().getAsDouble() : Double.NaN;
    List<String> languages = q.languages();
    Instant now = q.now();

    int limit = q.limit();
    int[] topIdx = new int[limit];
    double[] topScore = new double[limit];
    boolean[] topAvail = new boolean[limit];
    int size = 0;
    for (int t = 0; t < count; t++) {
      int i = touched[t];
      if ((mask[i] & requiredMask) != requiredMask) continue;
      double proximity =
          Scoring.proximity(q.place(), within, remote[i], country[i], lat[i], lon[i]);
      if (Double.isNaN(proximity)) continue;
      int z = zoneOf[i];
      if (zoneMinute[z] < 0) zoneMinute[z] = WeeklyHours.weekMinute(now, zones[z]);
      boolean available = hours[i].coversWeekMinute(zoneMinute[z]);
      if (q.availableNowOnly() && !available) continue;
      boolean speaks = false;
      Set<String> spoken = helpers[i].languages();
      for (int l = 0; l < languages.size() && !speaks; l++)
        speaks = spoken.contains(languages.get(l));
      double score = Scoring.score(mask[i], speaks, proximity, available, reputation[i]);
      // keep the best `limit` in topIdx, best first: insertion into a short sorted array
      String id = helpers[i].id();
      if (size == limit
          && !Scoring.better(score, id, topScore[size - 1], helpers[topIdx[size - 1]].id())) {
        continue;
      }
      int pos = size == limit ? limit - 1 : size++;
      while (pos > 0
          && Scoring.better(score, id, topScore[pos - 1], helpers[topIdx[pos - 1]].id())) {
        topIdx[pos] = topIdx[pos - 1];
        topScore[pos] = topScore[pos - 1];
        topAvail[pos] = topAvail[pos - 1];
        pos--;
      }
      topIdx[pos] = i;
      topScore[pos] = score;
      topAvail[pos] = available;
    }
    List<Match> out = new ArrayList<>(size);
    for (int r = 0; r < size; r++) {
      int i = topIdx[r];
      out.add(Explain.match(helpers[i], q, mask[i], topScore[r], topAvail[r]));
    }
    return out;
  }

  /** The list endpoint: helpers passing every filter, ranked like a match. */
  public List<Match> list(HelperFilter filter, List<String> languages, Instant now, int limit) {
    return match(filter.toQuery(languages, now, limit));
  }
}
