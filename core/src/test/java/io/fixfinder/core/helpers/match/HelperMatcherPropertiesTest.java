package io.fixfinder.core.helpers.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Ranking invariants on random directories and queries, each drawn from one seed that jqwik prints
 * on failure ({@code @Property(seed = "...")} replays it).
 */
class HelperMatcherPropertiesTest {

  @Property(tries = 200)
  void theIndexAgreesWithTheLinearScan(@ForAll long seed) {
    Random r = new Random(seed);
    List<Candidate> dir = RandomDirectory.directory(r, 1 + r.nextInt(120));
    HelperMatcher indexed = HelperMatcher.of(dir);
    LinearScanMatcher linear = new LinearScanMatcher(dir);
    for (int i = 0; i < 5; i++) {
      MatchQuery q = RandomDirectory.query(r);
      assertThat(indexed.match(q)).as("query %s", q).isEqualTo(linear.match(q));
    }
  }

  @Property(tries = 200)
  void pausedHelpersAreNeverReturnedAndScoresAreOrdered(@ForAll long seed) {
    Random r = new Random(seed);
    List<Candidate> dir = RandomDirectory.directory(r, 1 + r.nextInt(80));
    Set<String> paused = new HashSet<>();
    for (Candidate c : dir) if (c.paused()) paused.add(c.id());
    HelperMatcher m = HelperMatcher.of(dir);
    for (int i = 0; i < 5; i++) {
      MatchQuery q = RandomDirectory.query(r);
      List<Match> matches = m.match(q);
      assertThat(matches).hasSizeLessThanOrEqualTo(q.limit());
      assertThat(matches).noneMatch(x -> paused.contains(x.helperId()));
      for (int k = 1; k < matches.size(); k++) {
        assertThat(matches.get(k).score()).isLessThanOrEqualTo(matches.get(k - 1).score());
      }
      if (q.availableNowOnly()) assertThat(matches).allMatch(Match::availableNow);
    }
  }

  @Property(tries = 300)
  void addingAMatchingSkillNeverLowersAScore(@ForAll long seed) {
    Random r = new Random(seed);
    List<Candidate> dir = RandomDirectory.directory(r, 1 + r.nextInt(40));
    MatchQuery q = RandomDirectory.query(r);
    q = withLimit(q, MatchQuery.MAX_LIMIT);
    List<SkillKind> given = new ArrayList<>();
    for (SkillKind k : SkillKind.values()) if (!q.value(k).isEmpty()) given.add(k);
    if (given.isEmpty()) return;
    SkillKind kind = given.get(r.nextInt(given.size()));
    Candidate c = dir.get(r.nextInt(dir.size()));
    Set<Skill> more = new HashSet<>(c.skills());
    more.add(new Skill(kind, q.value(kind)));
    Candidate richer =
        new Candidate(
            c.id(),
            c.displayName(),
            more,
            c.languages(),
            c.location(),
            c.remote(),
            c.zone(),
            c.hours(),
            c.paused(),
            c.reputation());
    List<Candidate> after = new ArrayList<>(dir);
    after.set(dir.indexOf(c), richer);
    Optional<Match> before = RandomDirectory.find(HelperMatcher.of(dir).match(q), c.id());
    Optional<Match> now = RandomDirectory.find(HelperMatcher.of(after).match(q), c.id());
    before.ifPresent(
        b ->
            assertThat(now)
                .hasValueSatisfying(a -> assertThat(a.score()).isGreaterThanOrEqualTo(b.score())));
  }

  private static MatchQuery withLimit(MatchQuery q, int limit) {
    return new MatchQuery(
        q.issueId(),
        q.faultAreaId(),
        q.faultAreaLabel(),
        q.type(),
        q.brand(),
        q.model(),
        q.languages(),
        q.place(),
        q.availableNowOnly(),
        q.required(),
        q.withinKm(),
        q.now(),
        limit);
  }
}
