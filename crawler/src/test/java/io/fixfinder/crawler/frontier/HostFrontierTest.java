package io.fixfinder.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFrontierTest {
  @TempDir Path dir;

  @Test
  void eachHostIsServedInOrderAndNeverFasterThanItsPace() {
    try (HostFrontier f = HostFrontier.open(dir, 10_000, 1_000)) {
      for (int i = 0; i < 5; i++) {
        assertThat(f.offer("https://a.example/" + i, 0)).isTrue();
        assertThat(f.offer("https://b.example/" + i, 0)).isTrue();
      }
      assertThat(f.offer("https://a.example/0", 0)).as("queued once").isFalse();
      assertThat(f.offer("not a url", 0)).isFalse();
      f.pace("B.example", 3_000);
      Map<String, List<Long>> times = new HashMap<>();
      Map<String, List<String>> order = new LinkedHashMap<>();
      long now = 0;
      while (true) {
        HostFrontier.Pick p = f.next(now);
        if (p instanceof HostFrontier.Pick.Empty) break;
        if (p instanceof HostFrontier.Pick.Wait w) {
          now += w.millis();
          continue;
        }
        String url = ((HostFrontier.Pick.Fetch) p).url();
        String host = HostFrontier.hostOf(url);
        times.computeIfAbsent(host, h -> new ArrayList<>()).add(now);
        order.computeIfAbsent(host, h -> new ArrayList<>()).add(url);
      }
      assertThat(order.get("a.example"))
          .containsExactly(
              "https://a.example/0",
              "https://a.example/1",
              "https://a.example/2",
              "https://a.example/3",
              "https://a.example/4");
      assertThat(gaps(times.get("a.example"))).allSatisfy(g -> assertThat(g).isEqualTo(1_000));
      assertThat(gaps(times.get("b.example"))).allSatisfy(g -> assertThat(g).isEqualTo(3_000));
      assertThat(f.queued()).isZero();
    }
  }

  @Test
  void aKilledWorkerResumesFromItsCheckpointLosingNoUrl() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<String> offered = new ArrayList<>();
    List<String> fetchedBeforeCheckpoint = new ArrayList<>();
    try (HostFrontier f = HostFrontier.open(dir, 100_000, 0)) {
      for (int i = 0; i < 3_000; i++) {
        String url = "https://h" + random.nextInt(40) + ".example/" + i;
        f.offer(url, 0);
        offered.add(url);
      }
      for (int i = 0; i < 500; i++) {
        fetchedBeforeCheckpoint.add(((HostFrontier.Pick.Fetch) f.next(i)).url());
      }
      f.checkpoint();
      for (int i = 3_000; i < 6_000; i++) { // written after the checkpoint, then "killed"
        String url = "https://h" + random.nextInt(60) + ".example/" + i;
        f.offer(url, 0);
        offered.add(url);
      }
      for (int i = 0; i < 200; i++) f.next(1_000 + i); // handed out, not checkpointed
    }
    // a torn record at the end, as a kill mid-write leaves
    Files.write(dir.resolve("frontier.log"), new byte[] {'U', 0, 0}, StandardOpenOption.APPEND);
    List<String> rest = new ArrayList<>();
    try (HostFrontier f = HostFrontier.open(dir, 100_000, 0)) {
      assertThat(f.offer(offered.get(10), 0)).as("still seen after resume").isFalse();
      for (HostFrontier.Pick p = f.next(10_000); p instanceof HostFrontier.Pick.Fetch x; ) {
        rest.add(x.url());
        p = f.next(10_000);
      }
    }
    List<String> all = new ArrayList<>(fetchedBeforeCheckpoint);
    all.addAll(rest);
    assertThat(all).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(offered);
  }

  private static List<Long> gaps(List<Long> times) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) out.add(times.get(i) - times.get(i - 1));
    return out;
  }
}
