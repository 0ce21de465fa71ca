package io.fixfinder.store.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.changes.Change;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What publishing issue-cluster generations must do on every engine: the bytes come back exactly
 * (across parts), the newest is served and announced on the change feed, a publication built on a
 * generation that is no longer the newest is refused (also when two race), and damaged or replaced
 * bytes are an error, never silently other clusters. Random bytes print their seed ({@code
 * -Dtests.seed=N} replays).
 */
abstract class ClusterGenerationsContract {
  abstract String freshUrl() throws Exception;

  static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  Database first;
  Database second;

  @BeforeEach
  void open() throws Exception {
    String url = freshUrl();
    first = Database.open(url);
    second = Database.open(url);
    System.out.println("ClusterGenerationsContract: -Dtests.seed=" + SEED);
  }

  @AfterEach
  void close() {
    if (second != null) second.close();
    if (first != null) first.close();
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void nothingIsPublishedAtFirst() {
    assertThat(new ClusterGenerations(first, clock).latest()).isEmpty();
  }

  @Test
  void aGenerationSpanningPartsComesBackExactlyOnTheOtherHandleAndIsAnnounced() throws Exception {
    ChangeFeed.Cursor cursor = new ChangeFeed(second).fromNow();
    // two full parts and a short third
    byte[] content = bytes(2 * ClusterGenerations.PART_BYTES + 12_345, SEED);
    ClusterGenerations.Published p =
        new ClusterGenerations(first, clock)
            .publish(new ByteArrayInputStream(content), 0, "fixfinder-3");
    assertThat(p.generation()).isEqualTo(1);
    assertThat(p.parts()).isEqualTo(3);
    assertThat(p.sizeBytes()).isEqualTo(content.length);

    ClusterGenerations reader = new ClusterGenerations(second, clock);
    assertThat(reader.latest()).contains(p);
    assertThat(readAll(reader.open(p))).isEqualTo(content);
    assertThat(((ChangeFeed.Polled.Changes) cursor.poll()).changes())
        .containsExactly(new Change(1, Topic.CLUSTERS, "1"));
  }

  @Test
  void anEmptyFileIsAGenerationToo() throws Exception {
    ClusterGenerations g = new ClusterGenerations(first, clock);
    ClusterGenerations.Published p = g.publish(InputStream.nullInputStream(), 0, "");
    assertThat(p.parts()).isZero();
    assertThat(readAll(g.open(p))).isEmpty();
  }

  @Test
  void theNewestIsServedAndOnlyTheOneBeforeItIsKept() throws Exception {
    ClusterGenerations g = new ClusterGenerations(first, clock);
    List<ClusterGenerations.Published> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(g.publish(new ByteArrayInputStream(bytes(1000 + i, SEED + i)), i, "fixfinder-" + i));
    }
    assertThat(g.latest()).contains(all.get(3));
    assertThat(readAll(g.open(all.get(2)))).isEqualTo(bytes(1002, SEED + 2));
    assertThatThrownBy(() -> readAll(g.open(all.get(1))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("generation 2 were replaced while being read");
    first.read(
        c -> {
          try (PreparedStatement st =
                  c.prepareStatement("SELECT COUNT(*) FROM issue_cluster_generation");
              var rs = st.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(ClusterGenerations.KEEP);
          }
          return null;
        });
  }

  @Test
  void aPublicationBuiltOnAnOlderGenerationIsRefusedAndChangesNothing() {
    ClusterGenerations g = new ClusterGenerations(first, clock);
    ClusterGenerations.Published one = g.publish(new ByteArrayInputStream(bytes(10, SEED)), 0, "a");
    ChangeFeed feed = new ChangeFeed(first);
    long head = feed.head();
    assertThatThrownBy(() -> g.publish(new ByteArrayInputStream(bytes(10, SEED)), 0, "b"))
        .isInstanceOf(ClusterGenerations.Conflict.class)
        .hasMessage(
            "issue clusters were published by another index run meanwhile (this run started from"
                + " none): run index again to build on them");
    assertThat(g.latest()).contains(one);
    assertThat(feed.head()).as("nothing announced").isEqualTo(head);
  }

  @Test
  void twoPublishersRacingOnOneGenerationOneWins() throws Exception {
    ClusterGenerations a = new ClusterGenerations(first, clock);
    ClusterGenerations b = new ClusterGenerations(second, clock);
    a.publish(new ByteArrayInputStream(bytes(10, SEED)), 0, "");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Callable<String>> both = new ArrayList<>();
    for (ClusterGenerations g : List.of(a, b)) {
      both.add(
          () -> {
            try {
              g.publish(new ByteArrayInputStream(bytes(500_000, SEED)), 1, "");
              return "won";
            } catch (ClusterGenerations.Conflict e) {
              return "refused";
            }
          });
    }
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : pool.invokeAll(both)) outcomes.add(f.get());
    pool.shutdown();
    assertThat(outcomes).containsExactlyInAnyOrder("won", "refused");
    assertThat(a.latest().orElseThrow().generation()).isEqualTo(2);
  }

  @Test
  void damagedPartsFailTheirChecksumOnRead() {
    ClusterGenerations g = new ClusterGenerations(first, clock);
    ClusterGenerations.Published p = g.publish(new ByteArrayInputStream(bytes(5000, SEED)), 0, "");
    first.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE issue_cluster_part SET content = ? WHERE generation = 1")) {
            st.setBytes(1, bytes(5000, SEED + 1));
            st.executeUpdate();
          }
          return null;
        });
    assertThatThrownBy(() -> readAll(g.open(p)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fail their SHA-256");
  }
}
