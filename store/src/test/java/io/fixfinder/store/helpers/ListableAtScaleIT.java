package io.fixfinder.store.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.crypto.SecretBox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's snapshot at 10,000 helpers on SQLite: every listable helper comes back with exactly
 * the skills written for them, and the load time is printed (a figure for docs/benchmarks.md, not
 * an assertion: the machine is shared). Random data; {@code -Dtests.seed=N} replays a run.
 */
class ListableAtScaleIT {
  @TempDir Path dir;

  @Test
  void tenThousandHelpersLoadWithTheirSkills() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("ListableAtScaleIT seed " + seed + " (-Dtests.seed=" + seed + " replays)");
    Random random = new Random(seed);
    int n = 10_000;
    SkillKind[] kinds = SkillKind.values();
    Map<String, List<Skill>> expected = new HashMap<>();
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("scale.db"))) {
      db.transaction(
          c -> {
            for (int i = 0; i < n; i++) {
              String id = String.format("h%021d", i);
              boolean verified = random.nextInt(10) != 0;
              boolean suspended = random.nextInt(50) == 0;
              Jdbc.update(
                  c,
                  "INSERT INTO helper (id, email_index, email_sealed, password_hash, verified,"
                      + " suspended, display_name, bio, languages, country, city, latitude,"
                      + " longitude, remote, time_zone, weekly_hours, paused, created_at_ms,"
                      + " updated_at_ms) VALUES (?, ?, 'v1.x', 'x', ?, ?, ?, '', 'en,de', 'DE',"
                      + " 'Berlin', ?, ?, ?, 'Europe/Berlin', 'mon 18:00-22:00', ?, 0, 0)",
                  id,
                  String.format("%064d", i),
                  verified,
                  suspended,
                  "Helper " + i,
                  random.nextDouble() * 180 - 90,
                  random.nextDouble() * 360 - 180,
                  random.nextBoolean(),
                  random.nextInt(5) == 0);
              List<Skill> skills = new ArrayList<>();
              int k = random.nextInt(8);
              for (int j = 0; j < k; j++)
                skills.add(
                    new Skill(
                        kinds[random.nextInt(kinds.length)],
                        "key-" + j + "-" + random.nextInt(300)));
              skills = List.copyOf(new java.util.LinkedHashSet<>(skills));
              HelperRows.writeSkills(c, id, skills);
              if (verified && !suspended) expected.put(id, skills);
            }
            return null;
          });
      HelperProfiles profiles =
          new HelperProfiles(
              db,
              new SecretBox(new byte[32]),
              ProfileLimits.defaults(),
              new MutableClock(Instant.EPOCH));
      profiles.listable(); // warm up
      long best = Long.MAX_VALUE;
      List<MatchCandidate> all = List.of();
      for (int round = 0; round < 5; round++) {
        long t = System.nanoTime();
        all = profiles.listable();
        best = Math.min(best, System.nanoTime() - t);
      }
      System.out.printf(
          "ListableAtScaleIT: %d of %d helpers listable, snapshot best of 5: %.1f ms%n",
          all.size(), n, best / 1e6);
      assertThat(all).hasSize(expected.size());
      for (MatchCandidate m : all)
        assertThat(m.skills()).as(m.id()).isEqualTo(expected.get(m.id()));
    }
  }
}
