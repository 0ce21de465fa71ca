package io.fixfinder.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.demo.helpers.DemoHelpers;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.MatchCandidate;
import io.fixfinder.store.helpers.ProfileLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo helpers land in a real SQLite store as listable helpers, once however often it runs. */
class DemoHelperSeedingTest {
  @TempDir Path dir;

  @Test
  void seedsEveryDemoHelperOnceAndListsThem() {
    int all = DemoHelpers.all().size();
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      DemoHelperSeeding.Outcome first = DemoHelperSeeding.seed(db, dir, Clock.systemUTC());
      assertThat(first.refused()).isEmpty();
      assertThat(first.added()).isEqualTo(all).isBetween(35, 45);
      DemoHelperSeeding.Outcome again = DemoHelperSeeding.seed(db, dir, Clock.systemUTC());
      assertThat(again).isEqualTo(new DemoHelperSeeding.Outcome(0, all, List.of()));
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
    }
  }
}
