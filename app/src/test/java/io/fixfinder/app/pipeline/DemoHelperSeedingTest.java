package io.fixfinder.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.demo.helpers.DemoHelper;
import io.fixfinder.demo.helpers.DemoHelpers;
import io.fixfinder.store.Database;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.contact.HelperStats;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.MatchCandidate;
import io.fixfinder.store.helpers.ProfileLimits;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo helpers land in a real SQLite store as listable helpers, once however often it runs,
 * with the issues they fixed as issue skills (resolved against the clusters given) and their
 * fictional past as their contact record.
 */
class DemoHelperSeedingTest {
  @TempDir Path dir;

  static IssueCluster cluster(String id, String type, String brand, String code, int size) {
    return new IssueCluster(
        id,
        "a fault",
        new ProductRef(type, brand, ""),
        code.isEmpty() ? List.of() : List.of(code),
        List.of("wont-drain"),
        size,
        Map.of(),
        IssueCluster.Outcomes.NONE,
        Map.of(),
        Instant.EPOCH,
        Instant.EPOCH);
  }

  // the E18 fault split in two clusters (the bigger one is meant), a Kesseler F21 fault, and a
  // cluster of the right code for another brand, which must not be taken
  static final List<IssueCluster> CLUSTERS =
      List.of(
          cluster("iss-e18big", "washing-machine", "Aqualine", "E18", 40),
          cluster("iss-e18small", "washing-machine", "Aqualine", "E18", 3),
          cluster("iss-f21", "washing-machine", "Kesseler", "F21", 12),
          cluster("iss-e18other", "washing-machine", "Kesseler", "E18", 90));

  @Test
  void seedsEveryDemoHelperOnceWithIssueSkillsAndTheirRecord() {
    int all = DemoHelpers.all().size();
    AtomicInteger loads = new AtomicInteger();
    Supplier<Collection<IssueCluster>> clusters =
        () -> {
          loads.incrementAndGet();
          return CLUSTERS;
        };
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      DemoHelperSeeding.Outcome first =
          DemoHelperSeeding.seed(db, dir, Clock.systemUTC(), clusters);
      assertThat(first.refused()).isEmpty();
      assertThat(first.added()).isEqualTo(all).isBetween(35, 45);
      assertThat(loads).hasValue(1);
      DemoHelperSeeding.Outcome again =
          DemoHelperSeeding.seed(db, dir, Clock.systemUTC(), clusters);
      assertThat(again).isEqualTo(new DemoHelperSeeding.Outcome(0, all, List.of()));
      assertThat(loads).as("a rerun adds nobody, so it needs no clusters").hasValue(1);

      List<MatchCandidate> listed =
          new HelperProfiles(db, SecretKeys.load(dir), ProfileLimits.defaults(), Clock.systemUTC())
              .listable();
      assertThat(listed).hasSize(all);
      // the drain search's helpers: Aqualine washing machines, in several time zones
      List<MatchCandidate> drain =
          listed.stream()
              .filter(m -> m.skills().stream().anyMatch(s -> s.value().equals("Aqualine")))
              .toList();
      assertThat(drain.size()).isGreaterThanOrEqualTo(5);
      assertThat(drain.stream().map(MatchCandidate::zone).distinct().count()).isGreaterThan(2);

      Map<String, MatchCandidate> byName =
          listed.stream()
              .collect(Collectors.toMap(MatchCandidate::displayName, Function.identity()));
      assertThat(byName).hasSize(all);
      ContactStore contact =
          new ContactStore(db, SecretKeys.load(dir), Clock.systemUTC(), Duration.ofDays(30));
      Map<String, HelperStats> records =
          contact.reputation(listed.stream().map(MatchCandidate::id).toList());
      int withE18 = 0;
      for (DemoHelper h : DemoHelpers.all()) {
        MatchCandidate m = byName.get(h.displayName());
        List<String> issues =
            m.skills().stream().filter(s -> s.kind() == SkillKind.ISSUE).map(Skill::value).toList();
        boolean e18 =
            h.issueHints().stream()
                .anyMatch(
                    x ->
                        x.type().equals("washing-machine")
                            && x.brand().equals("Aqualine")
                            && x.code().equals("E18"));
        boolean f21 = h.issueHints().stream().anyMatch(x -> x.code().equals("F21"));
        assertThat(issues)
            .as(h.handle())
            .containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.of(e18 ? "iss-e18big" : null, f21 ? "iss-f21" : null)
                    .filter(java.util.Objects::nonNull)
                    .toList());
        if (e18) withE18++;

        Reputation rep = h.reputation();
        HelperStats r = records.get(m.id());
        assertThat(r.received()).as(h.handle()).isEqualTo(rep.requestsReceived());
        assertThat(r.answered()).isEqualTo(rep.requestsAnswered());
        assertThat(r.fixed()).isEqualTo(rep.confirmedFixes());
        assertThat(r.notFixed()).isEqualTo(rep.notFixed());
        assertThat(r.gaveUp()).isEqualTo(rep.gaveUp());
        assertThat(r.medianResponseMinutes().isPresent()).isEqualTo(rep.requestsAnswered() > 0);
        if (rep.requestsAnswered() > 0 && rep.medianResponseMinutes().isPresent()) {
          // kept as the upper bound of the median's bucket
          assertThat(r.medianResponseMinutes().getAsLong())
              .isGreaterThanOrEqualTo(rep.medianResponseMinutes().getAsInt());
        }
      }
      assertThat(withE18).isEqualTo(10);
    }
  }
}
